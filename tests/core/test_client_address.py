"""The visitor's address behind TRUSTED_PROXY_COUNT proxies, as the rate limits see it."""

import pytest

from django.test import RequestFactory

from portal.core.client_address import client_address
from tests.events.test_registration import form_data
from tests.factories import EventIndexPageFactory, EventPageFactory, warsaw

PROXY = "10.0.0.5"


def seen(header=None, remote_addr=PROXY):
    extra = {"REMOTE_ADDR": remote_addr}
    if header is not None:
        extra["HTTP_X_FORWARDED_FOR"] = header
    return client_address(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert seen("203.0.113.7") == PROXY


@pytest.mark.parametrize(
    ("count", "header", "visitor"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        # the visitor wrote the first entry; our one proxy appended the real address
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        # a CDN appended the visitor, then our own proxy appended the CDN
        (2, "198.51.100.1, 203.0.113.7, 192.0.2.10", "203.0.113.7"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, " 2001:0db8:0000::0001 ", "2001:db8::1"),
    ],
)
def test_the_visitor_is_the_nth_address_from_the_right(settings, count, header, visitor):
    settings.TRUSTED_PROXY_COUNT = count
    assert seen(header) == visitor


@pytest.mark.parametrize(
    ("count", "header"),
    [
        (1, None),
        (1, ""),
        (1, "unknown"),
        (1, "203.0.113.7:4711"),
        (1, "203.0.113.7,"),
        (2, "203.0.113.7"),  # fewer entries than proxies
        (1, "1" * 5000),
    ],
)
def test_a_malformed_header_falls_back_to_remote_addr(settings, count, header):
    settings.TRUSTED_PROXY_COUNT = count
    assert seen(header) == PROXY


def test_junk_left_of_the_trusted_entries_is_not_read(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert seen("<script>, not an address, 203.0.113.7") == "203.0.113.7"


@pytest.fixture
def meeting(home):
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        capacity=100,
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
    )


def sign_up(client, meeting, number, forwarded_for):
    data = form_data(name=f"Osoba {number}", email=f"osoba{number}@example.org")
    response = client.post(
        meeting.url + "zapis/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for
    )
    return response.status_code


@pytest.mark.django_db
def test_two_visitors_behind_one_proxy_have_their_own_rate_limit(client, settings, meeting):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REGISTRATION_RATE_LIMIT = (2, 600)
    first = [sign_up(client, meeting, n, "203.0.113.7") for n in range(3)]
    second = [sign_up(client, meeting, n, "198.51.100.1") for n in range(3, 5)]
    assert first == [302, 302, 429]
    assert second == [302, 302]


@pytest.mark.django_db
def test_a_made_up_address_on_the_left_does_not_escape_the_limit(client, settings, meeting):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REGISTRATION_RATE_LIMIT = (2, 600)
    statuses = [
        # the visitor sends a different X-Forwarded-For each time; the proxy appends theirs
        sign_up(client, meeting, n, f"192.0.2.{n}, 203.0.113.7")
        for n in range(4)
    ]
    assert statuses == [302, 302, 429, 429]
