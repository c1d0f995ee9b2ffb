"""The model in a real browser: walk the twelve steps with the navigator, every page type
of the model passes axe in both languages, and the comparison table on a phone. Switching
language on the same site: the counterpart each way (a zone page, its sub-view, a step of the
model), an explanation where there is no translation; English pages pass axe.

One test builds the model once and checks each behaviour in a subtest of its own (a failure
names the behaviour): building the twelve steps in two languages and resetting the database
after a live-server test cost more than the page loads, so the module pays them once."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    StandardPageFactory,
    SubModelIndexPageFactory,
    SubModelPageFactory,
    SuccessStoryIndexPageFactory,
    SuccessStoryPageFactory,
    translate,
)

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def model_pages(handbook, zones):
    """Below the model: five sub-models compared, a standard page, and a success story of
    the WTZ zone, each page type also in English."""
    index = SubModelIndexPageFactory(parent=handbook)
    translate(index, title="Sub-models", slug="sub-models")
    first, *_ = [
        SubModelPageFactory(parent=index, title=title, slug=slug)
        for title, slug in [
            ("Manufaktura spółdzielcza", "manufaktura-spoldzielcza"),
            ("Spółdzielnia gminna", "spoldzielnia-gminna"),
            ("Spółdzielnia z firmą", "spoldzielnia-z-firma"),
            ("Spółdzielnia organizacji", "spoldzielnia-organizacji"),
            ("Spółdzielnia powiatowa", "spoldzielnia-powiatowa"),
        ]
    ]
    translate(first, title="Cooperative manufactory", slug="cooperative-manufactory")
    StandardPageFactory(
        parent=handbook, title="Innowacyjność i ewaluacja", slug="innowacyjnosc-i-ewaluacja"
    )
    stories = SuccessStoryIndexPageFactory(parent=handbook)
    translate(stories, title="Success stories", slug="success-stories")
    story = SuccessStoryPageFactory(
        parent=stories, title="Chleb z Zielonej Doliny", slug="chleb-z-zielonej-doliny",
        quote="Pracujemy razem.", quote_by="Prezeska spółdzielni", zones=[zones["wtz"]],
    )  # fmt: skip
    translate(story, title="Bread from the Green Valley", slug="bread-from-the-green-valley")
    return handbook


def test_the_model_and_the_language_switcher_in_a_browser(model_pages, about, behaviours):
    """The behaviours below, one subtest each, on one site with the model and four zones: a
    desktop tab and a phone's."""
    behaviours(
        visitor_walks_the_twelve_steps_with_the_navigator,
        the_models_pages_pass_axe_in_both_languages,
        the_comparison_table_scrolls_on_a_phone_and_is_reachable_by_keyboard,
        visitor_switches_a_zone_page_to_english_and_back,
        the_switcher_explains_a_page_without_translation,
        an_unsupported_language_gets_the_polish_not_found_page,
    )


def visitor_walks_the_twelve_steps_with_the_navigator(page, visit, live_server):
    """From the menu to step 1, along "next" to step 12 and back, then to the printable
    page of all steps at the one the visitor was on."""
    visit(page, "/pl/")
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Model").click()
    expect(page.locator("h1")).to_have_text("Model")
    page.locator(".step-list").get_by_role("link", name="Krok 1 na osobnej stronie").click()
    assert_accessible(page)
    for number in range(1, 12):
        expect(page.locator(".step__position")).to_have_text(f"Krok {number} z 12")
        expect(page.locator("a[rel=prev]")).to_have_count(0 if number == 1 else 1)
        page.locator("a[rel=next]").click()
    expect(page.locator(".step__position")).to_have_text("Krok 12 z 12")
    expect(page.locator("a[rel=next]")).to_have_count(0)
    expect(page).to_have_url(f"{live_server.url}/pl/model/krok-12/")
    assert_accessible(page)
    page.locator("a[rel=prev]").click()
    expect(page.locator(".step__position")).to_have_text("Krok 11 z 12")
    page.get_by_role("link", name="Wszystkie kroki na jednej stronie (do druku)").click()
    expect(page.locator("#step-11")).to_be_in_viewport()


def the_models_pages_pass_axe_in_both_languages(page, visit):
    """Each page type below the model, in Polish and English (the Polish step page passed
    axe on the walk above, steps 1 and 12)."""
    for path in [
        "/pl/model/",
        "/pl/model/podmodele/",
        "/pl/model/podmodele/manufaktura-spoldzielcza/",
        "/pl/model/innowacyjnosc-i-ewaluacja/",
        "/pl/model/nasze-sukcesy/",
        "/pl/model/nasze-sukcesy/chleb-z-zielonej-doliny/",
        "/pl/strefa-wtz/sukcesy/",
        "/en/model/",
        "/en/model/step-5/",
        "/en/model/sub-models/",
        "/en/model/sub-models/cooperative-manufactory/",
        "/en/model/success-stories/bread-from-the-green-valley/",
    ]:
        visit(page, path)


def the_comparison_table_scrolls_on_a_phone_and_is_reachable_by_keyboard(phone, visit):
    """At 320 px the sub-models' table scrolls in its own focusable region, not the page;
    the other wide page types do not scroll sideways either."""
    visit(phone, "/pl/model/podmodele/")
    region = phone.get_by_role("region", name="Porównanie podmodeli")
    region.focus()
    expect(region).to_be_focused()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    for path in [
        "/pl/model/podmodele/manufaktura-spoldzielcza/",
        "/en/model/success-stories/bread-from-the-green-valley/",
        "/pl/strefa-wspolpracy-miedzynarodowej/",
        "/pl/model/krok-9/",
    ]:
        phone.goto(phone.url.split("/pl/")[0] + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} scrolls sideways: {width}px"


def switch_to(page, language):
    page.get_by_role("navigation", name=re.compile("Język|Language")).get_by_role(
        "link", name=re.compile(f"^{language}")
    ).click()


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


def the_switcher_explains_a_page_without_translation(page, visit, site):
    """A page with no English version: the switcher says so and the home page explains."""
    StandardPageFactory(parent=site, title="Tylko po polsku", slug="tylko-po-polsku")
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
