"""The indicators of a constructed project (tests/indicators/data.py) are the numbers one
counts by hand, per month (in Warsaw time), per zone and in total; they stay the same after
the purge of personal data; and they cost the same number of queries for few and many rows."""

import datetime
import io

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from portal.events.registrations import Registration
from portal.indicators.figures import Period, indicators, report_downloads
from tests.factories import EventPageFactory, warsaw

from .data import FEBRUARY, JANUARY, MARCH, build_project, register, subscribe

NO_NEEDS = {
    "needs_induction_loop": 0,
    "needs_easy_read": 0,
    "needs_assistant": 0,
    "needs_diet": 0,
}


class IndicatorsOfAKnownProject(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_project(cls)

    def test_totals_count_people_institutions_needs_and_publications(self):
        total = indicators()["total"]

        assert total == {
            "meetings_held": 2,
            "events_published": 4,
            "news_published": 2,
            "reports_published": 1,
            "registrations_confirmed": 5,
            "registrations_waiting": 1,
            "registrations_cancelled": 1,
            "attendees": 8,
            "institutions": 4,
            "institutions_wtz": 1,
            "institutions_local_government": 1,
            "institutions_business": 1,
            "institutions_ngo": 0,
            "institutions_other": 1,
            "needs_wheelchair": 1,
            "needs_sign_language": 1,
            **NO_NEEDS,
            "downloads": 5,
            "subscribers": 2,
        }

    def test_a_meeting_at_half_past_midnight_on_1_march_counts_in_march(self):
        months = indicators()["months"]

        assert months[JANUARY]["registrations_confirmed"] == 2
        assert months[JANUARY]["attendees"] == 3
        assert months[JANUARY]["news_published"] == 2
        assert months[FEBRUARY]["registrations_confirmed"] == 0
        assert months[FEBRUARY]["events_published"] == 1
        assert months[FEBRUARY]["meetings_held"] == 0
        assert months[FEBRUARY]["downloads"] == 3
        assert months[MARCH]["registrations_confirmed"] == 3
        assert months[MARCH]["attendees"] == 5
        assert months[MARCH]["meetings_held"] == 1
        assert months[MARCH]["downloads"] == 2

    def test_each_zone_counts_what_is_tagged_with_it(self):
        zones = indicators()["zones"]

        a, b = zones[self.zone_a.pk], zones[self.zone_b.pk]
        assert (a["registrations_confirmed"], a["attendees"], a["events_published"]) == (5, 8, 3)
        assert (a["meetings_held"], a["news_published"], a["reports_published"]) == (2, 2, 0)
        assert (b["registrations_confirmed"], b["attendees"], b["events_published"]) == (3, 5, 2)
        assert (b["meetings_held"], b["news_published"], b["reports_published"]) == (1, 0, 1)

    def test_subscribers_are_confirmed_addresses_per_zone_and_in_total(self):
        found = indicators()

        # Waiting for confirmation and unsubscribed addresses are not subscribers; the
        # address of both zones counts in each zone and once in the total.
        assert found["total"]["subscribers"] == 2
        assert found["zones"][self.zone_a.pk]["subscribers"] == 2
        assert found["zones"][self.zone_b.pk]["subscribers"] == 1
        assert found["months"][JANUARY]["subscribers"] == 1
        assert found["months"][FEBRUARY]["subscribers"] == 1
        assert indicators(Period(zone=self.zone_b))["total"]["subscribers"] == 1
        assert indicators(Period(start=FEBRUARY))["total"]["subscribers"] == 1

    def test_a_date_range_keeps_only_its_days(self):
        total = indicators(Period(start=FEBRUARY, end=datetime.date(2025, 3, 31)))["total"]

        assert total["registrations_confirmed"] == 3
        assert total["meetings_held"] == 1
        assert total["events_published"] == 2
        assert total["news_published"] == 0
        assert total["reports_published"] == 1
        assert total["downloads"] == 5

    def test_a_zone_keeps_only_its_content_and_its_reports_downloads(self):
        found = indicators(Period(zone=self.zone_b))

        assert found["total"]["registrations_confirmed"] == 3
        assert found["total"]["events_published"] == 2
        assert found["total"]["news_published"] == 0
        assert found["total"]["downloads"] == 5
        assert list(found["zones"]) == [self.zone_b.pk]
        assert indicators(Period(zone=self.zone_a))["total"]["downloads"] == 0

    def test_downloads_per_report(self):
        assert report_downloads() == [{"report": self.report.specific_deferred, "downloads": 5}]
        in_march = report_downloads(Period(start=MARCH))
        assert [row["downloads"] for row in in_march] == [2]

    def test_the_figures_stay_after_the_purge_of_personal_data(self):
        before = indicators()

        call_command("purge_registrations", "--days", "1", stdout=io.StringIO())

        assert Registration.objects.filter(anonymised_at__isnull=False).count() == 7
        assert indicators() == before

    def _queries(self):
        with CaptureQueriesContext(connection) as captured:
            indicators()
            report_downloads()
        return len(captured.captured_queries)

    def test_the_same_queries_for_few_and_many_events_and_registrations(self):
        few = self._queries()
        events = self.january.get_parent()
        for number in range(6):
            event = EventPageFactory(
                parent=events,
                start=warsaw(date=datetime.date(2025, 4 + number, 3)),
                zones=[self.zone_a],
            )
            for person in range(5):
                register(event, "confirmed", f"Instytucja {person}", "ngo")
                subscribe(f"{number}-{person}@example.org", "confirmed", [self.zone_a], MARCH)

        assert self._queries() == few == 19
