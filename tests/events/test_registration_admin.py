"""The organisers' side: the registrations list, its export, the summary on the event."""

import io

import openpyxl
import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.events import booking
from tests.events.test_registration_export import csv_rows
from tests.factories import ZoneFactory
from tests.html import one, select, text_of, texts
from tests.mail_servers import refusing_smtp, smtp_sink, use_smtp

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone_editor(django_user_model, locales, meeting):
    from zones.editing import set_up_editing

    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    set_up_editing()
    zone.refresh_from_db()
    user = django_user_model.objects.create_user(username="redakcja-wtz", password="x")
    user.groups.add(zone.editor_group)
    return user


@pytest.fixture
def registrations(meeting):
    data = {"language": "pl", "institution_type": "wtz", "consent_version": "2026-11", "people": 1}
    return [
        booking.book_seat(
            meeting,
            notify=False,
            name="Anna Nowak",
            email="anna@example.org",
            institution="WTZ Kalisz",
            needs_wheelchair=True,
            **data,
        ),
        booking.book_seat(
            meeting,
            notify=False,
            name="Jan Kowalski",
            email="jan@example.org",
            institution="Gmina Konin",
            needs_easy_read=True,
            needs_wheelchair=True,
            **data,
        ),
    ]


def test_zone_editor_is_refused_the_registrations(client, zone_editor, registrations):
    client.force_login(zone_editor)
    for url in ["/admin/registrations/", "/admin/registrations/?export=csv"]:
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"Anna Nowak" not in response.content
    assert (
        not Group.objects.get(name="Redakcja: Strefa WTZ")
        .permissions.filter(codename="view_registration")
        .exists()
    )


def test_organiser_sees_filters_and_exports_registrations(
    client, organiser, registrations, meeting
):
    client.force_login(organiser)
    listing = client.get("/admin/registrations/").content.decode()
    assert "Anna Nowak" in listing and "Jan Kowalski" in listing
    filtered = client.get("/admin/registrations/?needs_easy_read=true").content.decode()
    assert "Jan Kowalski" in filtered and "Anna Nowak" not in filtered
    exported = client.get("/admin/registrations/?export=csv")
    assert exported.status_code == 200
    rows = csv_rows(b"".join(exported.streaming_content))
    assert {row["Imię i nazwisko"] for row in rows} == {"Anna Nowak", "Jan Kowalski"}
    assert {row["E-mail"] for row in rows} == {"anna@example.org", "jan@example.org"}
    xlsx = client.get("/admin/registrations/?export=xlsx")
    assert xlsx.status_code == 200
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.max_row == 3  # a header and two rows


def test_event_admin_page_sums_up_seats_and_needs_for_the_organiser(
    client, organiser, registrations, meeting
):
    client.force_login(organiser)
    html = client.get(f"/admin/pages/{meeting.pk}/edit/").content.decode()
    assert "Dotychczasowe zgłoszenia" in html
    assert "2 / 20" in html
    assert "Dostęp dla wózka: 2" in html
    assert "Materiały w tekście łatwym do czytania: 1" in html


def test_organiser_cancels_in_the_admin_and_the_waiting_list_moves_up(
    client, organiser, meeting, registrations
):
    data = {"language": "pl", "institution_type": "wtz", "consent_version": "2026-11"}
    booking.book_seat(
        meeting,
        notify=False,
        name="Duża grupa",
        email="grupa@example.org",
        institution="X",
        people=10,
        companions="a\n" * 9,
        **data,
    )
    booking.book_seat(
        meeting,
        notify=False,
        name="Druga grupa",
        email="grupa2@example.org",
        institution="Y",
        people=8,
        companions="a\n" * 7,
        **data,
    )
    waiting = booking.book_seat(
        meeting,
        notify=False,
        name="Czeka",
        email="czeka@example.org",
        institution="Z",
        people=1,
        **data,
    )
    assert waiting.status == "waiting"
    client.force_login(organiser)
    url = f"/admin/registrations/edit/{registrations[0].pk}/"
    edit_form = client.get(url)
    assert not select(edit_form, '[value="waiting"]')  # nobody is confirmed or queued by hand
    response = client.post(url, {"status": "cancelled", "companions": "", "needs_other": ""})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_an_event_with_registrations_cannot_be_deleted(admin_client, meeting, registrations):
    response = admin_client.post(f"/admin/pages/{meeting.pk}/delete/", follow=True)
    assert "Tej strony nie można usunąć: są na nią zgłoszenia." in response.content.decode()
    assert type(meeting).objects.filter(pk=meeting.pk).exists()


