"""Demo events: information and promotion meetings in towns of Wielkopolska, a webinar, a
conference, past trainings and visits, and one cancelled meeting. Dates are relative to the
day the command runs, so there are always upcoming and past events. Venues are examples."""

import datetime
import secrets

from django.utils import timezone

from portal.core.demo_content import demo_step, index_page, translate
from zones.models import Zone

from .models import EventIndexPage, EventPage

INDEX = {
    "title": ("Wydarzenia", "Events"),
    "slug": ("wydarzenia", "events"),
    "intro": (
        "Spotkania informacyjne, szkolenia, webinaria i konferencje projektu. Na wiele z nich "
        "trzeba się zapisać.",
        "The project's information meetings, trainings, webinars and conferences. Many of "
        "them need registration.",
    ),
}

INFO_MEETING_LEAD = (
    "Spotkanie dla WTZ, samorządów i organizacji prowadzących warsztaty: model, jego "
    "strony prawne i finansowe oraz przykłady działających spółdzielni.",
    "A meeting for workshops, local governments and the organisations that run workshops: "
    "the model, its legal and financial sides, and examples of working cooperatives.",
)
SPEAKERS_EN = {"Zespół projektu": "The project team"}
INFO_AGENDA = [
    ("10:00", ("Powitanie i cel spotkania", "Welcome and aims of the meeting"), ""),
    (
        "10:15",
        ("Model aktywizacji zawodowej uczestników WTZ", "The vocational activation model"),
        "Zespół projektu",
    ),
    (
        "11:30",
        ("Przykłady spółdzielni z Wielkopolski", "Examples of cooperatives in Wielkopolska"),
        "",
    ),
    ("12:30", ("Pytania i rozmowy", "Questions and discussion"), ""),
]


def _meeting(city, venue, days, slug_pl, slug_en, **extra):
    return {
        "kind": EventPage.Kind.INFO_MEETING,
        "zones": ["wtz", "samorzady"],
        "days": days,
        "hours": (10, 13),
        "city": city,
        "venue_name": venue,
        "capacity": 30,
        "title": (f"Spotkanie informacyjno-promocyjne – {city}", f"Information meeting – {city}"),
        "slug": (slug_pl, slug_en),
        "lead": INFO_MEETING_LEAD,
        "agenda": INFO_AGENDA,
        "access": ["step_free_entrance", "accessible_toilet", "easy_read"],
        **extra,
    }


EVENTS = [
    _meeting(
        "Poznań",
        "Sala konferencyjna biura projektu",
        10,
        "spotkanie-poznan",
        "meeting-poznan",
        street="ul. Chłapowskiego 15/1",
        postcode="61-504",
        access=[
            "step_free_entrance",
            "accessible_toilet",
            "induction_loop",
            "easy_read",
            "quiet_room",
        ],
    ),
    _meeting(
        "Kalisz", "Sala sesyjna starostwa powiatowego", 17, "spotkanie-kalisz", "meeting-kalisz"
    ),
    _meeting(
        "Konin",
        "Centrum organizacji pozarządowych",
        24,
        "spotkanie-konin",
        "meeting-konin",
        capacity=25,
    ),
    _meeting(
        "Piła",
        "Sala konferencyjna urzędu miasta",
        31,
        "spotkanie-pila",
        "meeting-pila",
        status=EventPage.Status.CANCELLED,
    ),
    {
        "kind": EventPage.Kind.WEBINAR,
        "zones": ["wtz", "samorzady", "biznes"],
        "days": 7,
        "hours": (12, 13.5),
        "attendance": EventPage.Attendance.ONLINE,
        "online_platform": "Zoom",
        "join_url": "https://example.org/webinar-spoldzielnia",
        "capacity": 100,
        "title": (
            "Webinar: spółdzielnia socjalna krok po kroku",
            "Webinar: a social cooperative step by step",
        ),
        "slug": ("webinar-spoldzielnia-krok-po-kroku", "webinar-cooperative-step-by-step"),
        "lead": (
            "Półtorej godziny o tym, jak założyć spółdzielnię socjalną osób prawnych przy WTZ.",
            "Ninety minutes on how to found a social cooperative of legal persons beside a "
            "workshop.",
        ),
        "access": ["sign_language", "easy_read"],
    },
    {
        "kind": EventPage.Kind.CONFERENCE,
        "zones": ["samorzady", "wtz", "biznes", "wspolpraca-miedzynarodowa"],
        "days": 45,
        "hours": (9, 16),
        "city": "Poznań",
        "venue_name": "Centrum konferencyjne",
        "capacity": 120,
        "title": ("Konferencja: spółdzielnie socjalne przy WTZ", None),
        "slug": ("konferencja-spoldzielnie-przy-wtz", None),
        "lead": (
            "Wyniki testowania pięciu wariantów modelu, rekomendacje i dyskusja z samorządami, "
            "firmami i partnerami z zagranicy.",
            None,
        ),
        "access": ["step_free_entrance", "accessible_toilet", "induction_loop", "sign_language"],
    },
    {
        "kind": EventPage.Kind.TRAINING,
        "zones": ["wtz"],
        "days": -20,
        "hours": (9, 15),
        "city": "Leszno",
        "venue_name": "Warsztat terapii zajęciowej",
        "capacity": 20,
        "title": ("Szkolenie dla liderów spółdzielni", None),
        "slug": ("szkolenie-dla-liderow", None),
        "lead": ("Jak prowadzić spółdzielnię, w której pracują uczestnicy WTZ.", None),
        "access": ["step_free_entrance"],
    },
    {
        "kind": EventPage.Kind.STUDY_VISIT,
        "zones": ["wspolpraca-miedzynarodowa"],
        "days": -40,
        "hours": (10, 15),
        "city": "Poznań",
        "venue_name": "Spółdzielnia socjalna (wizyta)",
        "capacity": 15,
        "title": ("Wizyta studyjna partnerów zagranicznych", "Study visit of partners from abroad"),
        "slug": ("wizyta-studyjna-partnerow", "study-visit-partners"),
        "lead": (
            "Goście z zagranicy odwiedzili spółdzielnie działające w modelu.",
            "Guests from abroad visited cooperatives that work in the model.",
        ),
        "access": [],
    },
    {
        "kind": EventPage.Kind.WORKSHOP,
        "zones": ["biznes"],
        "days": -60,
        "hours": (10, 14),
        "city": "Gniezno",
        "venue_name": "Inkubator przedsiębiorczości",
        "capacity": 25,
        "title": ("Warsztat: firma i spółdzielnia socjalna", None),
        "slug": ("warsztat-firma-i-spoldzielnia", None),
        "lead": ("Przedsiębiorcy i spółdzielnie planowali wspólne zlecenia.", None),
        "access": ["step_free_entrance", "accessible_toilet"],
    },
]


