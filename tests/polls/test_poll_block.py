"""The poll block on a page: the form in the page's language, then the results as text."""

import datetime

import pytest
from pytest_django.asserts import assertInHTML

from django.core.cache import cache
from django.utils import timezone

from portal.polls.models import Poll, percent
from tests.factories import PollFactory, StandardPageFactory
from tests.html import one, select, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def poll_section(response):
    return one(response, "section.poll")


def test_the_block_shows_the_form_in_each_language(client, poll, poll_en, poll_page, poll_page_en):
    polish = poll_section(client.get(poll_page.url))
    english = poll_section(client.get(poll_page_en.url))

    assert (
        text_of(one(polish, "legend.poll__question"))
        == "Czy planujesz założyć spółdzielnię socjalną?"
    )
    assert one(polish, "form")["action"] == f"/pl/sonda/{poll.pk}/"
    assert one(polish, 'form input[name="csrfmiddlewaretoken"]')["value"]
    assert text_of(one(polish, f'label[for="poll-{poll.pk}-choice_0"]')) == "Tak"
    assert (
        text_of(one(english, "legend.poll__question"))
        == "Are you planning to found a social cooperative?"
    )
    assert one(english, "form")["action"] == f"/en/sonda/{poll_en.pk}/"
    assert text_of(one(english, f'label[for="poll-{poll_en.pk}-choice_1"]')) == "No"
    assert one(english, 'form input[name="next"]')["value"] == "/en/poll-page/"


def test_after_voting_the_page_shows_counts_and_percentages_in_text(client, poll_en, poll_page_en):
    client.post(
        f"/en/sonda/{poll_en.pk}/",
        {"choice": poll_en.choices.get(label="Yes").pk, "next": poll_page_en.url},
    )

    section = poll_section(client.get(poll_page_en.url))
    shown = text_of(section)

    assert not select(section, "form")
    assert "Thank you for voting. Your answer: Yes." in shown
    assert "Yes — 13 votes (42%)" in shown  # 13 of 31, counted on the Polish tally
    assert "No — 18 votes (58%)" in shown
    assert "31 votes in total" in shown
    assertInHTML('<rect class="poll__bar-fill" width="42%" height="100%"/>', str(section))


def test_the_polish_page_reads_the_same_tally_after_an_english_vote(
    client, poll, poll_en, poll_page, poll_page_en
):
    client.post(f"/en/sonda/{poll_en.pk}/", {"choice": poll_en.choices.get(label="No").pk})

    section = poll_section(client.get(poll_page.url))
    shown = text_of(section)

    assert not select(section, "form")
    assert "Nie — 19 " in shown and "(61%)" in shown
    assert "Tak — 12 " in shown and "(39%)" in shown


def test_a_closed_poll_shows_its_results_and_no_form(client, poll, poll_page):
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - datetime.timedelta(days=1))

    section = poll_section(client.get(poll_page.url))
    shown = text_of(section)

    assert not select(section, "form")
    assert "Tak — 12 " in shown and "(40%)" in shown
    assert "Nie — 18 " in shown and "(60%)" in shown


def test_a_poll_not_open_yet_says_when_it_opens_and_has_no_form(client, poll, poll_page):
    opens = timezone.make_aware(datetime.datetime(2099, 3, 1, 12, 0))
    Poll.objects.filter(pk=poll.pk).update(opens_at=opens)

    section = poll_section(client.get(poll_page.url))
    shown = text_of(section)

    assert not select(section, "form")
    assert "1 marca 2099, 12:00" in shown
    assert "Tak —" not in shown


def test_a_poll_with_one_vote_shows_100_and_0_per_cent(client, home):
    poll = PollFactory(question="Pytanie?", choices=[("A", 1), ("B", 0)])
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now())
    page = StandardPageFactory(parent=home, body=[("poll", {"poll": poll, "heading": "Sonda"})])

    shown = text_of(poll_section(client.get(page.url)))

    assert "A — 1 " in shown and "(100%)" in shown
    assert "B — 0 " in shown and "(0%)" in shown


def test_vote_counts_read_in_english():
    from django.utils import translation

    from portal.polls.models import ChoiceResult, PollResults

    with translation.override("en"):
        assert ChoiceResult(None, 1, 100).votes_text == "1 vote"
        assert ChoiceResult(None, 5, 50).votes_text == "5 votes"
        assert PollResults(rows=[], total=1).total_text == "1 vote in total"
        assert PollResults(rows=[], total=855).total_text == "855 votes in total"


def test_percentages_are_whole_and_round_halves_up():
    assert percent(0, 0) == 0
    assert percent(1, 3) == 33
    assert percent(2, 3) == 67
    assert percent(1, 8) == 13  # 12.5
    assert percent(12, 30) == 40


def test_a_deleted_poll_leaves_the_page_working(client, poll, poll_page):
    poll.delete()

    response = client.get(poll_page.url)

    assert response.status_code == 200
    assert not select(response, "section.poll")


def test_results_cost_a_fixed_number_of_queries(poll_en, django_assert_num_queries):
    poll = Poll.objects.get(pk=poll_en.pk)
    cache.clear()  # the default locale is looked up once, then kept in the cache
    with django_assert_num_queries(4):  # answers, default locale, source poll, its counts
        poll.results()
    poll = Poll.objects.get(pk=poll_en.pk)
    source = poll.source_poll
    source.choices.create(label="Może", locale=source.locale)
    poll = Poll.objects.get(pk=poll_en.pk)
    cache.clear()
    with django_assert_num_queries(4):
        poll.results()