@pytest.mark.django_db(transaction=True)  # each request commits, as on the real site
def test_organiser_sees_an_undelivered_email_and_sends_it_again(
    client, organiser, zone_editor, meeting, settings
):
    data = {"language": "pl", "institution_type": "wtz", "consent_version": "2026-11", "people": 1}
    with refusing_smtp() as server:
        use_smtp(settings, server)
        registration = booking.book_seat(
            meeting, name="Anna Nowak", email="anna@example.org", institution="X", **data
        )
        registration.refresh_from_db()
        assert registration.email_status == "failed"

        client.force_login(organiser)
        listing = client.get("/admin/registrations/?status=confirmed").content.decode()
        assert "E-mail nie dotarł" in listing
        assert "Potwierdzenie: 554 5.3.2 No SMTP service here" in listing
        send_again = f"/admin/registrations/send-again/{registration.pk}/"
        assert one(listing, f'form[action="{send_again}"]')["method"] == "post"
        assert client.get(send_again).status_code == 405  # only a POST sends

        # Still refused: the organiser is told, and the registration stays marked.
        response = client.post(send_again, {"next": "/admin/registrations/?status=confirmed"})
        assert response["Location"] == "/admin/registrations/?status=confirmed"
        page = client.get(response["Location"]).content.decode()
        assert "Nie udało się ponownie wysłać e-maila (potwierdzenie): 554" in page

    with smtp_sink() as sink:
        use_smtp(settings, sink)
        client.force_login(zone_editor)  # may not see registrations, so may not send them
        refused = client.post(send_again)  # Wagtail's admin: back to the dashboard, told why
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
        assert sink.messages == []

        client.force_login(organiser)
        response = client.post(send_again, {"next": "https://example.com/"})
        assert response["Location"] == "/admin/registrations/"  # never off the site
        page = client.get(response["Location"]).content.decode()
        assert "E-mail (potwierdzenie) został wysłany ponownie." in page

    (message,) = sink.messages
    assert message["To"] == "anna@example.org"
    assert message["Subject"] == "Zgłoszenie potwierdzone: Spotkanie w Poznaniu"
    registration.refresh_from_db()
    assert registration.email_status == "sent"
    assert registration.email_error == ""
    assert not select(page, f'[action="{send_again}"]')  # nothing left to send again
    assert "Wysłany" in texts(page, "td")


def test_event_filter_lists_only_the_polish_events(client, organiser, meeting, locales):
    english = meeting.copy_for_translation(locales["en"], copy_parents=True)
    client.force_login(organiser)

    listing = client.get("/admin/registrations/")

    options = [option["value"] for option in select(listing, 'select[name="event"] option')]
    assert str(meeting.pk) in options
    assert str(english.pk) not in options


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_the_page_that_cancels_a_registration_names_the_person(
    client, organiser, registrations, action
):
    client.force_login(organiser)

    page = client.get(f"/admin/registrations/{action}/{registrations[0].pk}/")

    assert "Anna Nowak (WTZ Kalisz)" in text_of(one(page, "header h1"))


def registrations_queries(client, url):
    """The queries of one request for `url`, caches warm, its body read to the end."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and body
    return len(queries)


@pytest.mark.parametrize("url", ["/admin/registrations/", "/admin/registrations/?export=csv"])
def test_registrations_listing_and_export_cost_the_same_for_few_and_many(
    client, organiser, meeting, registrations, url
):
    client.force_login(organiser)
    few = registrations_queries(client, url)
    for number in range(4):
        booking.book_seat(
            meeting,
            notify=False,
            name=f"Osoba {number}",
            email=f"osoba{number}@example.org",
            institution="WTZ",
            institution_type="wtz",
            language="pl",
            consent_version="2026-11",
            people=1,
        )

    assert registrations_queries(client, url) == few
