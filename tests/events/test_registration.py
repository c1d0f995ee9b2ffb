"""Registration for meetings: seats, waiting list, e-mails, cancellation, bad input."""

import concurrent.futures
import io
import re

import pytest
from icalendar import Calendar

from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from portal.events import booking, emails
from portal.events.registrations import Registration
from tests.conftest import OwnMediaTestCase, make_home, make_locales
from tests.events.conftest import meeting_of
from tests.factories import EventIndexPageFactory, EventPageFactory, warsaw
from tests.html import one, parse, select, text_of

pytestmark = pytest.mark.django_db


def person(number, **extra):
    return {
        "language": "pl",
        "name": f"Osoba {number}",
        "email": f"osoba{number}@example.org",
        "institution": "WTZ w Koninie",
        "institution_type": "wtz",
        "people": 1,
        "consent_version": "2026-11",
        **extra,
    }


def form_data(**changes):
    data = {
        "name": "Anna Nowak",
        "email": "anna@example.org",
        "phone": "",
        "institution": "WTZ w Kaliszu",
        "institution_type": "wtz",
        "position": "terapeutka",
        "people": "1",
        "companions": "",
        "needs_other": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def register_url(event):
    return event.url + "zapis/"


def test_the_person_after_the_last_seat_goes_to_the_waiting_list(client, small_meeting):
    meeting = small_meeting
    for number in range(meeting.capacity):
        booking.book_seat(meeting, **person(number))
    response = client.post(register_url(meeting), form_data())
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Jesteś na liście oczekujących" in page
    registration = Registration.objects.get(email="anna@example.org")
    assert registration.status == Registration.Status.WAITING
    assert Registration.objects.filter(event=meeting).seats_taken() == 2


def test_a_group_of_nobody_is_refused_and_a_valid_one_costs_no_check_query(meeting):
    """The model still refuses zero people; a valid number is not sent to the database to
    check the constraint again (a query less in every booking)."""
    registration = Registration(event=meeting, status="confirmed", **person(1))
    with CaptureQueriesContext(connection) as queries:
        registration.validate_constraints()
    assert not [query for query in queries if ">= 1)" in query["sql"]]  # (1 >= 1) unasked
    registration.people = 0
    with pytest.raises(ValidationError):
        registration.validate_constraints()


def test_seats_are_counted_per_person(meeting):
    booking.book_seat(meeting, **person(1, people=18, companions="x\n" * 17))
    assert booking.book_seat(meeting, **person(2, people=3)).status == "waiting"
    assert booking.book_seat(meeting, **person(3, people=2)).status == "confirmed"


def test_cancellation_promotes_the_first_waiting_person_that_fits_and_tells_them(
    events_index, django_capture_on_commit_callbacks
):
    meeting = meeting_of(events_index, 5)
    confirmed = [booking.book_seat(meeting, **person(number)) for number in range(5)]
    group = booking.book_seat(meeting, **person("grupa", people=3))
    single = booking.book_seat(meeting, **person("pojedyncza"))
    later = booking.book_seat(meeting, **person("późniejsza"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        booking.cancel(confirmed[0])
        booking.cancel(confirmed[1])  # two seats free: the group of 3 does not, one person fits

    group.refresh_from_db()
    single.refresh_from_db()
    later.refresh_from_db()
    assert group.status == "waiting"
    assert single.status == "confirmed"
    assert later.status == "confirmed"
    promoted_mail = [message for message in mail.outbox if message.to == [single.email]]
    assert len(promoted_mail) == 1
    assert "Miejsce jest Twoje" in promoted_mail[0].subject

    booking.cancel(confirmed[2])
    booking.cancel(confirmed[3])
    booking.cancel(confirmed[4])
    group.refresh_from_db()
    assert group.status == "confirmed"  # three seats free now


def test_confirmation_email_has_html_text_and_a_calendar_that_parses(
    meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = booking.book_seat(meeting, **person(1))
    to_person = [message for message in mail.outbox if message.to == [registration.email]]
    (message,) = to_person
    assert "Zgłoszenie potwierdzone" in message.subject
    assert "Spotkanie w Poznaniu" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert one(html, "html")["lang"] == "pl"
    (name, content, attachment_type) = message.attachments[0]
    assert name.endswith(".ics")
    assert attachment_type.startswith("text/calendar")
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["summary"]) == "Spotkanie w Poznaniu"
    organiser = [message for message in mail.outbox if message.to == ["organizator@example.org"]]
    assert len(organiser) == 1
    assert registration.email not in organiser[0].body  # contact data stays in the admin


def test_the_emails_venue_line_leaves_out_what_the_event_does_not_have(
    meeting, django_capture_on_commit_callbacks
):
    """A venue without a street or postcode (a town hall known to all) reads as one clean
    line in the plain-text e-mail, not "Sala,  Kalisz" with a stray space; the e-mails
    print the venue line the calendar file has."""
    meeting.street = meeting.postcode = ""
    meeting.venue_name, meeting.city = "Sala sesyjna starostwa", "Kalisz"
    meeting.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        registration = booking.book_seat(meeting, **person(1))
    (message,) = [message for message in mail.outbox if message.to == [registration.email]]
    assert "Gdzie: Sala sesyjna starostwa, Kalisz\n" in message.body


def test_english_registrant_gets_english_emails_with_the_join_link(
    events_index, home_en, locales, django_capture_on_commit_callbacks
):
    webinar = EventPageFactory(
        parent=events_index,
        attendance="online",
        city="",
        online_platform="Zoom",
        join_url="https://example.org/join-secret",
        registration_opens=warsaw(days=-1),
        registration_closes=warsaw(days=5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration = booking.book_seat(webinar, **person(1, language="en"))
    (message,) = [message for message in mail.outbox if message.to == [registration.email]]
    assert message.subject.startswith("Registration confirmed")
    assert "https://example.org/join-secret" in message.body
    (_name, content, _type) = message.attachments[0]
    assert "join-secret" in str(content)


def test_cancel_link_works_once_and_a_tampered_one_is_refused(client, meeting):
    registration = booking.book_seat(meeting, **person(1))
    token = emails.cancel_token(registration)
    url = meeting.url + f"rezygnacja/?t={token}"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Osoba 1" in confirm.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a GET (a mail scanner, say) changes nothing
    assert client.post(url).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert client.post(url).status_code == 410
    tampered = meeting.url + f"rezygnacja/?t={token[:-2]}xx"
    assert client.get(tampered).status_code == 400
    other = booking.book_seat(meeting, **person(2))
    # Someone else's registration number with this link's signature: refused.
    forged = ":".join([emails.cancel_token(other).split(":")[0], *token.split(":")[1:]])
    assert forged != emails.cancel_token(other)
    assert client.post(meeting.url + f"rezygnacja/?t={forged}").status_code == 400
    other.refresh_from_db()
    assert other.status == "confirmed"
    assert client.get(meeting.url + "rezygnacja/").status_code == 400


BAD_INPUT = [
    ({"name": ""}, "name", "To pole jest wymagane."),
    ({"email": "nie-email"}, "email", "Wprowadź poprawny adres email."),
    ({"name": "x" * 10_000}, "name", "co najwyżej 120"),
    ({"people": "0"}, "people", "Podaj liczbę od 1 do 10."),
    ({"people": "999"}, "people", "Podaj liczbę od 1 do 10."),
    ({"people": "2"}, "companions", "Podaj imię i nazwisko drugiej osoby."),  # not "1 … osób"
    ({"people": "3"}, "companions", "Podaj imiona i nazwiska 2 pozostałych osób"),
    ({"consent": None}, "consent", "Nie możemy Cię zapisać bez tej zgody."),
    ({"institution_type": "kosmos"}, "institution_type", "Wybierz poprawną wartość."),
]


class BadInputTests(OwnMediaTestCase):
    """Refused posts of the registration form, on one meeting built for the class."""

    @classmethod
    def setUpTestData(cls):
        make_locales()
        cls.meeting = meeting_of(EventIndexPageFactory(parent=make_home()), 20)

    def test_bad_input_is_explained_next_to_the_field_and_nothing_is_stored(self):
        for changes, field, message in BAD_INPUT:
            with self.subTest(field=field, changes=str(changes)[:60]):
                cache.clear()  # each a first attempt: the rate limit is tested on its own
                response = self.client.post(register_url(self.meeting), form_data(**changes))
                assert response.status_code == 400
                page = parse(response)
                assert message in text_of(one(page, f"p.field__error#id_{field}-error"))
                assert one(page, "#error-summary")
                assert one(page, "input[name=institution]")["value"] == "WTZ w Kaliszu"  # kept
                assert not Registration.objects.exists()

    def test_the_summary_reads_a_consent_label_as_its_own_sentence(self):
        """A label that ends with a full stop is not followed by a colon ("powyżej).:")."""
        response = self.client.post(register_url(self.meeting), form_data(consent=None))
        consent = text_of(one(parse(response), '#error-summary a[href="#id_consent"]'))
        assert consent.endswith("powyżej). Nie możemy Cię zapisać bez tej zgody.")

    def test_honeypot_filled_by_a_bot_is_refused(self):
        data = form_data(website="http://spam.example")
        response = self.client.post(register_url(self.meeting), data)
        assert response.status_code == 400
        assert not Registration.objects.exists()

    def test_companions_error_keeps_the_help_text_described(self):
        response = self.client.post(register_url(self.meeting), form_data(people="2"))
        described_by = one(response, "[name=companions]")["aria-describedby"]
        assert described_by == "id_companions-error id_companions_helptext"


def test_same_email_cannot_register_twice_whatever_the_case(client, meeting):
    client.post(register_url(meeting), form_data())
    response = client.post(register_url(meeting), form_data(email="ANNA@Example.org"))
    assert response.status_code == 400
    assert "Ten adres e-mail jest już zapisany na to wydarzenie." in response.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"registration_closes": warsaw(days=-1), "registration_opens": warsaw(days=-5)},
        {"registration_opens": warsaw(days=1)},
        {"status": "cancelled"},
        {"start": warsaw(days=-3), "end": warsaw(days=-3, hour=13), "registration_closes": None},
    ],
)
def test_closed_event_shows_no_form_and_refuses_a_post(client, events_index, changes):
    event = EventPageFactory(
        parent=events_index,
        **{
            "registration_opens": warsaw(days=-10),
            "registration_closes": warsaw(days=5),
            **changes,
        },
    )
    assert select(client.get(event.url), ".registration__form") == []
    response = client.post(register_url(event), form_data())
    assert response.status_code == 409
    assert text_of(one(response, "main .notice"))
    assert not Registration.objects.exists()


def test_post_to_an_unknown_event_is_404(client, events_index):
    assert client.post(events_index.url + "nie-ma/zapis/", form_data()).status_code == 404


@override_settings(REGISTRATION_RATE_LIMIT=(3, 600))
def test_a_flood_of_posts_gets_429_with_retry_after(client, meeting):
    statuses = [
        client.post(register_url(meeting), form_data(email=f"bot{n}@example.org")).status_code
        for n in range(5)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[3:] == [429, 429]
    refused = client.post(register_url(meeting), form_data())
    assert "Za dużo prób" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 600  # what is left of the window


def test_registrations_never_appear_on_public_pages(client, meeting):
    booking.book_seat(meeting, **person(1))
    html = client.get(meeting.url).content.decode()
    assert "Osoba 1" not in html and "osoba1@example.org" not in html  # not even in markup
    text = text_of(parse(html))
    assert "19 wolnych miejsc" in text or "Zostało 19" in text or "19 miejsc" in text


def test_reminders_are_sent_once(events_index, django_capture_on_commit_callbacks):
    tomorrow = EventPageFactory(
        parent=events_index,
        start=warsaw(days=1, hour=10),
        end=warsaw(days=1, hour=13),
        registration_opens=warsaw(days=-5),
        registration_closes=warsaw(days=1, hour=8),
    )
    later = EventPageFactory(
        parent=events_index,
        registration_opens=warsaw(days=-5),
        registration_closes=warsaw(days=5),
    )
    booking.book_seat(tomorrow, notify=False, **person(1))
    booking.book_seat(later, notify=False, **person(2))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=io.StringIO())
        call_command("send_event_reminders", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["osoba1@example.org"]]
    assert "Przypomnienie" in mail.outbox[0].subject


def test_purge_anonymises_only_registrations_past_retention(events_index):
    old = EventPageFactory(
        parent=events_index,
        start=warsaw(days=-100),
        end=warsaw(days=-100, hour=13),
    )
    recent = EventPageFactory(
        parent=events_index, start=warsaw(days=-10), end=warsaw(days=-10, hour=13)
    )
    for event, number in ((old, 1), (recent, 2)):
        Registration.objects.create(
            event=event,
            status="confirmed",
            consented_at=old.start,
            **person(number, needs_easy_read=True),
        )
    call_command("purge_registrations", stdout=io.StringIO())
    purged = Registration.objects.get(event=old)
    kept = Registration.objects.get(event=recent)
    assert purged.name == "—" and "osoba1" not in purged.email and purged.anonymised_at
    assert purged.people == 1 and purged.status == "confirmed" and purged.needs_easy_read
    assert kept.name == "Osoba 2" and kept.anonymised_at is None


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's row locks; `make test` runs the suite on PostgreSQL",
)
def test_50_simultaneous_registrations_for_20_seats_never_overbook(meeting):
    def register(number):
        try:
            return booking.book_seat(meeting, notify=False, **person(number)).status
        finally:
            connection.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(register, range(50)))
    assert statuses.count("confirmed") == 20
    assert statuses.count("waiting") == 30
    assert Registration.objects.filter(event=meeting).count() == 50
    assert Registration.objects.filter(event=meeting).seats_taken() == 20
    # Seats went to the first 20 to reach the event's lock, the rest queue in that order:
    # ids are drawn inside the lock, so they are the order of arrival.
    arrived = list(Registration.objects.filter(event=meeting).order_by("pk"))
    assert [row.status for row in arrived] == ["confirmed"] * 20 + ["waiting"] * 30
    assert list(Registration.objects.filter(event=meeting).waiting()) == arrived[20:]
    assert booking.cancel(arrived[0]) == [arrived[20]]  # a freed seat goes to the first


