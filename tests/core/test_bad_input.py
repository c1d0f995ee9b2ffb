"""Malformed input found on the site, one test per case: each answered with a 4xx and the
site's own page, never a 500 (tests/core/test_malformed_requests_property.py searches for
more)."""

import sys
from contextlib import contextmanager
from io import BytesIO
from urllib.parse import urlencode

import pytest

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from wagtail.contrib.forms.models import FormSubmission

from portal.core.http import PortalASGIRequest
from portal.core.navigation import subpage_url
from portal.events import booking, emails
from portal.events.registrations import Registration
from portal.polls.models import PollChoice
from portal.wsgi import application
from tests.factories import (
    ContactPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PollFactory,
    StandardPageFactory,
    warsaw,
)
from tests.html import select

pytestmark = pytest.mark.django_db

BAD_REQUEST = "Nie udało się zrozumieć tego żądania"  # the site's 400 page, in Polish
UTF16_FORM = "application/x-www-form-urlencoded; charset=utf-16"


def assert_sites_400_page(response):
    assert response.status_code == 400
    html = response.content.decode()
    assert BAD_REQUEST in html
    assert select(html, "footer.site-footer")  # the whole site around it, not a bare error


# --- the language switcher


@pytest.mark.parametrize("page", ["²", "٣", "1_0", "9999999999", "99999999999999999999"])
def test_a_page_id_that_is_no_plain_number_leads_to_that_languages_home(client, home_en, page):
    response = client.get(f"/language/en/?page={page}")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


# --- page numbers of listings


@pytest.fixture
def news(home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index)
    return index


def test_the_first_page_of_a_listing_is_page_1(client, news):
    assert client.get(f"{news.url}?page=1").status_code == 200


@pytest.mark.parametrize("page", ["١", "１", "²", " 1", "1_0", "+1", "99999999999999999999"])
def test_a_page_number_in_other_than_ascii_digits_is_a_page_that_does_not_exist(client, news, page):
    response = client.get(news.url, {"page": page})

    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


# --- the four public forms, posted in UTF-16


def browser():
    """A client that checks CSRF tokens as the site does for a real browser."""
    return Client(enforce_csrf_checks=True)


def post_utf16(client, url, fields, page_url):
    """Post `fields` the way a broken client would: in UTF-16, with the CSRF token it got
    from the page (inside the body, where it cannot be read either)."""
    client.get(page_url)
    fields = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, **fields}
    return client.generic("POST", url, urlencode(fields).encode("utf-16"), UTF16_FORM)


@pytest.fixture
def event(home):
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
    )


REGISTRATION = {
    "name": "Anna Nowak",
    "email": "anna@example.org",
    "institution": "WTZ w Kaliszu",
    "institution_type": "wtz",
    "position": "terapeutka",
    "people": "1",
    "consent": "on",
}


def test_a_registration_in_utf16_gets_the_400_page_and_books_nothing(event):
    response = post_utf16(browser(), subpage_url(event, "register"), REGISTRATION, event.url)

    assert_sites_400_page(response)
    assert not Registration.objects.exists()


def test_the_same_registration_in_utf8_books_a_seat(event):
    client = browser()
    client.get(event.url)
    token = client.cookies["csrftoken"].value

    response = client.post(
        subpage_url(event, "register"), {"csrfmiddlewaretoken": token, **REGISTRATION}
    )

    assert response.status_code == 302
    assert Registration.objects.get().email == "anna@example.org"


def test_a_cancellation_in_utf16_gets_the_400_page_and_cancels_nothing(event):
    registration = booking.book_seat(
        event,
        language="pl",
        name="Anna Nowak",
        email="anna@example.org",
        institution="WTZ",
        institution_type="wtz",
        people=1,
        consent_version="test",
    )
    cancel_url = (
        subpage_url(event, "cancel") + "?" + urlencode({"t": emails.cancel_token(registration)})
    )

    response = post_utf16(browser(), cancel_url, {"confirm": "1"}, page_url=cancel_url)

    assert_sites_400_page(response)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_a_poll_vote_in_utf16_gets_the_400_page_and_counts_nothing(home):
    poll = PollFactory(choices=[("Tak", 0), ("Nie", 0)])
    page = StandardPageFactory(parent=home, body=[("poll", {"poll": poll, "heading": ""})])
    choice = poll.choices.get(label="Tak")

    response = post_utf16(
        browser(), f"/pl/sonda/{poll.pk}/", {"choice": choice.pk}, page_url=page.url
    )

    assert_sites_400_page(response)
    assert PollChoice.objects.get(pk=choice.pk).votes == 0


