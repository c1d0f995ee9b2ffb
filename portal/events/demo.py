"""Demo events: information and promotion meetings in towns of Wielkopolska, a webinar, a
conference, past trainings and visits, and one cancelled meeting. Dates are relative to the
day the command runs, so there are always upcoming and past events. Venues are examples. The
texts and facts are in demo.yaml beside this module."""

import datetime
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.core import demo_content
from portal.core.workdays import nearest_working_day
from zones.models import Zone

from .booking import book_seat
from .models import EventIndexPage, EventPage
from .organisers import set_up_organisers

DATA_FILE = Path(__file__).with_name("demo.yaml")


def _event_day(days):
    """The working day `days` from today (the next one forward for an upcoming event, the one
    before for a past one): a meeting on a Sunday or on Christmas Day is not believable."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return nearest_working_day(day, direction=1 if days >= 0 else -1)


def _at(day, hour):
    """The aware moment at `hour` (12.5 is half past twelve) on `day`."""
    minutes = round(hour * 60)
    moment = datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60))
    return timezone.make_aware(moment)


@demo_content.demo_step(order=70)
def create_events(demo):
    demo_data = demo_content.read_demo_data(DATA_FILE)
    index = demo_content.index_page(demo, EventIndexPage, demo_data["index"], "events index")
    zones = {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}
    for data in demo_data["events"]:
        page = demo_content.existing_child(index, EventPage, data["slug"].pl)
        if page is None:
            page = _event(data, zones, demo_data["organiser"])
            index.add_child(instance=page)
            page.save_revision().publish()
            demo.note(f"event {page.title}")
        if data["title"].en is None:
            continue
        pairs = [data["title"], data["slug"], data["lead"]]
        for item in data.get("agenda", []):
            pairs += [item["title"], item["speaker"]] if item["speaker"] else [item["title"]]
        for locale in demo.translation_locales:
            if page.get_translation_or_none(locale) is None:
                demo_content.translate(page, locale, dict(pairs))
                demo.note(f"event {data['title'].en} ({locale.language_code})")


def _event(data, zones, organiser):
    start_hour, end_hour = data["hours"]
    day = _event_day(data["days"])
    today = timezone.localdate()
    page = EventPage(
        title=data["title"].pl,
        slug=data["slug"].pl,
        kind=data["kind"],
        status=data.get("status", EventPage.Status.PLANNED),
        start=_at(day, start_hour),
        end=_at(day, end_hour),
        lead=data["lead"].pl,
        attendance=data.get("attendance", EventPage.Attendance.IN_PERSON),
        venue_name=data.get("venue_name", ""),
        street=data.get("street", ""),
        postcode=data.get("postcode", ""),
        city=data.get("city", ""),
        online_platform=data.get("online_platform", ""),
        join_url=data.get("join_url", ""),
        capacity=data.get("capacity"),
        registration_opens=_at(min(day, today) - datetime.timedelta(days=30), 9),
        registration_closes=_at(day - datetime.timedelta(days=2), 23.99),
        organiser_name=organiser["name"],
        organiser_email=organiser["email"],
        organiser_phone=organiser["phone"],
        agenda=[
            (
                "item",
                {
                    "time": datetime.time.fromisoformat(item["time"]),
                    "title": item["title"].pl,
                    "speaker": item["speaker"].pl if item["speaker"] else "",
                },
            )
            for item in data.get("agenda", [])
        ],
        **{fact: True for fact in data.get("access", [])},
    )
    page.zones = [zones[slug] for slug in data["zones"] if slug in zones]
    return page


@demo_content.demo_step(order=1000)
def finish_organisers(demo):
    """Last of all steps, once every events index exists: the organisers' rights there,
    as `manage.py set_up_organisers` grants them."""
    set_up_organisers()


@demo_content.demo_step(order=79)
def create_registrations(demo):
    """The organisers' group and account, and a few made-up registrations: the Konin
    meeting gets only six seats, so it is full and has a waiting list."""
    group = set_up_organisers()
    User = get_user_model()
    if not User.objects.filter(username="organizator").exists():
        password = secrets.token_urlsafe(10)
        user = User.objects.create_user(
            username="organizator", email="organizator@example.org", password=password
        )
        user.groups.add(group)
        demo.note(f"account organizator in '{group.name}', password (shown only now): {password}")
    data = demo_content.read_demo_data(DATA_FILE)["registrations"]
    konin = EventPage.objects.filter(slug=data["event"], locale=demo.source_locale).first()
    if konin is None or konin.registrations.exists():
        return
    konin.capacity = data["seats"]
    konin.save_revision().publish()
    people = data["people"]
    for number, person in enumerate(people):
        book_seat(
            konin,
            notify=False,
            language="pl",
            name=person["name"],
            email=f"uczestnik{number}@example.org",
            institution=person["institution"],
            institution_type=person["institution_type"],
            people=1,
            needs_wheelchair=person.get("needs_wheelchair", False),
            needs_easy_read=person.get("needs_easy_read", False),
            consent_version=data["consent_version"],
        )
    waiting = len(people) - konin.capacity
    demo.note(
        f"{len(people)} registrations for {konin.title} "
        f"({konin.capacity} seats: full, {waiting} waiting)"
    )
