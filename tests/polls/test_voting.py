"""Voting in a poll: one vote per browser, counted by the database on the Polish tally,
and every forged or late vote refused with a message and a 4xx."""

import datetime
import logging
import threading

import pytest

from django.db import connection
from django.test import Client
from django.utils import timezone

from portal.polls import voting
from portal.polls.models import Poll, PollChoice
from tests.core.test_redis_outage import use_redis, warnings_from
from tests.factories import PollFactory
from tests.html import links, one, text_of

pytestmark = pytest.mark.django_db


def vote_url(poll, language=None):
    """The vote address in the poll's language, or in `language`: the tests that read a
    message post in English, which does not depend on the Polish catalogue."""
    return f"/{language or poll.locale.language_code}/sonda/{poll.pk}/"


def choice(poll, label):
    return poll.choices.get(label=label)


def votes(poll, label):
    return PollChoice.objects.get(poll=poll, label=label).votes


def test_a_vote_is_counted_and_the_visitor_goes_back_to_the_poll(client, poll_page, poll):
    response = client.post(
        vote_url(poll), {"choice": choice(poll, "Tak").pk, "next": poll_page.url}
    )

    assert response.status_code == 303
    assert response["Location"] == f"{poll_page.url}#poll-{poll.pk}"
    assert votes(poll, "Tak") == 13
    assert votes(poll, "Nie") == 18
    cookie = response.cookies[voting.cookie_name(poll)]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 365 * 24 * 3600


def test_second_vote_from_the_same_browser_is_refused_with_a_message(client, poll):
    client.post(vote_url(poll), {"choice": choice(poll, "Tak").pk})

    response = client.post(vote_url(poll, "en"), {"choice": choice(poll, "Nie").pk})

    assert response.status_code == 409
    assert "You have already voted in this poll." in response.content.decode()
    assert (votes(poll, "Tak"), votes(poll, "Nie")) == (13, 18)


def test_a_changed_cookie_does_not_count_as_a_vote(client, poll):
    client.cookies[voting.cookie_name(poll)] = "forged"

    response = client.post(vote_url(poll), {"choice": choice(poll, "Nie").pk})

    assert response.status_code == 303
    assert votes(poll, "Nie") == 19


def test_english_vote_counts_on_the_polish_tally(client, poll, poll_en):
    response = client.post(vote_url(poll_en), {"choice": choice(poll_en, "Yes").pk})

    assert response.status_code == 303
    assert votes(poll, "Tak") == 13
    assert votes(poll_en, "Yes") == 12  # the translation's own column is never counted


def test_voting_in_english_then_in_polish_is_refused(client, poll, poll_en):
    client.post(vote_url(poll_en), {"choice": choice(poll_en, "No").pk})

    response = client.post(vote_url(poll), {"choice": choice(poll, "Tak").pk})

    assert response.status_code == 409
    assert (votes(poll, "Tak"), votes(poll, "Nie")) == (12, 19)


@pytest.mark.parametrize(
    "value",
    ["", "abc", "999999", "99999999999999999999999", "-1"],
    ids=["none", "not-a-number", "unknown", "huge", "negative"],
)
def test_a_forged_answer_is_refused_with_400(client, poll, value):
    data = {"choice": value} if value else {}

    response = client.post(vote_url(poll, "en"), data)

    assert response.status_code == 400
    assert "Choose one of the answers." in response.content.decode()
    assert (votes(poll, "Tak"), votes(poll, "Nie")) == (12, 18)
    assert voting.cookie_name(poll) not in response.cookies


def test_an_answer_of_another_poll_is_refused_with_400(client, poll):
    other = PollFactory(question="Inne pytanie?", choices=[("A", 0), ("B", 0)])

    response = client.post(vote_url(poll), {"choice": choice(other, "A").pk})

    assert response.status_code == 400
    assert votes(other, "A") == 0
    assert sum(poll.choices.values_list("votes", flat=True)) == 30


def test_two_answers_in_one_vote_are_refused_with_400(client, poll):
    response = client.post(
        vote_url(poll, "en"), {"choice": [choice(poll, "Tak").pk, choice(poll, "Nie").pk]}
    )

    assert response.status_code == 400
    assert (votes(poll, "Tak"), votes(poll, "Nie")) == (12, 18)


def test_the_refusal_page_shows_the_form_again_with_the_message_in_the_answers(client, poll):
    response = client.post(vote_url(poll, "en"), {"next": "/pl/"})

    fieldset = one(response, "section.poll form fieldset")
    assert fieldset["aria-describedby"] == f"poll-{poll.pk}-error"
    assert text_of(one(fieldset, f"p#poll-{poll.pk}-error")) == "Choose one of the answers."
    assert ("Back to the page you came from", "/pl/") in links(response, "main a")


def test_a_closed_poll_refuses_votes_with_410_and_shows_the_results(client, poll):
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - datetime.timedelta(hours=1))

    response = client.post(vote_url(poll, "en"), {"choice": choice(poll, "Tak").pk})

    assert response.status_code == 410
    html = response.content.decode()
    assert "This poll is closed." in html
    assert "Tak — 12" in html and "(40%)" in html
    assert votes(poll, "Tak") == 12


