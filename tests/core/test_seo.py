"""What search engines and link previews read: robots.txt, the sitemap index with one
sitemap per language (every public page and sub-view, with hreflang alternates and
lastmod), and on every page a meta description, OpenGraph/Twitter tags with a picture and
JSON-LD (BreadcrumbList everywhere, Organization and WebSite with search on the home page).

One site with every page type is built once (SiteOfEveryPageType of the query budget), with
the zone page, the model and the events translated into English.
"""

import json
import re
from io import StringIO

import pytest
from defusedxml import ElementTree
from wagtail_factories import ImageFactory

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

from tests.conftest import OwnMediaTestCase, queries_do_not_grow
from tests.core.test_query_budget import SiteOfEveryPageType
from tests.factories import NewsPageFactory, StandardPageFactory, translate
from tests.html import json_ld, one, parse, select

BASE = "http://testserver"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ZONE_ROUTES = {
    "pl": ["materialy/", "badania/", "sukcesy/", "aktualnosci/", "wydarzenia/"],
    "en": ["resources/", "research/", "success-stories/", "news/", "events/"],
}
# Routes that are not pages of their own: feeds, calendars, citations, forms.
NOT_PAGES = re.compile(r"/(rss|atom|ical|ris|bibtex|zapis|register|rezygnacja|cancel)/")


def sitemap(client, path):
    """{location: {"lastmod": ..., "alternates": {hreflang: href}}} of one sitemap."""
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("x:link[@rel='alternate']", NS)
            },
        }
        for url in root.findall("s:url", NS)
    }


def schema_types(html):
    """The @type of every schema.org object in the page's JSON-LD."""
    scripts = select(html, 'script[type="application/ld+json"]')
    graphs = [json.loads(script.string).get("@graph", []) for script in scripts]
    return [item["@type"] for graph in graphs for item in graph]


def published(page):
    """The page as published (the translation's own object keeps the copied address)."""
    return type(page).objects.get(pk=page.pk)


def meta(html, name):
    """The content of <meta property=name> or <meta name=name> (exactly one)."""
    return one(html, f'meta[property="{name}"], meta[name="{name}"]')["content"]


