"""The sub-models and their comparison table, built from the pages' own attributes.

The model, its twelve steps and the three sub-models are built once for the module
(setUpTestData); each test's changes are rolled back."""

import pytest

from django.contrib.auth import get_user_model
from django.test import Client, TestCase

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.conftest import make_home, make_locales
from tests.handbook.conftest import ATTRIBUTES, make_handbook, make_sub_models
from tests.html import links, one, select, text_of, texts


def table_columns(page):
    """The comparison's column headings: one linked sub-model each."""
    return texts(page, '.comparison th[scope="col"] > a')


def table_row(page, label):
    """The values in the comparison's row headed `label`."""
    (row,) = [
        th.parent for th in select(page, '.comparison th[scope="row"]') if text_of(th) == label
    ]
    return texts(row, "td")


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
        comparison = self.visitor.get(self.index.url)
        assert table_columns(comparison) == ["Podmodel A", "Podmodel B", "Podmodel C"]
        assert table_row(comparison, "Ryzyka") == [
            "Ryzyko rynkowe A",
            "Ryzyko rynkowe B",
            "Ryzyko rynkowe C",
        ]
        assert len(select(comparison, '.comparison th[scope="row"]')) == len(ATTRIBUTES)

    def test_an_unpublished_sub_model_leaves_the_table(self):
        self.pages[1].unpublish()
        comparison = self.visitor.get(self.index.url)
        assert table_columns(comparison) == ["Podmodel A", "Podmodel C"]

    def test_an_attribute_edited_in_the_admin_shows_in_the_table(self):
        response = self.client.post(
            f"/admin/pages/{self.pages[2].pk}/edit/",
            edit_form(self.pages[2], local_government_role="Gmina zamawia usługi"),
        )
        assert response.status_code == 302
        comparison = self.visitor.get(self.index.url)
        assert table_row(comparison, "Rola samorządu") == [
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
        sub_model = self.visitor.get(self.pages[0].url)
        assert "Kto zakłada spółdzielnię" in texts(sub_model, ".facts dt")
        assert "Organizacja prowadząca WTZ A" in texts(sub_model, ".facts dd")
        others = one(sub_model, 'nav[aria-labelledby="others-heading"]')
        assert links(others, "li a") == [
            ("Podmodel B", "/pl/model/podmodele/podmodel-b/"),
            ("Podmodel C", "/pl/model/podmodele/podmodel-c/"),
        ]
