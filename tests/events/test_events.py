"""Events: upcoming and past listings, the event page, iCalendar files and structured data."""

import datetime

import pytest
import time_machine
from icalendar import Calendar

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.events.models import EventPage, past, upcoming
from tests.factories import EventPageFactory, ZoneFactory, warsaw
from tests.html import json_ld, one, parse, select, text_of, texts
from tests.zones.conftest import add_tagged_page

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture
def zones(locales):
    return {
        "wtz": ZoneFactory(slug="wtz", name="Strefa WTZ"),
        "biznes": ZoneFactory(slug="biznes", name="Strefa Biznesu"),
    }


def ical_events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return [component for component in calendar.walk("VEVENT")]


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(datetime.date(2027, 7, 15), 8), (datetime.date(2027, 1, 15), 9)],
)
def test_ics_gives_the_right_utc_instant_in_summer_and_winter(client, events_index, day, utc_hour):
    event = EventPageFactory(
        parent=events_index, start=warsaw(date=day, hour=10), end=warsaw(date=day, hour=13)
    )
    (entry,) = ical_events(client.get(event.url + "ical/"))
    start = entry.decoded("dtstart")
    assert start == datetime.datetime(day.year, day.month, day.day, utc_hour, tzinfo=datetime.UTC)
    assert entry.decoded("dtend") - start == datetime.timedelta(hours=3)
    assert "Poznań" in str(entry["location"])
    assert str(entry["url"]) == f"http://testserver{event.url}"


def test_ics_uid_stays_and_sequence_grows_after_an_edit(client, events_index):
    event = EventPageFactory(parent=events_index)
    event.save_revision().publish()
    (before,) = ical_events(client.get(event.url + "ical/"))
    event = EventPage.objects.get(pk=event.pk)
    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    event.save_revision().publish()
    (after,) = ical_events(client.get(event.url + "ical/"))
    assert str(after["uid"]) == str(before["uid"])
    assert after["sequence"] > before["sequence"]
    assert after.decoded("dtstart") - before.decoded("dtstart") == datetime.timedelta(hours=1)


def test_cancelled_event_is_cancelled_in_the_calendar_and_stays_listed(client, events_index):
    event = EventPageFactory(parent=events_index, title="Odwołane spotkanie", status="cancelled")
    (entry,) = ical_events(client.get(event.url + "ical/"))
    assert str(entry["status"]) == "CANCELLED"
    (item,) = select(client.get(events_index.url), "li.event-item--cancelled")
    assert text_of(one(item, ".event-item__title")) == "Odwołane spotkanie"
    assert text_of(one(item, "strong.status--cancelled")) == "Odwołane"


def test_upcoming_and_past_split_at_now(client, events_index):
    with time_machine.travel(
        datetime.datetime(2026, 11, 24, 12, 0, tzinfo=datetime.UTC), tick=False
    ):
        now = timezone.now()
        ended = EventPageFactory(
            parent=events_index,
            title="Skończone",
            start=now - datetime.timedelta(hours=3),
            end=now - datetime.timedelta(minutes=1),
        )
        running = EventPageFactory(
            parent=events_index,
            title="Trwające",
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(minutes=1),
        )
        later = EventPageFactory(
            parent=events_index,
            title="Jutrzejsze",
            start=now + datetime.timedelta(days=1),
            end=now + datetime.timedelta(days=1, hours=2),
        )
        older = EventPageFactory(
            parent=events_index,
            title="Dawne",
            start=now - datetime.timedelta(days=30),
            end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=2),
        )
        events = EventPage.objects.live()
        assert list(upcoming(events)) == [running, later]
        assert list(past(events)) == [ended, older]
        upcoming_html = client.get(events_index.url).content.decode()
        past_html = client.get(events_index.url + "minione/").content.decode()
    assert texts(upcoming_html, ".event-item__title") == ["Trwające", "Jutrzejsze"]
    assert texts(past_html, ".event-item__title") == ["Skończone", "Dawne"]
    assert "Wydarzenie minione" in text_of(parse(past_html))


