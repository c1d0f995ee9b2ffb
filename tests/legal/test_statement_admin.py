"""An accessibility statement that lacks a section of the minister's template cannot be
published: the admin says why next to the field, with a 200, and keeps what was typed."""

import pytest

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.legal.models import AccessibilityStatementPage
from tests.html import one, text_of

pytestmark = pytest.mark.django_db


def add_form(**changes):
    """The admin's "add page" form of a complete statement, to publish; `changes` override."""
    data = {
        "title": "Deklaracja dostępności",
        "slug": "deklaracja-dostepnosci",
        "entity_name": "Stowarzyszenie",
        "site_name": "Portal WTZ",
        "published_on": "2026-10-01",
        "updated_on": "2026-12-01",
        "compliance": "full",
        "barriers": streamfield([]),
        "exemptions": streamfield([]),
        "prepared_on": "2026-12-01",
        "assessment": "self",
        "assessor": "",
        "contact_person": "Jan Nowak",
        "contact_email": "jan@example.org",
        "contact_phone": "61 887 11 66",
        "complaint_recipient": "Zarząd",
        "office_address": "ul. Chłapowskiego 15/1, Poznań",
        "entrances": "Bez schodów.",
        "lifts": "Parter.",
        "parking": "Przed budynkiem.",
        "assistance_dog": "Tak.",
        "sign_language": "Po zgłoszeniu.",
        "mobile_apps": "Brak.",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


def add_url(home):
    return f"/admin/pages/add/legal/accessibilitystatementpage/{home.pk}/"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"mobile_apps": ""}, "mobile_apps", "To pole jest wymagane."),
        (
            {"compliance": "partial"},
            "compliance",
            "Strona, która nie jest w pełni zgodna, musi wymienić treści niedostępne lub "
            "wyłączenia.",
        ),
        (
            {"assessment": "external"},
            "assessor",
            "Podaj nazwę podmiotu zewnętrznego, który zbadał stronę.",
        ),
    ],
    ids=["section-left-empty", "partial-without-barriers", "external-without-assessor"],
)
def test_a_statement_missing_a_section_is_not_published_and_says_why(
    admin_client, home, changes, field, message
):
    response = admin_client.post(add_url(home), add_form(**changes))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    # Next to the field, where the editor looks.
    assert message in text_of(one(response, f'[data-contentpath="{field}"] .error-message'))
    assert one(response, "#id_entity_name")["value"] == "Stowarzyszenie"  # nothing typed is lost
    assert not AccessibilityStatementPage.objects.exists()


def test_a_complete_statement_is_published(admin_client, home):
    response = admin_client.post(add_url(home), add_form())
    assert response.status_code == 302
    page = AccessibilityStatementPage.objects.get()
    assert page.live
    assert Page.objects.get(pk=page.pk).get_parent().pk == home.pk
