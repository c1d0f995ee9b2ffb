"""Every editor role translates what it may edit, and a translation by someone who may not
publish goes through the same moderation as a Polish change (zones/translating.py).

Driven through wagtail-localize's and Wagtail's own admin views: Translate, Sync, the
translation editor, the workflow's approve and reject actions, and the dashboard."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from portal.events.organisers import set_up_organisers
from tests.factories import EventIndexPageFactory, EventPageFactory, translate
from tests.html import one, select, text_of
from tests.zones.conftest import ZoneSiteTestCase
from tests.zones.test_zone_permissions import denied
from zones.translating import SAVE_DRAFT, SUBMIT

SUBMIT_BUTTON = f'.translation-moderation button[name="{SUBMIT}"]'
PUBLISH_CHECKBOX = 'input[type="checkbox"][name="publish_translations"]'


def translate_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def sync_url(page):
    source = TranslationSource.objects.get_for_instance(page)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def editor_props(response):
    """wagtail-localize's translation editor's React props."""
    return json.loads(one(response, ".js-translation-editor")["data-props"])


def editor_perms(response):
    """The action rights wagtail-localize's translation editor gets (its React props)."""
    return editor_props(response)["perms"]


class TranslationRightsTests(ZoneSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home_en = translate(cls.home, title="Portal WTZ", slug="home")
        # Re-run, as after any new home page: the English tree gets the moderation workflow.
        call_command("set_up_zone_editing", stdout=StringIO())
        for user in [*cls.zone_site.editors.values(), cls.zone_site.moderator]:
            user.email = f"{user.username}@example.org"
            user.save()
        events = EventIndexPageFactory(parent=cls.home)
        cls.event = EventPageFactory(parent=events)
        cls.organiser = get_user_model().objects.create_user(
            username="organizator", email="organizator@example.org", password="x"
        )
        cls.organiser.groups.add(set_up_organisers())

    def start_translation(self, user, page):
        """`user` presses Translate → English on `page`; returns the English page."""
        self.client.force_login(user)
        english = self.home_en.locale
        response = self.client.post(translate_url(page), {"locales": [english.pk]})
        self.assertEqual(response.status_code, 302)
        return page.get_translation(english)

    def test_each_role_may_translate_what_it_may_edit_and_nothing_else(self):
        site = self.zone_site
        cases = [
            (site.editors["wtz"], site.pages["wtz"], True),
            (site.editors["wtz"], site.pages["biznes"], False),
            (site.editors["wtz"], self.event, False),
            (site.moderator, site.pages["biznes"], True),
            (site.moderator, self.event, True),
            (self.organiser, self.event, True),
            (self.organiser, site.pages["wtz"], False),
        ]
        for user, page, allowed in cases:
            with self.subTest(user=user.username, page=page.title):
                self.client.force_login(user)
                response = self.client.get(translate_url(page))
                if allowed:
                    self.assertEqual(response.status_code, 200)
                else:
                    self.assertTrue(denied(response))

    def test_a_zone_editor_may_not_translate_a_zone_snippet(self):
        zone = self.zone_site.zones["wtz"]
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=["zones", "zone", zone.pk]
        )
        self.client.force_login(self.zone_site.editors["wtz"])
        self.assertTrue(denied(self.client.get(url)))
        self.client.force_login(self.zone_site.moderator)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_zone_editors_translation_is_a_draft_with_save_and_submit_in_the_editor(self):
        english = self.start_translation(self.zone_site.editors["wtz"], self.zone_site.pages["wtz"])
        self.assertFalse(english.live)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(editor_perms(response)["canPublish"])
        # Wagtail lets the editor delete the draft they made, but the editor's main button
        # (the footer's last action) is never Delete: that stays in Wagtail's page menu.
        self.assertTrue(english.permissions_for_user(self.zone_site.editors["wtz"]).can_delete())
        self.assertFalse(editor_perms(response)["canDelete"])
        # Nor can they turn the English page into an alias of the live Polish one.
        self.assertIsNone(editor_props(response)["links"]["convertToAliasUrl"])
        self.assertEqual(text_of(one(response, SUBMIT_BUTTON)), "Przekaż tłumaczenie do moderacji")
        self.assertEqual(
            text_of(one(response, f'.translation-moderation button[name="{SAVE_DRAFT}"]')),
            "Zapisz tłumaczenie jako wersję roboczą",
        )

    def test_a_moderator_publishes_from_the_translation_editor_without_the_extra_buttons(self):
        english = self.start_translation(self.zone_site.moderator, self.zone_site.pages["wtz"])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
        self.assertTrue(editor_perms(response)["canPublish"])
        self.assertEqual(
            editor_perms(response)["canDelete"],
            english.permissions_for_user(self.zone_site.moderator).can_delete(),
        )
        self.assertEqual(select(response, ".translation-moderation"), [])
        self.assertIsNotNone(editor_props(response)["links"]["convertToAliasUrl"])

    def test_a_submitted_translation_waits_for_the_moderators_and_goes_live_on_approval(self):
        editor, moderator = self.zone_site.editors["wtz"], self.zone_site.moderator
        english = self.start_translation(editor, self.zone_site.pages["wtz"])
        edit = reverse("wagtailadmin_pages:edit", args=[english.pk])
        mail.outbox.clear()

        response = self.client.post(edit, {SUBMIT: "1"})
        self.assertEqual(response.status_code, 302)
        state = WorkflowState.objects.get(object_id=str(english.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, "Akceptacja moderacji")
        english.refresh_from_db()
        self.assertFalse(english.live)
        # The moderators are told by e-mail, which says the language, and see it waiting.
        notice = next(message for message in mail.outbox if message.to == [moderator.email])
        self.assertIn("Wersja językowa: English", notice.body)
        self.assertIn(english.title, notice.subject)
        self.client.force_login(moderator)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertIn(edit, [link["href"] for link in select(dashboard, "a[href]")])

        mail.outbox.clear()
        task_state = state.current_task_state
        approve = f"/admin/pages/workflow/action/{english.pk}/approve/{task_state.pk}/"
        self.client.post(approve, {"comment": "Dobre tłumaczenie, popraw tylko tytuł."})
        english.refresh_from_db()
        self.assertTrue(english.live)
        (approval,) = [message for message in mail.outbox if message.to == [editor.email]]
        self.assertIn("Komentarz moderatora: Dobre tłumaczenie, popraw tylko tytuł.", approval.body)

    def test_a_rejected_translation_tells_the_editor_the_moderators_comment(self):
        editor = self.zone_site.editors["wtz"]
        english = self.start_translation(editor, self.zone_site.pages["wtz"])
        self.client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {SUBMIT: "1"})
        task_state = WorkflowState.objects.get(object_id=str(english.pk)).current_task_state
        mail.outbox.clear()
        self.client.force_login(self.zone_site.moderator)
        reject = f"/admin/pages/workflow/action/{english.pk}/reject/{task_state.pk}/"
        self.client.post(reject, {"comment": "Brakuje tłumaczenia pytań."})
        (rejection,) = [message for message in mail.outbox if message.to == [editor.email]]
        self.assertIn("Brakuje tłumaczenia pytań.", rejection.body)
        self.assertFalse(Page.objects.get(pk=english.pk).live)

    def test_sync_publishes_only_for_who_may_publish(self):
        source_page = self.zone_site.pages["wtz"]
        english = self.start_translation(self.zone_site.moderator, source_page)
        url = sync_url(source_page)

        self.client.force_login(self.zone_site.editors["biznes"])
        self.assertTrue(denied(self.client.get(url)))

        self.client.force_login(self.zone_site.editors["wtz"])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(select(response, PUBLISH_CHECKBOX), [])
        with self.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes there
            response = self.client.post(url, {"publish_translations": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Page.objects.get(pk=english.pk).live)

        self.client.force_login(self.zone_site.moderator)
        response = self.client.get(url)
        one(response, PUBLISH_CHECKBOX)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, {"publish_translations": "on"})
        self.assertTrue(Page.objects.get(pk=english.pk).live)
