"""Polls in the admin: the listing shows each poll's status and its votes."""

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation

from portal.polls.models import Poll
from tests.factories import PollFactory
from tests.html import texts

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/polls/poll/"


@pytest.fixture
def superuser_client(client, locales):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


def test_listing_shows_status_and_votes_of_both_languages(superuser_client, poll, poll_en):
    response = superuser_client.get(LISTING)

    assert response.status_code == 200
    assert "Czy planujesz założyć spółdzielnię socjalną?" in response.content.decode()
    cells = texts(response, "tbody td")
    assert cells.count("30") == 2  # the English poll shows the Polish tally
    with translation.override("pl"):  # the admin's language for a user who chose none
        assert cells.count(str(Poll.Status.OPEN.label)) == 2


def test_listing_totals_are_the_polish_tally(poll, poll_en):
    totals = dict(
        Poll.objects.with_total_votes().values_list("locale__language_code", "total_votes")
    )
    assert totals == {"pl": 30, "en": 30}


def test_listing_columns_cost_a_fixed_number_of_queries(poll, poll_en, django_assert_num_queries):
    """Status and votes come with the listing's query. (wagtail-localize's "Translate"
    button adds its own two queries per row to every translatable snippet listing.)"""

    def columns():
        return [(p.get_status_display(), p.total_votes) for p in Poll.objects.with_total_votes()]

    cache.clear()  # the default locale is looked up once, then kept in the cache
    with django_assert_num_queries(2):  # the default locale, the polls with their totals
        assert len(columns()) == 2
    PollFactory(question="Drugie pytanie?", choices=[("A", 3), ("B", 4)])
    cache.clear()
    with django_assert_num_queries(2):
        assert len(columns()) == 3


def test_a_poll_saved_with_errors_says_so_in_polish_that_fits_its_gender(superuser_client, poll):
    response = superuser_client.post(
        f"/admin/snippets/polls/poll/edit/{poll.pk}/", poll_form(["Tak", "Nie"], question="")
    )

    assert response.status_code == 200
    assert texts(response, ".messages .error")[0].startswith(
        "Nie można zapisać (sonda): formularz ma błędy."
    )


def test_deleting_a_poll_asks_in_polish_that_fits_its_gender(superuser_client, poll):
    """Not Wagtail's "Czy na pewno chcesz usunąć ten sonda?"."""
    response = superuser_client.get(f"/admin/snippets/polls/poll/delete/{poll.pk}/")

    assert "Czy na pewno usunąć (sonda)?" in texts(response, "main p")


def test_listing_exports_csv(superuser_client, poll):
    response = superuser_client.get(LISTING + "?export=csv")

    assert response.status_code == 200
    assert "30" in b"".join(response.streaming_content).decode()


def add_poll(client, answers):
    return client.post("/admin/snippets/polls/poll/add/?locale=pl", poll_form(answers))


def poll_form(answers, question="Jedno pytanie?"):
    data = {
        "question": question,
        "opens_at": "",
        "closes_at": "",
        "choices-TOTAL_FORMS": str(len(answers)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "2",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index, label in enumerate(answers):
        data |= {
            f"choices-{index}-label": label,
            f"choices-{index}-ORDER": str(index + 1),
            f"choices-{index}-id": "",
            f"choices-{index}-DELETE": "",
        }
    return data


def test_a_poll_needs_at_least_two_answers(superuser_client):
    response = add_poll(superuser_client, ["Tak"])

    assert response.status_code == 200  # the form again, with the error
    # Wagtail's Polish ("%(model_name)s nie mógł zostać utworzony") is masculine; a poll,
    # "sonda", is not.
    assert texts(response, ".messages .error")[0].startswith(
        "Nie można utworzyć (sonda): formularz ma błędy."
    )
    assert not Poll.objects.exists()

    response = add_poll(superuser_client, ["Tak", "Nie"])

    assert response.status_code == 302
    poll = Poll.objects.get()
    assert list(poll.choices.values_list("label", "votes", "locale__language_code")) == [
        ("Tak", 0, "pl"),
        ("Nie", 0, "pl"),
    ]
