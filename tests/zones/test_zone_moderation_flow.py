"""A zone editor's change reaches the site only after a moderator approves it, both working
in Wagtail's page editor as they do in the admin (moved here from the browser tests:
Wagtail's test utilities drive the admin's forms, a browser is kept for visitors)."""

import pytest

from django.contrib.messages import get_messages

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.zones.conftest import ZoneSiteTestCase

pytestmark = pytest.mark.django_db

NEW_INTRO = "Zapraszamy kadrę WTZ na spotkania o spółdzielniach."
SUBMIT = {"action-submit": "submit"}
APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}


def editor_form(page, intro, action):
    """The editor's form with a new introduction, sent with one of its buttons (`action`:
    the POST names and values of that button)."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "zone": page.zone_id,
            "intro": intro,
            "benefits_heading": "",
            "benefits": streamfield([]),
            "featured": streamfield([]),
            "contact_name": page.contact_name,
            "contact_role": "",
            "contact_email": page.contact_email,
            "contact_phone": page.contact_phone,
            "faq": streamfield([]),
            "comments": inline_formset([]),
            **action,
        }
    )


def messages(response):
    """The messages the admin shows after this response's redirect."""
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


class ModerationFlowTests(ZoneSiteTestCase):
    """On one zone site for the class (each test in a savepoint)."""

    def wtz_page(self):
        """The WTZ zone's landing page, without benefits or questions (the form stays
        short)."""
        page = self.zone_site.pages["wtz"]
        page.benefits = []
        page.faq = []
        page.save_revision().publish()
        return page

    def test_zone_editors_change_is_published_after_the_moderators_approval_in_the_editor(self):
        client, wtz_page = self.client, self.wtz_page()
        edit = f"/admin/pages/{wtz_page.pk}/edit/"
        client.force_login(self.zone_site.editors["wtz"])
        response = client.post(edit, editor_form(wtz_page, NEW_INTRO, SUBMIT))
        assert response.status_code == 302
        assert "przekazana do przeglądu" in messages(response)
        assert NEW_INTRO not in client.get(wtz_page.url).content.decode()

        # The editor's own "approve" is refused: it only saves the draft again.
        client.post(
            edit,
            editor_form(wtz_page, NEW_INTRO, APPROVE),
        )
        assert NEW_INTRO not in client.get(wtz_page.url).content.decode()

        client.force_login(self.zone_site.moderator)
        response = client.post(
            edit,
            editor_form(wtz_page, NEW_INTRO, APPROVE),
        )  # "Akceptuj i Opublikuj"
        assert response.status_code == 302
        assert "Strefa WTZ" in messages(response)
        client.logout()
        assert NEW_INTRO in client.get(wtz_page.url).content.decode()

    def test_zone_editor_cannot_open_the_editor_of_another_zone(self):
        self.client.force_login(self.zone_site.editors["wtz"])
        page = self.zone_site.pages["biznes"]
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == "/admin/"
