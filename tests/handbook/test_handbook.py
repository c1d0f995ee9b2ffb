"""The model's twelve steps: one printable page, one address per step, a navigator."""

import re

import pytest

from django.utils import translation

from portal.handbook.models import HandbookPage, HandbookStep
from tests.factories import ZoneFactory, ZonePageFactory
from tests.html import switcher_href

pytestmark = pytest.mark.django_db


def step_titles(html):
    return re.findall(
        r'<li class="step" id="step-(\d+)">\s*<h3 class="step__title">.*?</span> (.*?)</h3>',
        html,
        re.S,
    )


@pytest.mark.smoke
def test_the_model_page_shows_all_twelve_steps_in_order(client, handbook):
    html = client.get(handbook.url).content.decode()
    assert step_titles(html) == [(str(n), f"Tytuł kroku {n}") for n in range(1, 13)]
    assert "Opis kroku 12" in html
    assert html.count('href="/pl/model/krok-') >= 12


def test_steps_follow_the_editors_order_not_the_creation_order(client, handbook):
    last = handbook.steps.get(title="Tytuł kroku 12")
    last.sort_order = -1
    last.save()
    html = client.get(handbook.url).content.decode()
    assert step_titles(html)[0] == ("1", "Tytuł kroku 12")


def navigator(html):
    prev = re.search(r'<a href="([^"]+)" rel="prev">', html)
    next_ = re.search(r'<a href="([^"]+)" rel="next">', html)
    return (prev and prev.group(1), next_ and next_.group(1))


@pytest.mark.smoke
def test_the_first_step_has_only_a_next_link(client, handbook):
    response = client.get("/pl/model/krok-1/")
    html = response.content.decode()
    assert response.status_code == 200
    assert navigator(html) == (None, "/pl/model/krok-2/")
    assert "Krok 1 z 12" in html
    assert '<a href="/pl/model/krok-1/" aria-current="step">Tytuł kroku 1</a>' in html


def test_the_last_step_has_only_a_previous_link(client, handbook):
    html = client.get("/pl/model/krok-12/").content.decode()
    assert navigator(html) == ("/pl/model/krok-11/", None)
    assert "Krok 12 z 12" in html


def test_a_middle_step_links_both_ways_and_lists_every_step(client, handbook):
    html = client.get("/pl/model/krok-4/").content.decode()
    assert navigator(html) == ("/pl/model/krok-3/", "/pl/model/krok-5/")
    assert re.findall(r'<li><a href="/pl/model/krok-(\d+)/"', html) == [
        str(n) for n in range(1, 13)
    ]
    assert "<h1>Tytuł kroku 4</h1>" in html
    assert '<link rel="canonical" href="http://testserver/pl/model/krok-4/">' in html


@pytest.mark.parametrize("number", [0, 13, 99])
def test_a_step_that_does_not_exist_is_not_found(client, handbook, number):
    assert client.get(f"/pl/model/krok-{number}/").status_code == 404


def test_the_step_addresses_are_in_the_pages_language(client, handbook, home_en, locales):
    english = handbook.copy_for_translation(locales["en"], copy_parents=False)
    english.slug = "model"
    english.save_revision().publish()
    assert client.get("/en/model/step-3/").status_code == 200
    assert client.get("/en/model/krok-3/").status_code == 404
    html = client.get("/pl/model/krok-3/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/model/step-3/"' in html


def test_a_step_links_the_zones_that_act_in_it_to_their_pages(client, handbook):
    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    ZonePageFactory(parent=handbook.get_parent(), zone=zone, slug="strefa-wtz")
    step = handbook.steps.get(title="Tytuł kroku 2")
    step.zones = [("zone", zone)]
    step.other_actors = "ośrodek wsparcia ekonomii społecznej"
    step.chapter = "3.1"
    step.save()
    html = client.get("/pl/model/krok-2/").content.decode()
    assert '<a href="/pl/strefa-wtz/">Strefa WTZ</a>' in html
    assert "ośrodek wsparcia ekonomii społecznej" in html
    assert "rozdział 3.1" in html


def test_beneficiary_groups_link_to_their_zone_page(client, handbook):
    zone = ZoneFactory(slug="samorzady", name="Strefa Samorządów")
    ZonePageFactory(parent=handbook.get_parent(), zone=zone, slug="strefa-samorzadow")
    handbook.beneficiaries = [
        ("group", {"group": "Samorządy", "benefits": ["Nowe narzędzie"], "zone": zone}),
        ("group", {"group": "OWES", "benefits": ["Narzędzia pracy"], "zone": None}),
    ]
    handbook.save_revision().publish()
    html = client.get(handbook.url).content.decode()
    assert "Kto na tym zyska?" in html
    assert re.search(r'<a href="/pl/strefa-samorzadow/">[^<]*Strefa Samorządów', html)
    assert "Narzędzia pracy" in html


def test_a_handbook_needs_at_least_one_step_in_the_admin(admin_client, handbook):
    response = admin_client.get(f"/admin/pages/{handbook.pk}/edit/")
    assert response.status_code == 200
    assert 'name="steps-MIN_NUM_FORMS" value="1"' in response.content.decode()


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
    steps_html = client.get(handbook.url).content.decode().split('class="step-list"')[1]
    assert steps_html.count('<a href="/pl/strefa-wtz/">Strefa WTZ</a>') == 12
    assert steps_html.count("Plik ") == 12


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
    assert "<h1>Trzeci</h1>" in html
    assert 'hreflang="en" href="http://testserver/en/model/step-3/"' in html
    assert client.get(switcher_href(html, "en"))["Location"] == "/en/model/step-3/"
    english = client.get("/en/model/step-3/").content.decode()
    assert "<h1>Third</h1>" in english
    assert 'hreflang="pl" href="http://testserver/pl/model/krok-1/"' in english


def test_a_step_not_yet_translated_leads_to_the_english_model_page(client, model_in_two_languages):
    model = model_in_two_languages
    HandbookStep.objects.create(
        page=model, title="Czwarty", body="<p>Nowy</p>", sort_order=9, locale=model.locale
    )
    html = client.get("/pl/model/krok-4/").content.decode()
    assert "<h1>Czwarty</h1>" in html
    assert 'hreflang="en"' not in html.split("</head>")[0]
    assert client.get(switcher_href(html, "en"))["Location"] == "/en/model/"


def test_a_step_has_one_address(client, handbook):
    response = client.get("/pl/model/krok-04/")
    assert response.status_code == 301
    assert response["Location"] == "/pl/model/krok-4/"
    html = client.get("/pl/model/krok-4/").content.decode()
    assert '<meta property="og:url" content="http://testserver/pl/model/krok-4/">' in html