@pytest.mark.django_db
class TestWhatSearchEnginesRead(OwnMediaTestCase, SiteOfEveryPageType):
    """One class, so the site is built once (about a minute) for every test here."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        call_command("configure_site", stdout=StringIO())  # the Site is PORTAL_BASE_URL
        cls.zone_page_en = published(translate(cls.zone_page, title="WTZ zone", slug="wtz-zone"))
        cls.handbook_en = published(translate(cls.handbook, title="The model", slug="model"))
        cls.events_en = published(translate(cls.events_index, title="Events", slug="events"))
        cls.image = ImageFactory(file__width=2000, file__height=1500)
        cls.article.image, cls.article.image_alt = cls.image, "Uczestnicy przy stole"
        cls.article.save_revision().publish()
        cls.report.cover_image, cls.report.cover_image_alt = cls.image, "Okładka raportu"
        cls.report.save_revision().publish()

    def test_robots_keep_out_of_the_admin_search_and_registration_and_name_the_sitemap(self):
        response = self.client.get("/robots.txt", HTTP_HOST="127.0.0.1")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        lines = response.content.decode().splitlines()
        self.assertEqual(lines[0], "User-agent: *")
        disallowed = [line.removeprefix("Disallow: ") for line in lines if "Disallow" in line]
        for path in ("/admin/", "/pl/szukaj/", "/en/search/"):
            self.assertIn(path, disallowed)
        self.assertIn(f"Sitemap: {BASE}/sitemap.xml", lines)  # the site's address

        def blocked(path):  # Google's rules: a pattern is a prefix, `*` any characters
            return any(re.match(re.escape(rule).replace(r"\*", ".*"), path) for rule in disallowed)

        event = self.event.url
        for sub in ("zapis/", "zapisano/", "rezygnacja/"):
            self.assertTrue(blocked(event + sub), event + sub)
        self.assertTrue(blocked("/en/events/some-event/register/"))
        self.assertTrue(blocked("/en/events/some-event/cancel/"))
        for public in (event, self.events_index.url, "/pl/", self.zone_page.url):
            self.assertFalse(blocked(public), public)

    def expected(self, language):
        """Every live page of `language` and the sub-views that are pages of their own."""
        pages = Page.objects.live().public().filter(locale__language_code=language)
        urls = {BASE + page.url for page in pages if page.depth > 1}
        zone = self.zone_page if language == "pl" else self.zone_page_en
        urls |= {BASE + zone.url + route for route in ZONE_ROUTES[language]}
        handbook = self.handbook if language == "pl" else self.handbook_en
        step = "krok" if language == "pl" else "step"
        urls |= {f"{BASE}{handbook.url}{step}-{number}/" for number in range(1, 13)}
        events = self.events_index if language == "pl" else self.events_en
        urls.add(BASE + events.url + ("minione/" if language == "pl" else "past/"))
        return urls

    def test_the_index_names_one_sitemap_per_language_on_the_site_address(self):
        response = self.client.get("/sitemap.xml", HTTP_HOST="127.0.0.1")
        root = ElementTree.fromstring(response.content)
        locations = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
        self.assertEqual(locations, [f"{BASE}/sitemap-pl.xml", f"{BASE}/sitemap-en.xml"])

    def test_every_public_page_and_sub_view_is_listed_once_in_its_language(self):
        for language in ("pl", "en"):
            listed = sitemap(self.client, f"/sitemap-{language}.xml")
            self.assertEqual(set(listed), self.expected(language), language)
            self.assertEqual([url for url in listed if NOT_PAGES.search(url)], [])

    def test_each_address_says_when_its_page_was_last_published(self):
        today = timezone.localdate().isoformat()
        english = sitemap(self.client, "/sitemap-en.xml")  # every page published today
        self.assertEqual({entry["lastmod"] for entry in english.values()}, {today})
        polish = sitemap(self.client, "/sitemap-pl.xml")
        self.assertEqual(polish[BASE + self.article.url]["lastmod"], today)

    def test_translated_pages_and_sub_views_name_each_other_with_x_default(self):
        polish = sitemap(self.client, "/sitemap-pl.xml")
        english = sitemap(self.client, "/sitemap-en.xml")
        pairs = [
            ("/pl/", "/en/"),
            (self.zone_page.url, self.zone_page_en.url),
            (self.zone_page.url + "materialy/", self.zone_page_en.url + "resources/"),
            (self.handbook.url + "krok-3/", self.handbook_en.url + "step-3/"),
            (self.events_index.url + "minione/", self.events_en.url + "past/"),
        ]
        for pl, en in pairs:
            expected = {"pl": BASE + pl, "en": BASE + en, "x-default": BASE + pl}
            self.assertEqual(polish[BASE + pl]["alternates"], expected, pl)
            self.assertEqual(english[BASE + en]["alternates"], expected, en)
        # Only in Polish: no alternates at all.
        self.assertEqual(polish[BASE + self.article.url]["alternates"], {})

    def test_the_sitemap_costs_the_same_queries_for_few_and_many_pages(self):
        def more():
            for page in StandardPageFactory.create_batch(3, parent=self.about):
                translate(page, title=f"Page {page.pk}", slug=f"page-{page.pk}")
            NewsPageFactory.create_batch(3, parent=self.news_index)

        for path in ("/sitemap-pl.xml", "/sitemap-en.xml", "/sitemap.xml"):
            queries_do_not_grow(self.client, path, more)

    PAGES = (
        "home", "about", "zone_page", "news_index", "article", "events_index", "event",
        "library", "report", "handbook", "sub_models", "sub_model", "stories", "story",
        "projects", "project", "partnership", "contact", "poll_page",
    )  # fmt: skip

    def test_every_page_has_a_description_a_preview_and_breadcrumbs(self):
        for name in self.PAGES:
            page = getattr(self, name)
            html = parse(self.client.get(page.url))
            description = meta(html, "description")
            self.assertTrue(0 < len(description) <= 160, name)
            self.assertNotIn("<", description, name)
            self.assertEqual(meta(html, "og:description"), description, name)
            self.assertEqual(meta(html, "og:url"), BASE + page.url, name)
            self.assertEqual(meta(html, "og:locale"), "pl_PL", name)
            self.assertTrue(meta(html, "og:image").startswith(f"{BASE}/"), name)
            self.assertEqual(meta(html, "twitter:card"), "summary_large_image", name)
            trail = json_ld(html, "BreadcrumbList")["itemListElement"]
            self.assertEqual(trail[-1]["item"], BASE + page.url, name)
            self.assertEqual(trail[0]["item"], f"{BASE}/pl/", name)

    def test_a_sub_view_is_the_last_step_of_its_breadcrumbs(self):
        html = parse(self.client.get(self.handbook.url + "krok-2/"))
        trail = json_ld(html, "BreadcrumbList")["itemListElement"]
        self.assertEqual(
            [(item["position"], item["item"]) for item in trail],
            [
                (1, f"{BASE}/pl/"),
                (2, BASE + self.handbook.url),
                (3, f"{BASE}{self.handbook.url}krok-2/"),
            ],
        )
        self.assertEqual(trail[-1]["name"], "Krok 2: Tytuł kroku 2")
        self.assertEqual(meta(html, "og:locale:alternate"), "en_GB")

    def test_the_home_page_describes_the_organisation_and_its_search(self):
        for path, search in (("/pl/", "/pl/szukaj/"), ("/en/", "/en/search/")):
            html = parse(self.client.get(path))
            self.assertEqual(json_ld(html, "Organization")["url"], BASE + path)
            action = json_ld(html, "WebSite")["potentialAction"]
            self.assertEqual(action["@type"], "SearchAction")
            self.assertEqual(
                action["target"]["urlTemplate"], f"{BASE}{search}?q={{search_term_string}}"
            )
            self.assertEqual(action["query-input"], "required name=search_term_string")
        self.assertEqual(schema_types(self.client.get(self.about.url)), ["BreadcrumbList"])

    def test_the_preview_picture_is_the_pages_own_the_zones_or_the_sites(self):
        article = parse(self.client.get(self.article.url))
        image = meta(article, "og:image")
        self.assertRegex(image, rf"^{BASE}/media/images/.*\.fill-1200x630.*")
        self.assertEqual(
            [meta(article, name) for name in ("og:image:width", "og:image:height")],
            ["1200", "630"],
        )
        self.assertEqual(meta(article, "og:image:alt"), "Uczestnicy przy stole")
        self.assertEqual(meta(article, "twitter:image"), image)
        cover = meta(parse(self.client.get(self.report.url)), "og:image")
        self.assertIn(".fill-1200x630", cover)
        zone = meta(parse(self.client.get(self.zone_page.url)), "og:image")
        self.assertEqual(zone, f"{BASE}/static/img/share/zone-workshop.png")
        about = meta(parse(self.client.get(self.about.url)), "og:image")
        self.assertEqual(about, f"{BASE}/static/img/share/portal-wtz.png")

    def test_the_description_is_the_editors_else_a_summary_as_short_plain_text(self):
        own = StandardPageFactory(parent=self.home, search_description="Opis dla wyszukiwarek.")
        description = meta(parse(self.client.get(own.url)), "description")
        self.assertEqual(description, "Opis dla wyszukiwarek.")
        long_intro = "Spółdzielnia socjalna &amp; WTZ " + "słowo " * 60
        long = StandardPageFactory(parent=self.home, intro=long_intro)
        description = meta(parse(self.client.get(long.url)), "description")
        self.assertLessEqual(len(description), 160)
        self.assertTrue(description.startswith("Spółdzielnia socjalna & WTZ słowo"))
        self.assertTrue(description.endswith("słowo…"))
        home = meta(parse(self.client.get("/pl/")), "description")
        self.assertEqual(home, "Tekst wprowadzający")  # the hero text, the intro being empty
