"""A small project with known figures, built once per test class (setUpTestData).

Zone A: a meeting in January 2025 (4 registrations: 2 confirmed, 1 waiting, 1 cancelled) and
a meeting on 1 March 2025 at 00:30 Warsaw time (still February in UTC), also in zone B
(3 confirmed); zone B: a cancelled event in February; zone A: an event next week. Two news
items in January 2025 (zone A), one report in February 2025 (zone B) whose document was
downloaded 3 times on 10 February and twice on 5 March. Subscribers: one address
confirmed in January 2025 for zones A and B, one confirmed in February for zone A; one
waiting for confirmation (zone A) and one unsubscribed (zone B) are not subscribers.
"""

import datetime

from django.utils import timezone

from portal.events.models import EventPage
from portal.events.registrations import Registration
from portal.indicators.downloads import count_download
from portal.subscriptions.models import Subscription
from tests.factories import (
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
    ZoneFactory,
    build_home,
    translate,
    warsaw,
)

JANUARY = datetime.date(2025, 1, 1)
FEBRUARY = datetime.date(2025, 2, 1)
MARCH = datetime.date(2025, 3, 1)


def register(event, status, institution, institution_type, people=1, **needs):
    """A registration as the form stores it, with the needs given."""
    return Registration.objects.create(
        event=event,
        status=status,
        language="pl",
        name="Anna Nowak",
        email=f"{Registration.objects.count()}@example.org",
        institution=institution,
        institution_type=institution_type,
        people=people,
        consent_version="2026-11",
        consented_at=timezone.now(),
        **needs,
    )


def build_project(cls):
    """The data set above, its pages and zones kept on `cls` for the tests."""
    cls.home, cls.home_en = build_home()
    cls.zone_a = ZoneFactory(name="Strefa WTZ")
    cls.zone_b = ZoneFactory(name="Strefa Samorządów")
    events = EventIndexPageFactory(parent=cls.home)
    translate(events, title="Events", slug="events")
    cls.january = EventPageFactory(
        parent=events,
        start=warsaw(date=datetime.date(2025, 1, 15)),
        zones=[cls.zone_a],
    )
    translate(cls.january, title="Meeting in January", slug="meeting-in-january")
    cls.march = EventPageFactory(
        parent=events,
        start=warsaw(date=MARCH, hour=0, minute=30),
        zones=[cls.zone_a, cls.zone_b],
    )
    EventPageFactory(
        parent=events,
        start=warsaw(date=datetime.date(2025, 2, 10)),
        status=EventPage.Status.CANCELLED,
        zones=[cls.zone_b],
    )
    EventPageFactory(parent=events, zones=[cls.zone_a])
    register(cls.january, "confirmed", "WTZ w Koninie", "wtz", people=2, needs_wheelchair=True)
    register(cls.january, "confirmed", "Gmina Konin", "gmina")
    register(cls.january, "waiting", "Fundacja Razem", "ngo")
    register(cls.january, "cancelled", "Piekarnia", "business", needs_diet=True)
    register(cls.march, "confirmed", "wtz w koninie", "wtz", people=3, needs_sign_language=True)
    register(cls.march, "confirmed", "Spółdzielnia Socjalna Smak", "cooperative")
    register(cls.march, "confirmed", "Uniwersytet", "other")
    news = NewsIndexPageFactory(parent=cls.home)
    for day in (10, 20):
        NewsPageFactory(parent=news, date=datetime.date(2025, 1, day), zones=[cls.zone_a])
    research = ResearchIndexPageFactory(parent=cls.home)
    cls.document = DocumentFactory(title="Raport z badań")
    cls.report = ReportPageFactory(
        parent=research,
        title="Raport o spółdzielniach",
        publication_date=datetime.date(2025, 2, 5),
        files=[("document", cls.document)],
        zones=[cls.zone_b],
    )
    for _time in range(3):
        count_download(cls.document, day=datetime.date(2025, 2, 10))
    for _time in range(2):
        count_download(cls.document, day=datetime.date(2025, 3, 5))
    subscribe("both@example.org", "confirmed", [cls.zone_a, cls.zone_b], JANUARY)
    subscribe("a@example.org", "confirmed", [cls.zone_a], FEBRUARY)
    subscribe("waiting@example.org", "pending", [cls.zone_a], None)
    subscribe("gone@example.org", "unsubscribed", [cls.zone_b], JANUARY)


def subscribe(email, status, zones, confirmed_on):
    """A subscription to news of `zones`, confirmed on the 20th of
    the month `confirmed_on` (if given)."""
    subscription = Subscription.objects.create(
        email=email,
        status=status,
        language="pl",
        news=True,
        confirmed_at=warsaw(date=confirmed_on.replace(day=20)) if confirmed_on else None,
    )
    subscription.zones.set(zones)
    return subscription