@pytest.fixture
def contact_page(home):
    return ContactPageFactory(parent=home)


CONTACT_MESSAGE = {
    "imie": "Jan Kowalski",
    "email": "jan@example.org",
    "wiadomosc": "Dzień dobry",
    "zgoda": "on",
}


def test_a_contact_message_in_utf16_gets_the_400_page_and_stores_nothing(contact_page):
    response = post_utf16(browser(), contact_page.url, CONTACT_MESSAGE, page_url=contact_page.url)

    assert_sites_400_page(response)
    assert not FormSubmission.objects.exists()


def test_the_same_message_in_utf8_is_received(contact_page):
    client = browser()
    client.get(contact_page.url)
    token = client.cookies["csrftoken"].value

    response = client.post(contact_page.url, {"csrfmiddlewaretoken": token, **CONTACT_MESSAGE})

    assert response.status_code == 302
    assert FormSubmission.objects.get().form_data["imie"] == "Jan Kowalski"


def test_a_multipart_form_in_a_charset_that_is_no_text_encoding_gets_the_400_page(contact_page):
    # Django decodes the field names with the declared charset: "hex" is a bytes codec.
    client = browser()
    client.get(contact_page.url)
    body = b'--B\r\nContent-Disposition: form-data; name="imie"\r\n\r\nJan\r\n--B--\r\n'

    response = client.generic(
        "POST",
        contact_page.url,
        body,
        "multipart/form-data; boundary=B; charset=hex",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )

    assert_sites_400_page(response)
    assert not FormSubmission.objects.exists()


def test_too_many_fields_in_the_address_get_the_400_page(client, home):
    response = client.get("/pl/?" + "&".join(["a=1"] * 10_001))  # DATA_UPLOAD_MAX_NUMBER_FIELDS

    assert_sites_400_page(response)


def test_a_form_over_the_size_limit_gets_the_400_page(contact_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = browser()
    client.get(contact_page.url)

    response = client.post(
        contact_page.url,
        {**CONTACT_MESSAGE, "wiadomosc": "x" * 2000},
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )

    assert_sites_400_page(response)
    assert not FormSubmission.objects.exists()


# --- a Content-Type Django cannot use, through the site's WSGI application


@contextmanager
def database_kept_open():
    """The handler closes "old" database connections when a request starts and ends, which
    would close the one holding the test's transaction; the test client disconnects the
    same signals for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def wsgi_get(path, query, content_type):
    """A GET through portal.wsgi.application, as gunicorn sends it; (status, body)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    status = []
    with database_kept_open():
        response = application(environ, lambda line, headers: status.append(line))
        body = b"".join(response)
        response.close()
    return status[0], body.decode()


@pytest.mark.parametrize(
    ("query", "content_type"),
    [
        ("a=%FF", "text/plain; charset=idna"),  # a text codec that fails on the escape
        ("a=1", "text/plain; charset=base64"),  # a codec that is no text encoding
        ("a=1", "text/plain; charset*=bogus''x"),  # an RFC 2231 charset that does not exist
    ],
)
def test_a_content_type_django_cannot_use_gets_the_400_page_not_a_bare_500(
    home, query, content_type
):
    status, html = wsgi_get("/pl/", query, content_type)

    assert status.startswith("400 ")
    assert BAD_REQUEST in html
    assert select(html, "footer.site-footer")


def test_a_usable_declared_charset_still_reads_the_query_string(home):
    status, html = wsgi_get("/pl/", "a=%C5%BC", "text/plain; charset=utf-8")

    assert status.startswith("200 ")


def test_an_asgi_request_with_an_unknown_rfc2231_charset_is_built_and_marked():
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/pl/",
        "query_string": b"q=%C5%BC",
        "headers": [(b"content-type", b"text/plain; charset*=bogus''x")],
    }

    request = PortalASGIRequest(scope, BytesIO())

    assert request.GET["q"] == "ż"
    assert request.unreadable_content_type is not None  # the middleware answers it with 400