def _at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    minutes = round(hour * 60)
    moment = datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60))
    return timezone.make_aware(moment)


@demo_step(order=70)
def create_events(demo):
    index = index_page(demo, EventIndexPage, INDEX, "events index")
    zones = {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}
    for data in EVENTS:
        page = EventPage.objects.child_of(index).filter(slug=data["slug"][0]).first()
        if page is None:
            page = _event(data, zones)
            index.add_child(instance=page)
            page.save_revision().publish()
            demo.note(f"event {page.title}")
        if data["title"][1] is None:
            continue
        strings = {key: data[key] for key in ("title", "slug", "lead")}
        strings = dict(strings.values())
        for _time, title, speaker in data.get("agenda", []):
            strings[title[0]] = title[1]
            if speaker:
                strings[speaker] = SPEAKERS_EN[speaker]
        for locale in demo.translation_locales:
            if page.get_translation_or_none(locale) is None:
                translate(page, locale, strings)
                demo.note(f"event {data['title'][1]} ({locale.language_code})")


def _event(data, zones):
    start_hour, end_hour = data["hours"]
    page = EventPage(
        title=data["title"][0],
        slug=data["slug"][0],
        kind=data["kind"],
        status=data.get("status", EventPage.Status.PLANNED),
        start=_at(data["days"], start_hour),
        end=_at(data["days"], end_hour),
        lead=data["lead"][0],
        attendance=data.get("attendance", EventPage.Attendance.IN_PERSON),
        venue_name=data.get("venue_name", ""),
        street=data.get("street", ""),
        postcode=data.get("postcode", ""),
        city=data.get("city", ""),
        online_platform=data.get("online_platform", ""),
        join_url=data.get("join_url", ""),
        capacity=data.get("capacity"),
        registration_opens=_at(min(data["days"], 0) - 30, 9),
        registration_closes=_at(data["days"] - 2, 23.99),
        organiser_name="Stowarzyszenie Na Rzecz Spółdzielni Socjalnych",
        organiser_email="biuro@spoldzielnie.org",
        organiser_phone="61 887 11 66",
        agenda=[
            (
                "item",
                {
                    "time": datetime.time(*map(int, time.split(":"))),
                    "title": title[0],
                    "speaker": speaker,
                },
            )
            for time, title, speaker in data.get("agenda", [])
        ],
        **{fact: True for fact in data.get("access", [])},
    )
    page.zones = [zones[slug] for slug in data["zones"] if slug in zones]
    return page


DEMO_PEOPLE = [
    ("Anna Przykładowa", "wtz", "WTZ w Koninie"),
    ("Jan Testowy", "gmina", "Urząd Gminy (przykład)"),
    ("Maria Wzorcowa", "ngo", "Stowarzyszenie (przykład)"),
    ("Piotr Demonstracyjny", "powiat", "Starostwo (przykład)"),
    ("Ewa Próbna", "ops", "PCPR (przykład)"),
    ("Tomasz Fikcyjny", "cooperative", "Spółdzielnia socjalna (przykład)"),
    ("Zofia Zmyślona", "wtz", "WTZ (przykład)"),
    ("Adam Umowny", "business", "Firma (przykład)"),
]


@demo_step(order=79)
def create_registrations(demo):
    """The organisers' group and account, and a few made-up registrations: the Konin
    meeting gets only six seats, so it is full and has a waiting list."""
    from django.contrib.auth import get_user_model

    from .booking import book_seat
    from .organisers import set_up_organisers

    group = set_up_organisers()
    User = get_user_model()
    if not User.objects.filter(username="organizator").exists():
        password = secrets.token_urlsafe(10)
        user = User.objects.create_user(
            username="organizator", email="organizator@example.org", password=password
        )
        user.groups.add(group)
        demo.note(f"account organizator in '{group.name}', password (shown only now): {password}")
    konin = EventPage.objects.filter(slug="spotkanie-konin", locale=demo.source_locale).first()
    if konin is None or konin.registrations.exists():
        return
    konin.capacity = 6
    konin.save_revision().publish()
    for number, (name, kind, institution) in enumerate(DEMO_PEOPLE):
        book_seat(
            konin,
            notify=False,
            language="pl",
            name=name,
            email=f"uczestnik{number}@example.org",
            institution=institution,
            institution_type=kind,
            people=1,
            needs_wheelchair=number == 2,
            needs_easy_read=number in (1, 4),
            consent_version="2026-11",
        )
    demo.note(f"{len(DEMO_PEOPLE)} registrations for {konin.title} (6 seats: full, 2 waiting)")
