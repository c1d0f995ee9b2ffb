"""Voting in a poll in a real browser: axe on the form and on the results, and no second
vote from the same browser."""

import re

import pytest
from playwright.sync_api import expect

from portal.polls.models import PollChoice
from tests.factories import PollFactory, StandardPageFactory

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_votes_and_sees_the_results_in_text(page, visit, home):
    poll = PollFactory(choices=[("Tak", 12), ("Nie", 18)])
    article = StandardPageFactory(
        parent=home, title="Sonda", slug="sonda", body=[("poll", {"poll": poll, "heading": ""})]
    )
    visit(page, article.url)  # axe on the form
    second_tab = page.context.new_page()
    second_tab.goto(page.url)

    section = page.locator(f"#poll-{poll.pk}")
    expect(section.get_by_role("group", name=poll.question)).to_be_visible()
    section.get_by_label("Tak").check()
    section.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"{article.url}#poll-{poll.pk}$"))
    expect(section.locator("form")).to_have_count(0)
    expect(section.locator(".poll__thanks")).to_contain_text("Tak")
    results = section.locator(".poll__result-text")
    expect(results.nth(0)).to_contain_text(re.compile(r"^Tak — 13 .*\(42%\)$"))
    expect(results.nth(1)).to_contain_text(re.compile(r"^Nie — 18 .*\(58%\)$"))
    expect(section.locator(".poll__total")).to_contain_text("31")
    assert_accessible(page)  # axe on the results
    assert PollChoice.objects.get(poll=poll, label="Tak").votes == 13

    page.reload()  # the same browser: still the results, no form to vote again
    expect(section.locator(".poll__result-text").first).to_be_visible()
    expect(section.locator("form")).to_have_count(0)

    # The form still open in another tab of the same browser: the vote is refused.
    second_tab.get_by_label("Nie").check()
    with second_tab.expect_response(re.compile(rf"/sonda/{poll.pk}/$")) as answer:
        second_tab.locator(f"#poll-{poll.pk} button[type=submit]").click()
    assert answer.value.status == 409
    expect(second_tab.locator(".notice--warning")).to_be_visible()
    expect(second_tab.locator(".poll__result-text").first).to_be_visible()
    assert_accessible(second_tab)  # axe on the refusal
    assert PollChoice.objects.get(poll=poll, label="Nie").votes == 18
