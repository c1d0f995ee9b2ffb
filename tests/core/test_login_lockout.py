"""django-axes on the admin's sign-in: ten wrong passwords for one user from one address
lock that user out from that address for fifteen minutes, with a page that says until when."""

import datetime
import zoneinfo

import pytest
import time_machine

from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
OFFICE = "203.0.113.5"
ELSEWHERE = "198.51.100.7"


@pytest.fixture
def editors():
    User = get_user_model()
    anna = User.objects.create_superuser("anna", "anna@example.org", "haslo-anny-2026")
    piotr = User.objects.create_superuser("piotr", "piotr@example.org", "haslo-piotra-2026")
    return anna, piotr


def sign_in(client, username, password, address):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client):
    return client.get("/admin/").status_code == 200


@pytest.fixture
def clock():
    with time_machine.travel(datetime.datetime(2026, 3, 2, 12, 0, tzinfo=WARSAW), tick=False) as t:
        yield t


def test_ten_wrong_passwords_lock_the_user_out_from_that_address(client, editors, clock):
    answers = [sign_in(client, "anna", "zle-haslo", OFFICE).status_code for _ in range(10)]

    assert answers == [200] * 9 + [429]  # the form again nine times, then the lockout
    refused = sign_in(client, "anna", "haslo-anny-2026", OFFICE)  # the right password
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    page = refused.content.decode()
    assert "Logowanie chwilowo zablokowane" in page
    assert "Spróbuj ponownie po 12:15." in page
    assert not signed_in(client)


def test_the_lockout_holds_for_fifteen_minutes_then_lifts(client, editors, clock):
    for _ in range(10):
        sign_in(client, "anna", "zle-haslo", OFFICE)

    clock.shift(datetime.timedelta(minutes=14, seconds=59))
    assert sign_in(client, "anna", "haslo-anny-2026", OFFICE).status_code == 429
    # That attempt started the wait again: fifteen minutes from now.
    clock.shift(datetime.timedelta(minutes=15, seconds=1))
    assert sign_in(client, "anna", "haslo-anny-2026", OFFICE).status_code == 302
    assert signed_in(client)


def test_the_lockout_is_only_for_that_user_at_that_address(client, editors, clock):
    for _ in range(10):
        sign_in(client, "anna", "zle-haslo", OFFICE)

    assert sign_in(client, "piotr", "haslo-piotra-2026", OFFICE).status_code == 302
    assert signed_in(client)
    client.logout()
    assert sign_in(client, "anna", "haslo-anny-2026", ELSEWHERE).status_code == 302
    assert signed_in(client)


def test_behind_the_proxy_the_lockout_counts_the_visitor_not_the_proxy(
    client, editors, clock, settings
):
    settings.TRUSTED_PROXY_COUNT = 1  # Varnish in front: REMOTE_ADDR is always the proxy
    proxy = "10.0.0.2"

    def via_proxy(password, visitor):
        return client.post(
            "/admin/login/",
            {"username": "anna", "password": password},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=visitor,
        )

    for _ in range(10):
        via_proxy("zle-haslo", OFFICE)

    assert via_proxy("haslo-anny-2026", OFFICE).status_code == 429
    assert via_proxy("haslo-anny-2026", ELSEWHERE).status_code == 302


def test_failed_sign_ins_leave_no_username_or_address_in_the_log(client, editors, clock, caplog):
    with caplog.at_level("DEBUG"):
        for _ in range(11):
            sign_in(client, "anna", "zle-haslo", OFFICE)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "anna" not in logged
    assert OFFICE not in logged