def test_a_poll_not_open_yet_refuses_votes_with_409(client, poll):
    Poll.objects.filter(pk=poll.pk).update(opens_at=timezone.now() + datetime.timedelta(days=1))

    response = client.post(vote_url(poll, "en"), {"choice": choice(poll, "Tak").pk})

    assert response.status_code == 409
    assert "This poll is not open yet." in response.content.decode()
    assert votes(poll, "Tak") == 12


def test_an_unknown_poll_is_404_and_a_get_is_405(client, poll):
    assert client.post("/pl/sonda/999999/", {"choice": 1}).status_code == 404
    assert client.get(vote_url(poll)).status_code == 405


def test_without_cookies_the_csrf_check_refuses_with_403_and_explains(poll):
    browser_without_cookies = Client(enforce_csrf_checks=True)

    response = browser_without_cookies.post(vote_url(poll), {"choice": choice(poll, "Tak").pk})

    assert response.status_code == 403
    assert "pliki cookie są wyłączone" in response.content.decode()
    assert votes(poll, "Tak") == 12


def test_a_return_address_on_another_site_is_replaced_by_the_home_page(client, home, poll):
    response = client.post(
        vote_url(poll), {"choice": choice(poll, "Tak").pk, "next": "https://evil.example/x"}
    )

    assert response.status_code == 303
    assert response["Location"] == f"/pl/#poll-{poll.pk}"


def vote_from_a_new_browser(client, poll):
    """A vote for "Tak" without the cookie of an earlier one: only the address limits it."""
    client.cookies.clear()
    return client.post(vote_url(poll), {"choice": choice(poll, "Tak").pk})


def test_too_many_votes_from_one_address_get_429_until_the_window_ends(
    client, settings, poll, time_machine
):
    settings.POLL_RATE_LIMIT = (2, 600)
    time_machine.move_to(timezone.now(), tick=False)
    for _ in range(2):
        vote_from_a_new_browser(client, poll)

    response = vote_from_a_new_browser(client, poll)

    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 0 < wait <= 600  # what is left of the window, not a whole new one
    assert votes(poll, "Tak") == 14
    time_machine.shift(wait - 1)
    assert vote_from_a_new_browser(client, poll)["Retry-After"] == "1"
    time_machine.shift(1)
    assert vote_from_a_new_browser(client, poll).status_code == 303  # waited long enough
    assert votes(poll, "Tak") == 15


def test_votes_are_counted_while_redis_refuses_to_count_them_with_one_warning(
    client, settings, redis_server, poll, poll_page, caplog
):
    """A full Redis answers the rate limit's count with an error: the votes still count."""
    use_redis(settings, redis_server, retry_after=0)
    settings.POLL_RATE_LIMIT = (1, 600)
    assert client.get(poll_page.url).status_code == 200  # the site's paths are cached
    redis_server.refuse_writes()

    with caplog.at_level(logging.WARNING):
        statuses = [vote_from_a_new_browser(client, poll).status_code for _ in range(3)]

    assert statuses == [303] * 3
    assert votes(poll, "Tak") == 15
    assert len(warnings_from(caplog, "portal.core.ratelimit")) == 1


def test_no_outage_is_logged_while_rate_limits_are_switched_off(client, settings, poll, caplog):
    settings.RATELIMIT_ENABLE = False
    settings.POLL_RATE_LIMIT = (1, 600)

    with caplog.at_level(logging.WARNING):
        statuses = [vote_from_a_new_browser(client, poll).status_code for _ in range(3)]

    assert statuses == [303] * 3
    assert warnings_from(caplog, "portal.core.ratelimit") == []


def test_saving_the_poll_in_the_admin_keeps_votes_counted_meanwhile(poll):
    """The editor's copy of an answer was read before a vote was counted; saving it must
    not write the old number back."""
    stale = PollChoice.objects.get(poll=poll, label="Tak")
    voting.cast_vote(poll, stale)
    stale.label = "Tak, na pewno"
    stale.save()

    assert votes(poll, "Tak, na pewno") == 13


def test_closing_before_opening_is_refused(poll):
    from django.core.exceptions import ValidationError

    poll.opens_at = timezone.now()
    poll.closes_at = poll.opens_at - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        poll.full_clean()
    assert "closes_at" in error.value.message_dict


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (concurrent writers); `make pytest` runs it on PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_votes_are_all_counted(locales):
    poll = PollFactory(choices=[("Tak", 0), ("Nie", 0)])
    yes = choice(poll, "Tak")
    start = threading.Barrier(20)
    statuses = []

    def vote(number):
        browser = Client(REMOTE_ADDR=f"10.0.0.{number}")
        start.wait()
        statuses.append(browser.post(vote_url(poll), {"choice": yes.pk}).status_code)
        connection.close()

    threads = [threading.Thread(target=vote, args=(number,)) for number in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [303] * 20
    assert votes(poll, "Tak") == 20
