"""Switching language in a real browser: the counterpart each way, the same sub-view, an
explanation where there is no translation; English pages pass axe.

One test builds the site once and checks each behaviour in a subtest of its own (a failure
names the behaviour): building the zones and the model's steps in two languages and
resetting the database after a live-server test cost more than the page loads, so the
module pays them once."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import StandardPageFactory

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def switch_to(page, language):
    page.get_by_role("navigation", name=re.compile("Język|Language")).get_by_role(
        "link", name=re.compile(f"^{language}")
    ).click()


def test_languages_in_a_browser(site, zones, handbook, about, behaviours):
    """The behaviours below, one subtest each, on one site."""
    StandardPageFactory(parent=site, title="Tylko po polsku", slug="tylko-po-polsku")
    behaviours(
        visitor_switches_a_zone_page_to_english_and_back,
        the_switcher_explains_a_page_without_translation,
        an_unsupported_language_gets_the_polish_not_found_page,
    )


def visitor_switches_a_zone_page_to_english_and_back(page, visit):
    """A zone page and its sub-view to English and back, and a step of the model."""
    visit(page, "/pl/strefa-wtz/")
    switch_to(page, "English")
    expect(page).to_have_url(re.compile("/en/wtz-zone/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)
    page.get_by_role("navigation", name="In this zone").get_by_role(
        "link", name="Resources"
    ).click()
    expect(page).to_have_url(re.compile("/en/wtz-zone/resources/$"))
    assert_accessible(page)
    switch_to(page, "Polski")
    expect(page).to_have_url(re.compile("/pl/strefa-wtz/materialy/$"))
    page.get_by_role("navigation", name="W tej strefie").get_by_role(
        "link", name="Przegląd"
    ).click()
    switch_to(page, "English")
    switch_to(page, "Polski")
    expect(page).to_have_url(re.compile("/pl/strefa-wtz/$"))
    expect(page.locator("html")).to_have_attribute("lang", "pl")

    visit(page, "/pl/model/krok-7/")
    switch_to(page, "English")
    expect(page).to_have_url(re.compile("/en/model/step-7/$"))
    assert_accessible(page)


def the_switcher_explains_a_page_without_translation(page, visit):
    """A page with no English version: the switcher says so and the home page explains."""
    visit(page, "/pl/tylko-po-polsku/")
    link = page.get_by_role("link", name=re.compile("^English"))
    expect(link).to_contain_text("strona główna; ta strona nie ma tłumaczenia")
    link.click()
    expect(page).to_have_url(re.compile(r"/en/\?untranslated=1$"))
    expect(page.locator("main").get_by_role("status")).to_contain_text(
        "is not available in English"
    )
    assert_accessible(page)


def an_unsupported_language_gets_the_polish_not_found_page(page, visit):
    """/de/… is not found, in Polish."""
    visit(page, "/de/o-projekcie/", expect_status=404)
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nie znaleziono strony")
