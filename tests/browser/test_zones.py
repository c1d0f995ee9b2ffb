"""Zones in a real browser: the menu's zone list, the zone pages and their resources with
the zone's own navigation, a question answered by keyboard, the resources filtered; axe
on each. (A zone editor's change going live after moderation is tested through Wagtail's
admin views in tests/zones/test_zone_moderation_flow.py.)

One test builds the zones once and checks each behaviour in a subtest of its own (a failure
names the behaviour): building four zones in two languages and resetting the database after
a live-server test cost more than the page loads, so the module pays them once."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import DocumentFactory

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def resources(zones):
    """The WTZ zone's resources: two guides and a template."""
    for title, kind in [("Poradnik", "guide"), ("Statut", "template"), ("Krok po kroku", "guide")]:
        DocumentFactory(title=title, kind=kind, zones=[zones["wtz"]])
    return zones


@pytest.fixture
def faq(zones):
    """The local government zone's questions and answers."""
    page = zones["samorzady"].pages.get(locale__language_code="pl")
    page.faq = [
        (
            "question",
            {
                "question": "Czy samorząd może być członkiem spółdzielni socjalnej?",
                "answer": "<p>Tak, spółdzielnię socjalną mogą założyć osoby prawne.</p>",
            },
        )
    ]
    page.save_revision().publish()
    return page


def test_zones_in_a_browser(about, resources, faq, behaviours):
    """The behaviours below, one subtest each, on one site with four zones."""
    behaviours(
        zone_pages_and_resources_pass_axe,
        faq_answer_opens_by_keyboard_and_passes_axe,
        visitor_reaches_a_zone_from_the_menu_in_two_clicks,
        visitor_filters_resources_by_kind,
    )


def zone_pages_and_resources_pass_axe(page, visit):
    """A zone page and its resources in both languages, each marked in the zone's own menu."""
    for path in [
        "/pl/strefa-wtz/",
        "/pl/strefa-wtz/materialy/",
        "/en/wtz-zone/",
        "/en/wtz-zone/resources/",
    ]:
        visit(page, path)
        expect(page.locator(".zone-nav [aria-current=page]")).to_be_visible()


def faq_answer_opens_by_keyboard_and_passes_axe(page, visit):
    """A question's answer opens with Enter."""
    visit(page, "/pl/strefa-samorzadow/")
    question = page.locator("summary", has_text="Czy samorząd może być członkiem")
    answer = page.locator(".faq__answer").first
    expect(answer).to_be_hidden()
    question.focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("osoby prawne")
    assert_accessible(page)


def visitor_reaches_a_zone_from_the_menu_in_two_clicks(page, visit):
    """The menu's "Strefy" opens (its chevron turned), closes by Escape, and leads to a zone."""
    visit(page, "/pl/o-projekcie/")
    zones = page.locator(".main-nav summary", has_text="Strefy")
    chevron = zones.locator("svg.main-nav__chevron")
    expect(zones).to_have_attribute("aria-expanded", "false")
    closed_turn = chevron.evaluate("icon => getComputedStyle(icon).transform")
    zones.click()
    expect(page.get_by_role("link", name="Strefa Biznesu")).to_be_visible()
    expect(zones).to_have_attribute("aria-expanded", "true")
    # The chevron turns over while open (a rotation of 180° is the matrix -1, 0, 0, -1).
    expect(chevron).to_have_css("transform", re.compile(r"^matrix\(-1, "))
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Strefa Biznesu")).to_be_hidden()
    expect(zones).to_have_attribute("aria-expanded", "false")
    expect(chevron).to_have_css("transform", closed_turn)
    expect(zones).to_be_focused()
    zones.click()
    page.get_by_role("link", name="Strefa Biznesu").click()
    expect(page).to_have_url(re.compile("/pl/strefa-biznesu/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Strefa Biznesu")


def visitor_filters_resources_by_kind(page, visit):
    """The resources filtered to templates: one, and the filter keeps its choice."""
    visit(page, "/pl/strefa-wtz/materialy/")
    page.select_option("#id_kind", "template")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(re.compile(r"kind=template"))
    expect(page.locator(".resource")).to_have_count(1)
    expect(page.locator("#id_kind")).to_have_value("template")
    assert_accessible(page)
