"""What a visitor gets from the site's addresses: pages, languages and error pages."""

import pytest
from pytest_django.asserts import assertInHTML

from django.utils import translation

from tests.factories import StandardPageFactory, ZoneFactory
from tests.html import links, one, parse, select, text_of, texts

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


def test_root_redirects_to_polish_by_default(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


def test_root_redirects_english_speaking_visitor_to_english(client, home_en):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("url", "lang", "heading"),
    [
        ("/pl/", "pl", "Spółdzielnie socjalne przy WTZ"),
        ("/en/", "en", "Social cooperatives beside workshops"),
    ],
)
def test_home_page_answers_in_each_language(client, home_en, url, lang, heading):
    response = client.get(url)
    assert response.status_code == 200
    page = parse(response)
    assert one(page, "html")["lang"] == lang
    assert text_of(one(page, "h1")) == heading


def test_standard_page_answers_in_both_languages(client, standard_page, home_en, locales):
    english = standard_page.copy_for_translation(locales["en"])
    english.title = "About the project"
    english.slug = "about-the-project"
    english.save_revision().publish()

    polish_response = client.get("/pl/o-projekcie/")
    english_response = client.get("/en/about-the-project/")

    assert polish_response.status_code == 200
    assertInHTML("<h1>O projekcie</h1>", polish_response.content.decode())
    assert english_response.status_code == 200
    assertInHTML("<h1>About the project</h1>", english_response.content.decode())
    assert one(english_response, "html")["lang"] == "en"


@pytest.mark.parametrize(
    ("url", "lang", "message"),
    [
        ("/pl/nie-ma-takiej-strony/", "pl", "Nie znaleziono strony"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_unknown_address_gives_the_sites_own_404(client, home_en, url, lang, message):
    response = client.get(url)
    assert response.status_code == 404
    page = parse(response)
    assert one(page, "html")["lang"] == lang
    assert message in text_of(one(page, "main"))
    assert one(page, "footer.site-footer")
    assert "Traceback" not in text_of(page)


def test_unsupported_language_prefix_gives_polish_404(client, home):
    response = client.get("/de/irgendwas/", follow=True)
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["?%E0%A4%A", "?page=%ff%fe", "?q=%00", "?a[b]=c&&&=", "?" + "x" * 5000]
)
def test_malformed_query_string_never_gives_500(client, home, query):
    response = client.get("/pl/" + query)
    assert response.status_code in (200, 400, 404)


def test_draft_page_is_not_public(client, home):
    StandardPageFactory(parent=home, slug="szkic", live=False)
    assert client.get("/pl/szkic/").status_code == 404


def test_main_menu_lists_only_pages_marked_for_menus(client, standard_page, home):
    StandardPageFactory(parent=home, title="Ukryta", slug="ukryta", show_in_menus=False)
    assert texts(client.get("/pl/"), "nav.main-nav a") == ["O projekcie"]


def test_menu_marks_the_current_page_and_the_section_of_a_subpage(client, home, standard_page):
    # Menu items whose tree paths are prefixes of each other's: 0001…0001 vs 0001…0001000x
    for number in range(2, 12):
        StandardPageFactory(parent=home, title=f"Sekcja {number}", show_in_menus=True)
    tenth = home.get_children().get(title="Sekcja 10")
    deep = StandardPageFactory(parent=StandardPageFactory(parent=tenth), title="Głęboko")

    def menu(url):
        return str(one(client.get(url), "nav.main-nav"))

    assertInHTML(
        '<a href="/pl/o-projekcie/" aria-current="page">O projekcie</a>', menu("/pl/o-projekcie/")
    )
    deep_menu = menu(deep.url)
    assert links(deep_menu, ".is-ancestor") == [("Sekcja 10", tenth.url)]
    assert select(deep_menu, "[aria-current]") == []


def test_menu_query_count_does_not_grow_with_items(home, assert_queries_do_not_grow):
    StandardPageFactory.create_batch(2, parent=home, show_in_menus=True)
    assert_queries_do_not_grow(
        "/pl/", lambda: StandardPageFactory.create_batch(6, parent=home, show_in_menus=True)
    )


def test_breadcrumbs_lead_from_home_to_the_current_page(client, standard_page):
    child = StandardPageFactory(parent=standard_page, title="Cel projektu", slug="cel")
    breadcrumbs = one(client.get(child.url), ".breadcrumbs")
    assert links(breadcrumbs) == [("Strona główna", "/pl/"), ("O projekcie", "/pl/o-projekcie/")]
    assertInHTML('<span aria-current="page">Cel projektu</span>', str(breadcrumbs))


def test_page_has_skip_link_and_landmarks(client, home):
    page = parse(client.get("/pl/"))
    skip_link = page.body.find("a")  # the first thing a keyboard reaches
    assert (skip_link["class"], skip_link["href"]) == (["skip-link"], "#main")
    for landmark in ("header.site-header", "main#main", "footer.site-footer"):
        assert one(page, landmark)


def test_home_page_shows_the_zones_in_order(client, home):
    ZoneFactory(name="Strefa Biznesu", sort_order=30)
    ZoneFactory(name="Strefa Samorządów", sort_order=10)
    assert texts(client.get("/pl/"), ".zone-card__title") == ["Strefa Samorządów", "Strefa Biznesu"]


def test_home_page_query_count_does_not_grow_with_zones(home, assert_queries_do_not_grow):
    ZoneFactory.create_batch(2)
    assert_queries_do_not_grow("/pl/", lambda: ZoneFactory.create_batch(4))


def test_bad_host_header_gives_the_sites_400_page(client, home, settings):
    settings.ALLOWED_HOSTS = ["wtz.example.org"]
    response = client.get("/pl/", headers={"host": "evil.example.com"})
    assert response.status_code == 400
    assert "Nie udało się zrozumieć tego żądania" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [("pl", "Coś poszło nie tak po naszej stronie"), ("en", "Something went wrong on our side")],
)
def test_server_error_page_is_the_sites_own_and_translated(rf, language, message):
    from django.views.defaults import server_error

    with translation.override(language):
        response = server_error(rf.get(f"/{language}/"))
    page = parse(response)
    assert response.status_code == 500
    assert one(page, "html")["lang"] == language
    assert message in text_of(page)
    stylesheets = [link["href"] for link in select(page, 'link[rel="stylesheet"]')]
    assert any(href.endswith("/static/css/site.css") for href in stylesheets)


def test_expired_form_gives_the_sites_403_page_not_a_500(home):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/pl/", {"q": "x"})
    assert response.status_code == 403
    page = parse(response)
    assert "Nie udało się wysłać formularza" in text_of(page)
    assert one(page, "html")["lang"] == "pl"


def test_english_address_without_english_page_says_the_content_is_polish(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert one(response, "html")["lang"] == "pl"


def test_polish_zone_shown_on_english_page_is_marked_polish(client, home_en):
    ZoneFactory(name="Strefa WTZ")
    (card,) = select(client.get("/en/"), "li.zone-card")
    assert (text_of(card.h3), card["lang"]) == ("Strefa WTZ", "pl")
