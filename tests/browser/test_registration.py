"""Registering for a meeting with the keyboard only, in a real browser, with axe on the
empty form, the form with errors and the confirmation."""

import re

import pytest
from playwright.sync_api import expect

from portal.events.registrations import Registration
from tests.factories import EventIndexPageFactory, EventPageFactory, warsaw

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, selector, limit=200):
    """Press Tab until `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} cannot be reached with the Tab key")


def test_keyboard_user_corrects_an_error_and_registers(page, visit, home):
    index = EventIndexPageFactory(parent=home)
    meeting = EventPageFactory(
        parent=index,
        title="Spotkanie w Kaliszu",
        capacity=20,
        registration_opens=warsaw(days=-3),
        registration_closes=warsaw(days=5),
    )
    visit(page, meeting.url)  # axe on the empty form

    tab_to(page, "#id_name")
    page.keyboard.type("Anna Nowak")
    tab_to(page, "#id_email")
    page.keyboard.type("anna-at-example.org")
    tab_to(page, "#id_institution")
    page.keyboard.type("WTZ w Kaliszu")
    tab_to(page, "#id_institution_type")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_needs_easy_read")
    page.keyboard.press("Space")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#id_email-error")).to_contain_text("Wprowadź poprawny adres email.")
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_institution")).to_have_value("WTZ w Kaliszu")  # nothing lost
    expect(page.locator("#id_needs_easy_read")).to_be_checked()
    assert_accessible(page)  # axe on the form with errors

    tab_to(page, "#id_email")
    page.keyboard.press("Control+A")
    page.keyboard.type("anna@example.org")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/zapisano/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jesteś zapisany/zapisana")
    expect(page.locator("main")).to_contain_text("anna@example.org")
    assert_accessible(page)  # axe on the confirmation
    registration = Registration.objects.get()
    assert registration.status == "confirmed"
    assert registration.needs_easy_read
    assert registration.institution_type == "wtz"
