"""What tells search engines and visitors about the other language."""

import pytest

from django.utils import translation

from tests.factories import StandardPageFactory

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
    assert '<link rel="alternate" hreflang="pl" href="http://testserver/pl/o-projekcie/">' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/about-the-project/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/pl/o-projekcie/">'
        in html
    )


def test_untranslated_page_claims_no_counterpart(client, home, home_en):
    page = StandardPageFactory(parent=home, title="Tylko po polsku", slug="tylko-po-polsku")
    with translation.override("pl"):
        html = client.get(page.url).content.decode()
    assert 'hreflang="en" href' not in html.split("</head>")[0]
    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="/en/"' in switcher  # to the English home page, and it says so
    assert 'class="visually-hidden" lang="pl">' in switcher


def test_sitemap_lists_the_pages_of_both_languages(client, translated):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/pl/o-projekcie/" in xml
    assert "/en/about-the-project/" in xml
    assert "/en/</loc>" in xml