def test_email_links_lead_to_the_site_address_whatever_host_the_booking_came_from(
    client, meeting, public_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(meeting), form_data(), HTTP_HOST="127.0.0.1:8000")
    (message,) = [message for message in mail.outbox if message.to == ["anna@example.org"]]
    event_url = f"{public_address}/pl/wydarzenia/spotkanie-w-poznaniu/"
    addresses = [link["href"] for link in select(message.alternatives[0][0], "a")]
    assert event_url in addresses
    assert event_url in message.body
    cancel = re.search(r"(\S+/rezygnacja/\?t=\S+)", message.body).group(1)
    assert cancel.startswith(f"{event_url}rezygnacja/?t=")
    assert cancel in addresses
    (ics,) = [content for _name, content, _type in message.attachments]
    (entry,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(entry["url"]) == event_url
    assert client.post(cancel.removeprefix(public_address)).status_code == 200
    assert Registration.objects.get(email="anna@example.org").status == "cancelled"


def test_cancel_link_in_the_email_is_absolute_and_works(
    client, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = booking.book_seat(meeting, **person(1))
    (message,) = [message for message in mail.outbox if message.to == [registration.email]]
    link = re.search(r"(\S+/rezygnacja/\?t=\S+)", message.body).group(1)
    assert link.startswith("http://testserver/pl/wydarzenia/spotkanie-w-poznaniu/rezygnacja/?t=")
    assert link in message.alternatives[0][0].replace("&amp;", "&")
    path = link.removeprefix("http://testserver")
    assert client.post(path).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_a_cancel_link_for_another_event_is_refused(client, meeting, events_index):
    other = EventPageFactory(
        parent=events_index, registration_opens=warsaw(days=-1), registration_closes=warsaw(days=5)
    )
    registration = booking.book_seat(meeting, **person(1))
    token = emails.cancel_token(registration)
    assert client.post(other.url + f"rezygnacja/?t={token}").status_code == 400
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_nobody_is_promoted_to_a_cancelled_meeting(meeting):
    first = booking.book_seat(meeting, **person(1, people=10, companions="x\n" * 9))
    booking.book_seat(meeting, **person(2, people=10, companions="x\n" * 9))
    waiting = booking.book_seat(meeting, **person(3))
    assert waiting.status == "waiting"
    meeting.status = "cancelled"
    meeting.save_revision().publish()
    assert booking.cancel(first) == []
    waiting.refresh_from_db()
    assert waiting.status == "waiting"


def test_more_seats_go_to_the_waiting_list_first(small_meeting, django_capture_on_commit_callbacks):
    meeting = small_meeting
    for number in range(2):
        booking.book_seat(meeting, **person(number))
    waiting = booking.book_seat(meeting, **person("czeka"))
    meeting.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert booking.book_seat(meeting, **person("nowa")).status == "waiting"


def test_result_page_is_private_and_needs_no_token_in_the_address(client, meeting):
    response = client.post(register_url(meeting), form_data())
    assert "?" not in response["Location"]
    result = client.get(response["Location"])
    assert result["Cache-Control"] == "private, no-store"
    assert one(result, 'meta[name="robots"]')["content"] == "noindex"
    assert client.__class__().get(response["Location"]).status_code == 302  # another browser
    client.cookies["events.registered"] = str(Registration.objects.get().pk)  # not signed
    assert client.get(response["Location"]).status_code == 302


def test_a_cancellation_is_confirmed_by_email_in_the_registrants_language(
    meeting, home_en, locales, django_capture_on_commit_callbacks
):
    registration = booking.book_seat(meeting, notify=False, **person(1, language="en"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booking.cancel(registration)
    (message,) = mail.outbox
    assert message.to == ["osoba1@example.org"]
    assert message.subject == "Registration cancelled: Spotkanie w Poznaniu"
    assert "Your registration has been cancelled." in message.body
    assert "register again on the event page" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and one(html, "html")["lang"] == "en"
    assert "Your registration has been cancelled." in html
    assert "rezygnacja/?t=" not in message.body and message.attachments == []  # nothing left
    registration.refresh_from_db()
    assert registration.email_kind == "cancelled" and registration.email_status == "sent"
