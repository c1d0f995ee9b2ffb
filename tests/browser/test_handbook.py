"""The model in a real browser: walk the twelve steps with the navigator, and every page
type of the model passes axe in both languages."""

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


def test_visitor_walks_the_twelve_steps_with_the_navigator(page, visit, live_server, handbook):
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


def test_the_models_pages_pass_axe_in_both_languages(page, visit, model_pages):
    for path in [
        "/pl/model/",
        "/pl/model/krok-5/",
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


def test_the_comparison_table_scrolls_on_a_phone_and_is_reachable_by_keyboard(
    phone, visit, model_pages
):
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
