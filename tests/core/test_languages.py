"""What tells search engines and visitors about the other language."""

import pytest

from django.utils import translation

from tests.factories import PollFactory, StandardPageFactory
from tests.html import one, parse, select, switcher_href, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture
def translated(standard_page, home_en, locales):
    english = standard_page.copy_for_translation(locales["en"])
    english.title, english.slug = "About the project", "about-the-project"
    english.save_revision().publish()
    return standard_page, english


def test_translated_page_links_its_counterpart_and_x_default(client, translated):
    with translation.override("en"):
        html = client.get("/en/about-the-project/").content.decode()
    alternates = select(html, "link[rel=alternate][hreflang]")
    assert {link["hreflang"]: link["href"] for link in alternates} == {
        "pl": "http://testserver/pl/o-projekcie/",
        "en": "http://testserver/en/about-the-project/",
        "x-default": "http://testserver/pl/o-projekcie/",
    }


def test_untranslated_page_claims_no_counterpart(client, home, home_en):
    page = StandardPageFactory(parent=home, title="Tylko po polsku", slug="tylko-po-polsku")
    with translation.override("pl"):
        html = client.get(page.url).content.decode()
    assert select(html, 'head [hreflang="en"]') == []
    assert client.get(switcher_href(html, "en"))["Location"] == "/en/?untranslated=1"
    english = one(html, '.language-switcher a[hreflang="en"]')
    assert one(english, "span.visually-hidden")["lang"] == "pl"  # and it says so
    with translation.override("en"):
        landing = client.get("/en/?untranslated=1").content.decode()
    assert "The page you came from is not available in English" in landing


def test_each_languages_sitemap_lists_its_pages(client, translated):
    polish = client.get("/sitemap-pl.xml").content.decode()
    english = client.get("/sitemap-en.xml").content.decode()
    assert "/pl/o-projekcie/</loc>" in polish
    assert "/en/about-the-project/</loc>" in english
    assert "/en/</loc>" in english


def test_the_switcher_leads_to_the_translation(client, translated):
    polish, english = translated
    html = client.get(polish.url).content.decode()
    response = client.get(switcher_href(html, "en"))
    assert response.status_code == 302
    assert response["Location"] == "/en/about-the-project/"
    back = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert client.get(switcher_href(back, "pl"))["Location"] == "/pl/o-projekcie/"


def test_a_translation_deleted_meanwhile_leads_to_that_languages_home(client, translated):
    polish, english = translated
    link = switcher_href(client.get(polish.url).content.decode(), "en")
    english.delete()
    assert client.get(link)["Location"] == "/en/?untranslated=1"


def test_a_page_deleted_meanwhile_leads_to_that_languages_home(client, translated):
    polish, english = translated
    link = switcher_href(client.get("/en/about-the-project/").content.decode(), "pl")
    english.delete()
    polish.delete()
    assert client.get(link)["Location"] == "/pl/?untranslated=1"


def test_an_unpublished_translation_is_not_offered(client, translated):
    polish, english = translated
    english.refresh_from_db()
    english.unpublish()
    assert client.get(f"/language/en/?page={polish.pk}")["Location"] == "/en/?untranslated=1"


@pytest.mark.parametrize("query", ["", "?page=abc", "?page=999999", "?page=1&sub=../../admin/"])
def test_a_forged_switcher_request_lands_on_the_home_page(client, translated, query):
    response = client.get("/language/en/" + query)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


def test_the_switcher_refuses_a_language_the_site_does_not_have(client, translated):
    assert client.get("/language/de/?page=1").status_code == 404


@pytest.mark.parametrize("path", ["/de/", "/de/o-projekcie/", "/fr/aktualnosci/", "/pt-br/"])
def test_an_unsupported_language_prefix_is_the_polish_404_page(client, translated, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    page = parse(response)
    assert response.status_code == 404
    assert one(page, "html")["lang"] == "pl"
    assert "Nie znaleziono strony" in text_of(page)


def test_an_address_without_a_language_still_gets_one(client, translated):
    response = client.get("/o-projekcie/")
    assert response.status_code == 302
    assert response["Location"] == "/pl/o-projekcie/"


@pytest.mark.parametrize(
    ("polish", "english"),
    [
        ("/pl/szukaj/?q=model+wtz", "/en/search/?q=model+wtz"),
        ("/pl/subskrypcja/", "/en/subscribe/"),
    ],
)
def test_a_view_outside_the_tree_switches_to_itself_in_english(
    client, home, home_en, polish, english
):
    """The site search and the subscription form are not pages but have English routes: the
    switcher keeps the visitor's place (and search) rather than offering the home page."""
    html = client.get(polish).content.decode()
    assert switcher_href(html, "en") == english
    assert select(html, ".language-switcher .visually-hidden") == []  # no "home page" notice
    back = client.get(english, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert switcher_href(back, "pl") == polish


def test_a_refused_poll_vote_offers_the_other_languages_home(client, home, home_en):
    """The vote's address only takes a POST: its English form would answer 405."""
    poll = PollFactory(choices=[("Tak", 1), ("Nie", 2)])
    html = client.post(f"/pl/sonda/{poll.pk}/", {}).content.decode()
    assert switcher_href(html, "en") == "/en/"
