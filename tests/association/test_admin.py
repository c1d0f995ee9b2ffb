"""Editors can add and edit the association's pages, and the contact page's form fields
appear in wagtail-localize's translation editor."""

import datetime

import pytest

from portal.association.models import ContactPage, PartnershipPage, ProjectIndexPage
from portal.core.models import HomePage, StandardPage
from tests.factories import PartnershipPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def test_edit_views_of_the_new_page_types_render(
    admin_client, standard_page, project_index, contact_page
):
    project = ProjectPageFactory(
        parent=project_index, start_date=datetime.date(2020, 1, 1), partners=[("A", "lider")]
    )
    partnership = PartnershipPageFactory(parent=standard_page)
    for page in (project_index, project, partnership, contact_page):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page


def test_the_about_page_may_hold_projects_and_partnership_and_home_the_contact_page(page_tests):
    page_tests.assertAllowedParentPageTypes(ProjectIndexPage, {StandardPage, HomePage})
    page_tests.assertAllowedParentPageTypes(PartnershipPage, {StandardPage, HomePage})
    page_tests.assertAllowedParentPageTypes(ContactPage, {HomePage})
    page_tests.assertCanNotCreateAt(StandardPage, ContactPage)


def test_the_contact_forms_submissions_are_listed_in_the_admin(admin_client, client, contact_page):
    client.post(
        contact_page.url,
        {"imie": "Anna", "email": "anna@example.org", "wiadomosc": "Pytanie", "zgoda": "on"},
    )
    response = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert response.status_code == 200
    assert "anna@example.org" in response.content.decode()


def test_the_translation_editor_offers_the_form_field_labels(
    admin_client, contact_page, home_en, locales, django_user_model
):
    from wagtail_localize.models import StringSegment, TranslationSource
    from wagtail_localize.operations import TranslationCreator

    user = django_user_model.objects.get(username="admin")
    TranslationCreator(user, [locales["en"]]).create_translations(contact_page)
    source = TranslationSource.objects.get(object_id=contact_page.translation_key)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Imię i nazwisko", "Adres e-mail", "Wiadomość", "Do 5000 znaków."} <= texts
    assert "imie" not in texts  # the name answers are stored under is kept, not translated

    english = contact_page.get_translation(locales["en"])
    response = admin_client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    assert "i nazwisko" in response.content.decode()  # offered for translation (in JSON)
