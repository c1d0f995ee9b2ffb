"""The model's twelve steps: one printable page, one address per step, a navigator."""

import pytest
from pytest_django.asserts import assertInHTML

from django.utils import translation

from portal.handbook.models import HandbookPage, HandbookStep
from tests.factories import ZoneFactory, ZonePageFactory
from tests.html import links, one, parse, select, switcher_href, text_of, texts

pytestmark = pytest.mark.django_db


def step_titles(html):
    """(number, title) of each step on the model page, as its anchor and heading say."""
    return [
        (step["id"].removeprefix("step-"), step.h3.contents[-1].strip())
        for step in select(html, "ol.step-list > li.step")
    ]


@pytest.mark.smoke
def test_the_model_page_shows_all_twelve_steps_in_order(client, handbook):
    html = client.get(handbook.url).content.decode()
    assert step_titles(html) == [(str(n), f"Tytuł kroku {n}") for n in range(1, 13)]
    assert "Opis kroku 12" in text_of(one(html, "#step-12 .prose"))
    own_pages = [href for _, href in links(html, "ol.step-list .no-print a")]
    assert own_pages == [f"/pl/model/krok-{number}/" for number in range(1, 13)]


def test_steps_follow_the_editors_order_not_the_creation_order(client, handbook):
    last = handbook.steps.get(title="Tytuł kroku 12")
    last.sort_order = -1
    last.save()
    html = client.get(handbook.url).content.decode()
    assert step_titles(html)[0] == ("1", "Tytuł kroku 12")


def navigator(html):
    """Where the previous and next links lead (None where there is none)."""
    page = parse(html)
    return tuple(
        (found[0]["href"] if (found := select(page, f"a[rel={rel}]")) else None)
        for rel in ("prev", "next")
    )


@pytest.mark.smoke
def test_the_first_step_has_only_a_next_link(client, handbook):
    response = client.get("/pl/model/krok-1/")
    html = response.content.decode()
    assert response.status_code == 200
    assert navigator(html) == (None, "/pl/model/krok-2/")
    assert "Krok 1 z 12" in text_of(parse(html))
    assertInHTML('<a href="/pl/model/krok-1/" aria-current="step">Tytuł kroku 1</a>', html)


def test_the_last_step_has_only_a_previous_link(client, handbook):
    html = client.get("/pl/model/krok-12/").content.decode()
    assert navigator(html) == ("/pl/model/krok-11/", None)
    assert "Krok 12 z 12" in text_of(parse(html))


def test_a_middle_step_links_both_ways_and_lists_every_step(client, handbook):
    html = client.get("/pl/model/krok-4/").content.decode()
    assert navigator(html) == ("/pl/model/krok-3/", "/pl/model/krok-5/")
    steps = [href for _, href in links(html, ".step-index li a")]
    assert steps == [f"/pl/model/krok-{number}/" for number in range(1, 13)]
    assertInHTML("<h1>Tytuł kroku 4</h1>", html)
    assert one(html, "link[rel=canonical]")["href"] == "http://testserver/pl/model/krok-4/"


@pytest.mark.parametrize("number", [0, 13, 99])
def test_a_step_that_does_not_exist_is_not_found(client, handbook, number):
    assert client.get(f"/pl/model/krok-{number}/").status_code == 404


def test_the_step_addresses_are_in_the_pages_language(client, handbook, home_en, locales):
    english = handbook.copy_for_translation(locales["en"], copy_parents=False)
    english.slug = "model"
    english.save_revision().publish()
    assert client.get("/en/model/step-3/").status_code == 200
    assert client.get("/en/model/krok-3/").status_code == 404
    alternate = one(client.get("/pl/model/krok-3/"), 'link[rel=alternate][hreflang="en"]')
    assert alternate["href"] == "http://testserver/en/model/step-3/"


def test_a_step_links_the_zones_that_act_in_it_to_their_pages(client, handbook):
    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    ZonePageFactory(parent=handbook.get_parent(), zone=zone, slug="strefa-wtz")
    step = handbook.steps.get(title="Tytuł kroku 2")
    step.zones = [("zone", zone)]
    step.other_actors = "ośrodek wsparcia ekonomii społecznej"
    step.chapter = "3.1"
    step.save()
    facts = one(client.get("/pl/model/krok-2/"), "dl.step__facts")
    assert links(facts) == [("Strefa WTZ", "/pl/strefa-wtz/")]
    assert texts(facts, "dd") == [
        "Strefa WTZ, ośrodek wsparcia ekonomii społecznej",
        "rozdział 3.1",
    ]


