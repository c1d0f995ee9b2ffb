"""Each role finds on the admin's dashboard what waits for it: a zone editor the drafts,
submissions and coming events of their zones; an organiser the coming meetings with seats
and waiting list and the latest registrations; a moderator every page waiting for approval,
translations included. Each panel costs the same queries for few rows as for many."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale, Workflow

from portal.events.booking import book_seat
from portal.events.dashboard import OrganiserPanel, ZoneEventsPanel
from portal.events.organisers import set_up_organisers
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    registration_data,
    warsaw,
)
from tests.html import parse, select, text_of
from tests.zones.conftest import ZoneSiteTestCase
from zones.dashboard import ModerationQueuePanel, ZoneEditorPanel
from zones.editing import WORKFLOW, set_up_zone_editors

OPEN = {"registration_opens": warsaw(days=-10), "registration_closes": warsaw(days=5)}


def panel_tables(response, heading):
    """The rows (cell texts) of the dashboard panel titled `heading`, under each subheading."""
    page = parse(response)
    for section in page.select("section"):
        title = section.find("h2")
        if title and text_of(title) == heading:
            return [
                [text_of(cell) for cell in row.select("td")] for row in section.select("tbody tr")
            ]
    raise AssertionError(f"no panel {heading!r} among {[text_of(h) for h in select(page, 'h2')]}")


def queries_to_render(panel, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries, translation.override("pl"):
        panel.render_html({"request": request, "csrf_token": "x"})
    return len(queries)


class DashboardPanelTests(ZoneSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        site = cls.zone_site
        cls.news = NewsIndexPageFactory(parent=cls.home)
        cls.events = EventIndexPageFactory(parent=cls.home)
        for zone in site.zones.values():
            set_up_zone_editors(zone)  # rights below the indexes made after the set-up
        cls.wtz_editor = site.editors["wtz"]
        cls.draft = NewsPageFactory(parent=cls.news, title="Szkic WTZ", zones=[site.zones["wtz"]])
        cls.draft.title = "Szkic WTZ (zmiany)"
        cls.draft.save_revision(user=cls.wtz_editor)
        NewsPageFactory(parent=cls.news, title="Szkic biznesu", zones=[site.zones["biznes"]])
        cls.submitted = NewsPageFactory(
            parent=cls.news, title="Do akceptacji", zones=[site.zones["wtz"]]
        )
        cls.submit(cls.submitted, cls.wtz_editor)
        cls.meeting = EventPageFactory(
            parent=cls.events, title="Spotkanie WTZ", capacity=3, zones=[site.zones["wtz"]], **OPEN
        )
        EventPageFactory(parent=cls.events, title="Spotkanie biznesu", zones=[site.zones["biznes"]])
        EventPageFactory(
            parent=cls.events,
            title="Spotkanie minione",
            start=warsaw(days=-7),
            zones=[site.zones["wtz"]],
        )
        cls.organiser = cls.zone_site.moderator.__class__.objects.create_user(username="org")
        cls.organiser.groups.add(set_up_organisers())
        for name, people in (("Anna Nowak", 2), ("Jan Kowalski", 1), ("Ewa Lis", 1)):
            book_seat(cls.meeting, notify=False, **registration_data(name, people=people))

    @staticmethod
    def submit(page, user):
        page.save_revision(user=user)
        Workflow.objects.get(name=WORKFLOW).start(page, user)

    def test_zone_editor_sees_drafts_submissions_and_events_of_their_zones_only(self):
        self.client.force_login(self.wtz_editor)
        response = self.client.get("/admin/")

        zones = panel_tables(response, "Moje strefy")
        assert [row[0] for row in zones] == ["Szkic WTZ (zmiany)", "Do akceptacji"]
        events = panel_tables(response, "Nadchodzące wydarzenia moich stref")
        assert [row[0] for row in events] == ["Spotkanie WTZ"]

    def test_organiser_sees_seats_taken_of_capacity_waiting_list_and_latest_registrations(self):
        self.client.force_login(self.organiser)
        response = self.client.get("/admin/")

        meetings = {row[0]: row for row in panel_tables(response, "Nadchodzące spotkania")}
        assert meetings["Spotkanie WTZ"][2:] == ["3 z 3", "1"]
        assert "Spotkanie minione" not in meetings
        latest = panel_tables(response, "Najnowsze zgłoszenia")
        assert [row[0] for row in latest] == ["Ewa Lis", "Jan Kowalski", "Anna Nowak"]
        assert latest[0][2] == "Na liście oczekujących"

    def test_moderator_sees_the_queue_with_the_language_of_each_page_and_translations_marked(self):
        english = Locale.objects.get(language_code="en")
        translation_en = self.submitted.specific.copy_for_translation(english, copy_parents=True)
        translation_en.title = "For approval (edited)"
        self.submit(translation_en, self.wtz_editor)
        self.client.force_login(self.zone_site.moderator)
        response = self.client.get("/admin/")

        queue = {row[0]: row for row in panel_tables(response, "Czeka na akceptację")}
        assert queue["Do akceptacji"][1] == "Polski"
        assert queue["For approval (edited)"][1] == "English Tłumaczenie"
        assert queue["Do akceptacji"][2] == "redakcja-wtz"

    def test_moderator_has_one_queue_with_links_to_wagtails_approval(self):
        self.client.force_login(self.zone_site.moderator)
        response = self.client.get("/admin/")

        # Our queue in place of Wagtail's "Awaiting your review", which lists the same page.
        assert select(response, "#moderation-queue-section")
        assert not select(response, "#awaiting-review-section")
        task_id = self.submitted.current_workflow_state.current_task_state.task_id
        links = {
            text_of(link): link["href"] for link in select(response, "#moderation-queue-section a")
        }
        assert links["Zatwierdź lub poproś o zmiany: Do akceptacji"] == (
            f"/admin/pages/{self.submitted.pk}/edit/"
        )
        assert links["Podgląd zmian: Do akceptacji"] == (
            f"/admin/pages/workflow/preview/{self.submitted.pk}/{task_id}/"
        )

    def test_each_panel_costs_the_same_queries_for_few_and_many_rows(self):
        panels = [
            (ZoneEditorPanel(), self.wtz_editor),
            (ZoneEventsPanel(), self.wtz_editor),
            (OrganiserPanel(), self.organiser),
            (ModerationQueuePanel(), self.zone_site.moderator),
        ]
        for panel, user in panels:
            queries_to_render(panel, user)  # content types and other look-ups cached once
        few = [queries_to_render(panel, user) for panel, user in panels]
        for number in range(3):
            page = NewsPageFactory(parent=self.news, zones=[self.zone_site.zones["wtz"]])
            self.submit(page, self.wtz_editor)
            draft = NewsPageFactory(parent=self.news, zones=[self.zone_site.zones["wtz"]])
            draft.save_revision(user=self.wtz_editor)
            event = EventPageFactory(
                parent=self.events, zones=[self.zone_site.zones["wtz"]], **OPEN
            )
            book_seat(event, notify=False, **registration_data(f"Osoba {number}"))
        assert [queries_to_render(panel, user) for panel, user in panels] == few
