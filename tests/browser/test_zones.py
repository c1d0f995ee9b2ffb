"""Zones in a real browser: a zone editor's change reaches the site through moderation,
and the zone pages pass axe."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from zones.models import ZonePage

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "haslo-testowe-2026"


@pytest.fixture
def accounts(demo_site):
    """The demo's zone editor for Strefa WTZ and its moderator, with a known password."""
    users = get_user_model().objects.filter(username__in=["redakcja-wtz", "moderacja"])
    for user in users:
        user.set_password(PASSWORD)
        user.save()
    return {user.username: user for user in users}


def log_in(browser_page, live_server, username):
    browser_page.goto(f"{live_server.url}/admin/login/")
    browser_page.fill("#id_username", username)
    browser_page.fill("#id_password", PASSWORD)
    browser_page.click("button[type=submit]")
    expect(browser_page).to_have_url(re.compile(r"/admin/$"))


def test_zone_editors_change_is_published_after_moderator_approval(
    browser, page, live_server, accounts
):
    zone_page = ZonePage.objects.get(locale__language_code="pl", zone__slug="wtz")
    edit_url = f"{live_server.url}/admin/pages/{zone_page.pk}/edit/"

    log_in(page, live_server, "redakcja-wtz")
    page.goto(edit_url)
    page.fill("#id_intro", "Zapraszamy kadrę WTZ na spotkania o spółdzielniach.")
    page.click("footer [data-w-dropdown-target='toggle']")
    page.click("button[name='action-submit']")
    expect(page.locator(".messages")).to_contain_text("przekazana do przeglądu")

    page.goto(live_server.url + zone_page.url)
    expect(page.locator("main")).not_to_contain_text("Zapraszamy kadrę WTZ")

    moderator = browser.new_context(locale="pl-PL").new_page()
    log_in(moderator, live_server, "moderacja")
    moderator.goto(edit_url)
    moderator.click("footer [data-w-dropdown-target='toggle']")
    moderator.get_by_role("button", name="Akceptuj i Opublikuj").click()
    expect(moderator.locator(".messages")).to_contain_text("Strefa WTZ")
    moderator.context.close()

    page.goto(live_server.url + zone_page.url)
    expect(page.locator("main")).to_contain_text(
        "Zapraszamy kadrę WTZ na spotkania o spółdzielniach."
    )
    assert_accessible(page)


def test_zone_pages_and_resources_pass_axe(page, visit, demo_site):
    for path in [
        "/pl/strefa-wtz/",
        "/pl/strefa-wtz/materialy/",
        "/en/wtz-zone/",
        "/en/wtz-zone/resources/",
    ]:
        visit(page, path)
        expect(page.locator(".zone-nav [aria-current=page]")).to_be_visible()


def test_faq_answer_opens_by_keyboard_and_passes_axe(page, visit, demo_site):
    visit(page, "/pl/strefa-samorzadow/")
    question = page.locator("summary", has_text="Czy samorząd może być członkiem")
    answer = page.locator(".faq__answer").first
    expect(answer).to_be_hidden()
    question.focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("osoby prawne")
    assert_accessible(page)


def test_visitor_reaches_a_zone_from_the_menu_in_two_clicks(page, visit, demo_site):
    visit(page, "/pl/o-projekcie/")
    zones = page.locator(".main-nav summary", has_text="Strefy")
    zones.click()
    expect(page.get_by_role("link", name="Strefa Biznesu")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Strefa Biznesu")).to_be_hidden()
    expect(zones).to_be_focused()
    zones.click()
    page.get_by_role("link", name="Strefa Biznesu").click()
    expect(page).to_have_url(re.compile("/pl/strefa-biznesu/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Strefa Biznesu")


def test_visitor_filters_resources_by_kind(page, visit, demo_site):
    visit(page, "/pl/strefa-wtz/materialy/")
    page.select_option("#id_kind", "template")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(re.compile(r"kind=template"))
    expect(page.locator(".resource")).to_have_count(1)
    expect(page.locator("#id_kind")).to_have_value("template")
    assert_accessible(page)