def test_beneficiary_groups_link_to_their_zone_page(client, handbook):
    zone = ZoneFactory(slug="samorzady", name="Strefa Samorządów")
    ZonePageFactory(parent=handbook.get_parent(), zone=zone, slug="strefa-samorzadow")
    handbook.beneficiaries = [
        ("group", {"group": "Samorządy", "benefits": ["Nowe narzędzie"], "zone": zone}),
        ("group", {"group": "OWES", "benefits": ["Narzędzia pracy"], "zone": None}),
    ]
    handbook.save_revision().publish()
    section = one(client.get(handbook.url), "section.beneficiaries")
    assert text_of(one(section, "h2")) == "Kto na tym zyska?"
    ((text, href),) = links(section)  # only the group with a zone page links to it
    assert text.endswith("Strefa Samorządów")
    assert href == "/pl/strefa-samorzadow/"
    assert texts(section, "li.card li") == ["Nowe narzędzie", "Narzędzia pracy"]


def test_a_handbook_needs_at_least_one_step_in_the_admin(admin_client, handbook):
    response = admin_client.get(f"/admin/pages/{handbook.pk}/edit/")
    assert response.status_code == 200
    assert one(response, 'input[name="steps-MIN_NUM_FORMS"]')["value"] == "1"


def test_steps_are_translatable_children(handbook):
    with translation.override("pl"):
        assert HandbookStep.objects.filter(page=handbook, locale=handbook.locale).count() == 12


def test_zones_and_files_of_the_steps_cost_no_query_per_step(
    client, handbook, assert_queries_do_not_grow
):
    from tests.factories import DocumentFactory

    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    ZonePageFactory(parent=handbook.get_parent(), zone=zone, slug="strefa-wtz")
    steps = list(handbook.steps.all())
    steps[0].zones = [("zone", zone)]
    steps[0].downloads = [("document", DocumentFactory(title="Plik 1"))]
    steps[0].save()

    def grow():
        for step in steps[1:]:
            step.zones = [("zone", zone)]
            step.downloads = [("document", DocumentFactory(title=f"Plik {step.pk}"))]
            step.save()

    assert_queries_do_not_grow(handbook.url, grow)
    steps = one(client.get(handbook.url), "ol.step-list")
    assert links(steps, ".step__facts a") == [("Strefa WTZ", "/pl/strefa-wtz/")] * 12
    assert len(select(steps, ".step__downloads li")) == 12


@pytest.fixture
def model_in_two_languages(home, home_en, locales):
    from portal.core.demo_content import translate

    model = HandbookPage(title="Model", slug="model", intro="Wstęp")
    model.steps = [
        HandbookStep(title=title, body=f"<p>{title}</p>", sort_order=number)
        for number, title in enumerate(["Pierwszy", "Drugi", "Trzeci"])
    ]
    home.add_child(instance=model)
    model.save_revision().publish()
    strings = {"Model": "The model", "model": "model", "Wstęp": "Intro"}
    strings |= {"Pierwszy": "First", "Drugi": "Second", "Trzeci": "Third"}
    translate(model, locales["en"], strings)
    return HandbookPage.objects.get(pk=model.pk)


def test_the_switcher_finds_the_same_step_after_the_polish_steps_were_reordered(
    client, model_in_two_languages
):
    third = model_in_two_languages.steps.get(title="Trzeci")
    third.sort_order = -1  # moved to the top in Polish; English not synced yet
    third.save()
    html = client.get("/pl/model/krok-1/").content.decode()
    assertInHTML("<h1>Trzeci</h1>", html)
    alternate = one(html, 'link[rel=alternate][hreflang="en"]')
    assert alternate["href"] == "http://testserver/en/model/step-3/"
    assert client.get(switcher_href(html, "en"))["Location"] == "/en/model/step-3/"
    english = client.get("/en/model/step-3/").content.decode()
    assertInHTML("<h1>Third</h1>", english)
    alternate = one(english, 'link[rel=alternate][hreflang="pl"]')
    assert alternate["href"] == "http://testserver/pl/model/krok-1/"


def test_a_step_not_yet_translated_leads_to_the_english_model_page(client, model_in_two_languages):
    model = model_in_two_languages
    HandbookStep.objects.create(
        page=model, title="Czwarty", body="<p>Nowy</p>", sort_order=9, locale=model.locale
    )
    html = client.get("/pl/model/krok-4/").content.decode()
    assertInHTML("<h1>Czwarty</h1>", html)
    assert select(html, 'head [hreflang="en"]') == []
    assert client.get(switcher_href(html, "en"))["Location"] == "/en/model/"


def test_a_step_has_one_address(client, handbook):
    response = client.get("/pl/model/krok-04/")
    assert response.status_code == 301
    assert response["Location"] == "/pl/model/krok-4/"
    og_url = one(client.get("/pl/model/krok-4/"), 'meta[property="og:url"]')
    assert og_url["content"] == "http://testserver/pl/model/krok-4/"