def test_listing_filters_by_zone_kind_and_city(client, events_index, zones):
    EventPageFactory(parent=events_index, title="Poznań WTZ", zones=[zones["wtz"]])
    EventPageFactory(
        parent=events_index, title="Kalisz biznes", city="Kalisz", zones=[zones["biznes"]]
    )
    EventPageFactory(
        parent=events_index, title="Webinar", kind="webinar", attendance="online", city=""
    )
    titles = lambda query: texts(  # noqa: E731
        client.get(events_index.url + query), ".event-item__title"
    )
    assert titles("?zone=wtz") == ["Poznań WTZ"]
    assert titles("?city=Kalisz") == ["Kalisz biznes"]
    assert titles("?kind=webinar") == ["Webinar"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?zone=nie-ma", 400),
        ("?kind=bal", 400),
        ("?city=Mars", 400),
        ("?page=abc", 404),
        ("?page=999", 404),
    ],
)
def test_bad_listing_input_is_a_4xx_not_a_500(client, events_index, query, status):
    EventPageFactory(parent=events_index)
    assert client.get(events_index.url + query).status_code == status


def test_event_ending_before_it_starts_is_refused(events_index, admin_client):
    event = EventPageFactory.build(start=warsaw(days=3, hour=12), end=warsaw(days=3, hour=9))
    with pytest.raises(ValidationError) as refused:
        events_index.add_child(instance=event)
    assert "end" in refused.value.message_dict
    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{events_index.pk}/",
        nested_form_data(
            {
                "title": "Złe daty",
                "slug": "zle-daty",
                "kind": "conference",
                "status": "planned",
                "start": "2027-05-10 12:00",
                "end": "2027-05-10 09:00",
                "lead": "Test",
                "attendance": "in-person",
                "city": "Poznań",
                **{name: streamfield([]) for name in ("body", "agenda", "speakers")},
                "comments": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 200
    assert "Wydarzenie musi kończyć się po rozpoczęciu." in response.content.decode()
    assert not EventPage.objects.filter(slug="zle-daty").exists()


def test_join_link_is_never_public(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        attendance="online",
        city="",
        online_platform="Zoom",
        join_url="https://example.org/tajny-link",
    )
    assert "tajny-link" not in client.get(event.url).content.decode()
    assert b"tajny-link" not in client.get(event.url + "ical/").content
    assert b"tajny-link" not in client.get(events_index.url + "ical/").content


def structured_data(client, event):
    return json_ld(client.get(event.url), "Event")


def test_event_structured_data_for_a_meeting_in_a_venue(client, events_index):
    event = EventPageFactory(parent=events_index)
    data = structured_data(client, event)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["addressLocality"] == "Poznań"
    assert data["organizer"]["name"] == "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"
    assert data["startDate"] == timezone.localtime(event.start).isoformat()


def test_ics_links_lead_to_the_site_address(client, events_index, public_address):
    event = EventPageFactory(parent=events_index)
    for calendar_url in (event.url + "ical/", events_index.url + "ical/"):
        (entry,) = ical_events(client.get(calendar_url, HTTP_HOST="127.0.0.1:8000"))
        assert str(entry["url"]) == f"{public_address}{event.url}"
        assert str(entry["description"]).endswith(f"\n\n{public_address}{event.url}")


def test_event_structured_data_leads_to_the_site_address(client, events_index, public_address):
    event = EventPageFactory(parent=events_index, attendance="mixed")
    html = client.get(event.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    data = json_ld(html, "Event")
    assert data["url"] == f"{public_address}{event.url}"
    assert data["location"][1] == {"@type": "VirtualLocation", "url": data["url"]}


def test_event_structured_data_for_a_cancelled_webinar(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        attendance="online",
        city="",
        status="cancelled",
        online_platform="Zoom",
    )
    data = structured_data(client, event)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_event_page_shows_accessibility_facts_with_icons(client, events_index):
    event = EventPageFactory(parent=events_index, induction_loop=True, sign_language=True)
    facts = select(client.get(event.url), "ul.access-list li")
    assert [text_of(fact) for fact in facts] == [
        "Pętla indukcyjna",
        "Tłumacz polskiego języka migowego",
    ]
    icon = facts[0].img
    assert icon["src"].endswith("img/access/loop.svg") and icon["alt"] == ""


def test_event_time_is_shown_in_warsaw_time(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        start=datetime.datetime(2027, 7, 15, 8, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 7, 15, 11, 0, tzinfo=datetime.UTC),
    )
    html = client.get(event.url).content.decode()
    assert "15 lipca 2027, 10:00" in html


def test_zone_calendar_feed_lists_only_that_zones_upcoming_events(client, events_index, zones):
    EventPageFactory(parent=events_index, title="Dla WTZ", zones=[zones["wtz"]])
    EventPageFactory(parent=events_index, title="Dla biznesu", zones=[zones["biznes"]])
    EventPageFactory(
        parent=events_index,
        title="Dawne dla WTZ",
        start=warsaw(days=-9),
        end=warsaw(days=-9, hour=13),
        zones=[zones["wtz"]],
    )
    entries = ical_events(client.get(events_index.url + "ical/wtz/"))
    assert [str(entry["summary"]) for entry in entries] == ["Dla WTZ"]
    assert len(ical_events(client.get(events_index.url + "ical/"))) == 2
    assert client.get(events_index.url + "ical/nie-ma/").status_code == 404


def test_events_listing_costs_the_same_queries_for_2_and_12(
    client, events_index, zones, assert_queries_do_not_grow
):
    def add(count, zone, first_day):
        for day in range(first_day, first_day + count):
            add_tagged_page(
                events_index,
                EventPageFactory,
                [zones[zone]],
                start=warsaw(days=day),
                end=warsaw(days=day, hour=12),
            )

    add(2, "wtz", first_day=1)
    assert_queries_do_not_grow(events_index.url, lambda: add(10, "biznes", first_day=10))
    assert len(select(client.get(events_index.url), "li.event-item")) == 10  # and a next page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": datetime.datetime(1, 1, 1, 12, tzinfo=datetime.UTC)}, "start"),
        ({"registration_opens": warsaw(days=30)}, "registration_opens"),
        (
            {"registration_opens": warsaw(days=1), "registration_closes": warsaw(days=0)},
            "registration_closes",
        ),
        ({"registration_closes": warsaw(days=30)}, "registration_closes"),
        ({"slug": "ical"}, "slug"),
        ({"city": "", "attendance": "in-person"}, "city"),
    ],
)
def test_impossible_event_settings_are_refused_with_a_message(events_index, changes, field):
    event = EventPageFactory.build(**changes)
    with pytest.raises(ValidationError) as refused:
        events_index.add_child(instance=event)
    assert field in refused.value.message_dict


def test_online_event_needs_no_city(events_index):
    event = EventPageFactory(
        parent=events_index, attendance="online", city="", online_platform="Teams"
    )
    assert event.live


def test_an_event_with_no_seats_is_refused_next_to_the_seats_field(events_index, admin_client):
    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{events_index.pk}/",
        nested_form_data(
            {
                "title": "Bez miejsc",
                "slug": "bez-miejsc",
                "kind": "conference",
                "status": "planned",
                "start": "2027-05-10 09:00",
                "end": "2027-05-10 12:00",
                "lead": "Test",
                "attendance": "in-person",
                "city": "Poznań",
                "capacity": "0",
                **{name: streamfield([]) for name in ("body", "agenda", "speakers")},
                "comments": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 200  # Wagtail's page editor shows the errors with 200
    field = one(response, '[data-field-wrapper]:has(input[name="capacity"])')
    assert "Podaj co najmniej 1 miejsce" in text_of(one(field, ".error-message"))
    assert one(field, 'input[name="capacity"]')["value"] == "0"  # what was typed stays
    assert not EventPage.objects.filter(slug="bez-miejsc").exists()
