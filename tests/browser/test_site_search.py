"""The search box in the header, in a real browser: suggestions appear as one types, the
arrow keys move through them and Enter opens one; Enter on the box itself lands on the
results page. axe-core checks the page with the suggestions open and the results page."""

import re

import pytest
from playwright.sync_api import expect

from portal.search.entries import rebuild
from tests.factories import NewsIndexPageFactory, NewsPageFactory

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_types_in_the_header_uses_the_keyboard_and_lands_on_results(page, visit, site):
    index = NewsIndexPageFactory(parent=site)
    for title in ["Źródła finansowania spółdzielni", "Źródła wiedzy o WTZ"]:
        NewsPageFactory(parent=index, title=title, lead="Krótko o źródłach.")
    rebuild()
    visit(page, "/pl/")
    box = page.get_by_role("combobox", name="Szukaj w serwisie")
    box.press_sequentially("zrodla")
    suggestions = page.get_by_role("listbox")
    options = suggestions.get_by_role("option")
    expect(options).to_have_count(2)
    expect(page.locator(".site-search [role=status]")).to_have_text("2 wyniki")
    assert_accessible(page)  # with the suggestions open

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press("Enter")  # no suggestion chosen: the plain form is sent
    expect(page).to_have_url(re.compile(r"/pl/szukaj/\?q=zrodla$"))
    expect(page.locator(".search-result__title a")).to_have_count(2)
    assert_accessible(page)

    box = page.get_by_role("combobox", name="Szukaj w serwisie")
    suggestions = page.locator(".site-search").get_by_role("listbox")
    box.press_sequentially("finansowania")
    expect(suggestions.get_by_role("option")).to_have_count(1)
    box.press("ArrowDown")
    box.press("Enter")  # the chosen suggestion opens
    expect(page.get_by_role("heading", level=1)).to_have_text("Źródła finansowania spółdzielni")
