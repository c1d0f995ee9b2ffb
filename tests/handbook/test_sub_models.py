"""The sub-models and their comparison table, built from the pages' own attributes.

The model, its twelve steps and the three sub-models are built once for the module
(setUpTestData); each test's changes are rolled back."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.test import Client, TestCase

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.conftest import make_home, make_locales
from tests.handbook.conftest import ATTRIBUTES, make_handbook, make_sub_models


def table_columns(html):
    return re.findall(r'<th scope="col"><a href="[^"]+">([^<]+)</a></th>', html)


def table_row(html, label):
    row = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', html, re.S)
    return re.findall(r"<td>(.*?)</td>", row.group(1), re.S)


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


class SubModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_locales()
        cls.index, cls.pages = make_sub_models(make_handbook(make_home()))
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")

    def setUp(self):
        self.visitor = Client()
        self.client.force_login(self.admin)

    @pytest.mark.smoke
    def test_the_comparison_has_one_column_per_sub_model(self):
        html = self.visitor.get(self.index.url).content.decode()
        assert table_columns(html) == ["Podmodel A", "Podmodel B", "Podmodel C"]
        assert table_row(html, "Ryzyka") == [
            "Ryzyko rynkowe A",
            "Ryzyko rynkowe B",
            "Ryzyko rynkowe C",
        ]
        assert len(re.findall(r'<th scope="row">', html)) == len(ATTRIBUTES)

    def test_an_unpublished_sub_model_leaves_the_table(self):
        self.pages[1].unpublish()
        html = self.visitor.get(self.index.url).content.decode()
        assert table_columns(html) == ["Podmodel A", "Podmodel C"]

    def test_an_attribute_edited_in_the_admin_shows_in_the_table(self):
        response = self.client.post(
            f"/admin/pages/{self.pages[2].pk}/edit/",
            edit_form(self.pages[2], local_government_role="Gmina zamawia usługi"),
        )
        assert response.status_code == 302
        html = self.visitor.get(self.index.url).content.decode()
        assert table_row(html, "Rola samorządu") == [
            "Partner A",
            "Partner B",
            "Gmina zamawia usługi",
        ]

    def test_an_empty_attribute_is_refused_next_to_its_field(self):
        page = self.pages[0]
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, risks=""))
        assert response.status_code == 200
        assert response.context["form"].errors["risks"]
        page.refresh_from_db()
        assert page.risks == "Ryzyko rynkowe A"

    def test_a_sub_model_page_lists_its_attributes_and_the_others(self):
        html = self.visitor.get(self.pages[0].url).content.decode()
        assert "<dt>Kto zakłada spółdzielnię</dt>" in html
        assert "Organizacja prowadząca WTZ A" in html
        assert 'href="/pl/model/podmodele/podmodel-b/"' in html
        assert 'href="/pl/model/podmodele/podmodel-a/"' not in html.split("others-heading")[1]
