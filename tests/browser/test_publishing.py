"""An editor publishes a page in the real Wagtail admin and a visitor sees it."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from portal.core.models import StandardPage

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser(
        username="redaktor", email="redaktor@example.org", password="haslo-redaktora-2026"
    )


def test_editor_creates_and_publishes_a_standard_page(page, live_server, home, editor):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "haslo-redaktora-2026")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"{live_server.url}/admin/pages/add/core/standardpage/{home.pk}/")
    page.fill("#id_title", "Spotkania informacyjne")
    page.fill("#id_intro", "Zapraszamy przedstawicieli WTZ i samorządów.")
    page.click("button.w-dropdown__toggle--icon, [data-w-dropdown-target='toggle']")
    page.get_by_role("button", name=re.compile("Opublikuj|Publish")).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("opublikowana|published"))

    published = StandardPage.objects.get(title="Spotkania informacyjne")
    assert published.live

    response = page.goto(live_server.url + published.url)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Spotkania informacyjne")
    expect(page.locator("main")).to_contain_text("Zapraszamy przedstawicieli WTZ")
    assert_accessible(page)


def test_home_standard_page_and_404_pass_axe(page, visit, home, standard_page):
    visit(page, "/pl/")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    visit(page, standard_page.url)
    visit(page, "/pl/nie-ma-takiej-strony/", expect_status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Nie znaleziono strony")


def test_skip_link_moves_focus_to_main_content(page, visit, home):
    visit(page, "/pl/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Przejdź do treści")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))


def test_site_works_on_a_320px_phone(browser, live_server, home, standard_page):
    context = browser.new_context(locale="pl-PL", viewport={"width": 320, "height": 640})
    phone = context.new_page()
    phone.goto(live_server.url + "/pl/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"page scrolls sideways: {width}px"
    toggle = phone.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(phone.get_by_role("link", name="O projekcie")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    phone.get_by_role("link", name="O projekcie").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("O projekcie")
    assert_accessible(phone)
    context.close()
