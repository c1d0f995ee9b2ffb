"""The frame of every page in a real browser: header, menu, footer and language switcher in
both languages, the skip link, the phone menu; axe on each page type.

One test builds the site once and checks each behaviour in a subtest of its own (a failure
names the behaviour): building the site and resetting the database after a live-server test
cost more than the page loads, so the module pays them once."""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Site

from portal.core.models import Partner, ProjectSettings
from tests.factories import EasyReadPageFactory, PartnershipPageFactory

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_frame_in_a_browser(about, behaviours):
    """The behaviours below, one subtest each, on one site: a desktop tab and a phone's."""
    behaviours(
        site_pages_pass_axe_in_both_languages,
        visitor_switches_language_on_the_same_page,
        skip_link_moves_focus_to_main_content,
        menu_button_is_only_shown_on_small_screens,
        site_works_on_a_320px_phone,
        long_words_and_the_larger_reader_text_fit_a_320px_phone,
    )


SITE_PAGES = [
    ("/pl/", 200, "pl"),
    ("/en/", 200, "en"),
    ("/pl/o-projekcie/", 200, "pl"),
    ("/en/about-the-project/", 200, "en"),
    ("/pl/deklaracja-dostepnosci/", 200, "pl"),
    ("/en/accessibility-statement/", 200, "en"),
    ("/pl/nie-ma-takiej-strony/", 404, "pl"),
    ("/en/no-such-page/", 404, "en"),
]


def site_pages_pass_axe_in_both_languages(page, visit):
    """Each page of the frame, and the not-found page, in its language, with the footer."""
    for path, status, lang in SITE_PAGES:
        visit(page, path, expect_status=status)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("footer")).to_contain_text("ul. Chłapowskiego 15/1")


def visitor_switches_language_on_the_same_page(page, visit):
    """The switcher leads to the same page in the other language and back."""
    visit(page, "/pl/o-projekcie/")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile("/en/about-the-project/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("About the project")
    assert_accessible(page)
    page.get_by_role("link", name="Polski").click()
    expect(page).to_have_url(re.compile("/pl/o-projekcie/$"))


def skip_link_moves_focus_to_main_content(page, visit):
    """The first Tab reaches the skip link, which moves to the main content."""
    visit(page, "/pl/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Przejdź do treści")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))


def site_works_on_a_320px_phone(phone, visit):
    """At 320 px, no sideways scroll and a menu behind its button, closed by Escape."""
    visit(phone, "/pl/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"page scrolls sideways: {width}px"
    toggle = phone.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(phone.get_by_role("link", name="O projekcie")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    phone.get_by_role("link", name="O projekcie").focus()
    phone.keyboard.press("Escape")  # closes the menu and returns to its button
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(phone.get_by_role("link", name="O projekcie")).to_be_hidden()
    toggle.click()
    phone.get_by_role("link", name="O projekcie").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("O projekcie")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(phone)


def menu_button_is_only_shown_on_small_screens(page, visit):
    """On a desktop screen the menu is open and has no button."""
    visit(page, "/pl/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="O projekcie")).to_be_visible()


def long_words_and_the_larger_reader_text_fit_a_320px_phone(phone, visit, about):
    """Nothing scrolls sideways at 320 px: a long word beside an easy-to-read pictogram, and
    with the reader's larger text the header's search, the footer's columns and a partner's
    web address (each was wider than the screen)."""
    easy = EasyReadPageFactory(
        parent=about.get_parent(),
        body=[("line", {"text": "Dla osób z niepełnosprawnością.", "pictogram": "people"})],
    )
    partners = PartnershipPageFactory(parent=about)
    office = ProjectSettings.for_site(Site.objects.get(is_default_site=True))
    office.partners = [
        Partner(name="Lider", role=Partner.Role.LEADER, website="https://www.spoldzielnie.org")
    ]
    office.save()
    visit(phone, easy.url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    phone.goto(phone.url.split("/pl/")[0] + "/reader-options/?text=2&next=/pl/")
    for page in (easy, about, partners):
        visit(phone, page.url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{page.url} scrolls sideways with the larger text: {width}px"
