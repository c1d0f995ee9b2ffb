"""The sub-models and their comparison table, built from the pages' own attributes."""

import re

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.handbook.conftest import ATTRIBUTES

pytestmark = pytest.mark.django_db


def table_columns(html):
    return re.findall(r'<th scope="col"><a href="[^"]+">([^<]+)</a></th>', html)


def table_row(html, label):
    row = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', html, re.S)
    return re.findall(r"<td>(.*?)</td>", row.group(1), re.S)


@pytest.mark.smoke
def test_the_comparison_has_one_column_per_sub_model(client, sub_models):
    index, pages = sub_models
    html = client.get(index.url).content.decode()
    assert table_columns(html) == ["Podmodel A", "Podmodel B", "Podmodel C"]
    assert table_row(html, "Ryzyka") == ["Ryzyko rynkowe A", "Ryzyko rynkowe B", "Ryzyko rynkowe C"]
    assert len(re.findall(r'<th scope="row">', html)) == len(ATTRIBUTES)


def test_an_unpublished_sub_model_leaves_the_table(client, sub_models):
    index, pages = sub_models
    pages[1].unpublish()
    assert table_columns(client.get(index.url).content.decode()) == ["Podmodel A", "Podmodel C"]


def edit_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "features": streamfield([]),
        **{name: getattr(page, name) for name in ATTRIBUTES},
        "body": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


def test_an_attribute_edited_in_the_admin_shows_in_the_table(admin_client, client, sub_models):
    index, pages = sub_models
    response = admin_client.post(
        f"/admin/pages/{pages[2].pk}/edit/",
        edit_form(pages[2], local_government_role="Gmina zamawia usługi"),
    )
    assert response.status_code == 302
    html = client.get(index.url).content.decode()
    assert table_row(html, "Rola samorządu") == ["Partner A", "Partner B", "Gmina zamawia usługi"]


def test_an_empty_attribute_is_refused_next_to_its_field(admin_client, sub_models):
    _index, pages = sub_models
    response = admin_client.post(f"/admin/pages/{pages[0].pk}/edit/", edit_form(pages[0], risks=""))
    assert response.status_code == 200
    assert response.context["form"].errors["risks"]
    pages[0].refresh_from_db()
    assert pages[0].risks == "Ryzyko rynkowe A"


def test_a_sub_model_page_lists_its_attributes_and_the_others(client, sub_models):
    index, pages = sub_models
    html = client.get(pages[0].url).content.decode()
    assert "<dt>Kto zakłada spółdzielnię</dt>" in html
    assert "Organizacja prowadząca WTZ A" in html
    assert 'href="/pl/model/podmodele/podmodel-b/"' in html
    assert 'href="/pl/model/podmodele/podmodel-a/"' not in html.split("others-heading")[1]
