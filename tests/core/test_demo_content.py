"""The one smoke test of the demo: `load_demo_content` builds a site a visitor can read in
both languages, and running it again adds nothing and keeps what editors changed.

The demo takes about a minute to build, so it is built once per run, in `setUpTestData` of
Django's TestCase: each test then runs in a savepoint and leaves the demo as it found it.
No other test depends on demo content; they build what they need from tests/factories.py.
"""

import datetime
import re
from contextlib import contextmanager
from io import StringIO
from unittest import mock

import pytest
from bs4 import Comment
from PIL import Image
from pytest_django.asserts import assertInHTML

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupPagePermission, Locale, Page, Site, Workflow, get_page_models
from wagtail_localize.models import Translation

from portal.association.models import ContactPage, ProjectIndexPage, ProjectPage
from portal.core.models import FundingNotice, Partner, ProjectSettings, StandardPage
from portal.core.sitemaps import page_subviews
from portal.core.workdays import is_working_day
from portal.events.models import EventPage
from portal.events.registrations import Registration
from portal.handbook.models import SuccessStoryIndexPage
from portal.indicators.figures import public_count
from portal.news.models import NewsIndexPage
from portal.polls.models import Poll
from portal.research.models import ReportPage, ResearchIndexPage
from tests.conftest import OwnMediaTestCase
from tests.html import links, one, parse, select, text_of, texts
from tests.vnu import validation_errors
from zones.models import Zone

pytestmark = pytest.mark.indexed

# A zone page's five listings, the first steps of the model: enough of each kind of page.
SUB_VIEWS_PER_PAGE = 6

# Polish in a text node: its letters, or one of its commonest words (those without them).
POLISH_LETTERS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
POLISH_WORDS = re.compile(
    r"\b(oraz|jest|dla|przez|albo|czy|lub|aby|jako|nie|tylko|jak|przy|kto|gdzie|jego|jej|ich"
    r"|gmina|powiat|spotkanie|warsztat|spółdzielnia|strona)\b",
    re.IGNORECASE,
)
# Places (towns, the office's street) English writes with their Polish letters, as maps do.
PLACE_NAMES = re.compile(r"\b(Poznań|Piła|Wałbrzych|Kościan|ul\. Chłapowskiego)\b")
NOT_TEXT = ("script", "style", "template", "noscript")
# What a demo page must never show: stand-in addresses and labels.
STAND_INS = re.compile(r"example\.(org|com)|\(demo\)", re.IGNORECASE)


def load_demo_content():
    """The command's report."""
    report = StringIO()
    call_command("load_demo_content", stdout=report)
    return report.getvalue()


# Pillow's options for each encoder's quickest setting: libavif's speed 10 (Pillow's default
# is 6) and libwebp's method 0 (the default is 4; 5 ms instead of 31 for an 800-px picture).
QUICK_ENCODING = {"AVIF": {"speed": 10}, "WEBP": {"method": 0}}


@contextmanager
def quick_image_encoding():
    """AVIF and WebP renditions encoded at their encoders' quickest settings: the same sizes,
    formats and markup, for a fraction of the encoders' CPU, which is most of a first render
    of the demo's pages. How small the files come out is not checked here."""
    Image.init()

    def quick(save, options):
        def save_quickly(image, fp, filename, *args, **kwargs):
            for option, value in options.items():
                image.encoderinfo.setdefault(option, value)
            return save(image, fp, filename, *args, **kwargs)

        return save_quickly

    savers = {name: quick(Image.SAVE[name], options) for name, options in QUICK_ENCODING.items()}
    with mock.patch.dict(Image.SAVE, savers):
        yield


def top_level_menu(page):
    """The main menu's entries as a visitor reads them: the zones fold under one entry."""
    return texts(page, "#main-nav-list > li > a, #main-nav-list > li > details > summary")


def sitemap_paths(client, language):
    """The paths of the public pages (sub-views included) the `language` sitemap lists."""
    xml = client.get(f"/sitemap-{language}.xml").content.decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


def unmarked_polish(page):
    """The text nodes of the page's body that read as Polish and have no `lang="pl"` on
    themselves or an ancestor (the nearest `lang` decides): what a screen reader would
    pronounce as English."""
    found = []
    for node in one(page, "body").find_all(string=True):
        if isinstance(node, Comment) or node.find_parent(NOT_TEXT) is not None:
            continue
        text = PLACE_NAMES.sub("", " ".join(node.split()))
        if not (POLISH_LETTERS.search(text) or POLISH_WORDS.search(text)):
            continue
        marked = node.find_parent(attrs={"lang": True})
        if marked is None or not marked["lang"].startswith("pl"):
            found.append(" ".join(node.split()))
    return found


def counts():
    """How many of each thing the demo makes: a second run must not change any."""
    models = (Page, Zone, Partner, FundingNotice, Translation, Poll, ProjectPage, ContactPage)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.smoke
@pytest.mark.demo
class DemoContentTests(OwnMediaTestCase):
    # {language: {path: (status, HTML)}} of the sitemaps' pages, rendered once for the tests
    # that read them, and {path: document} of those parsed (plain class attributes:
    # setUpTestData's would be copied for every test).
    rendered = {}
    parsed = {}

    @classmethod
    def setUpClass(cls):
        cls.enterClassContext(quick_image_encoding())
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        Locale.objects.get_or_create(language_code="en")
        load_demo_content()
        # Every page of both sitemaps rendered here, inside the class's transaction: the
        # image renditions the pages make on the way (most of a first render's CPU) stay for
        # every test, where a test's own would be rolled back and made again by the next.
        client = Client()
        for language in ("pl", "en"):
            responses = {path: client.get(path) for path in sitemap_paths(client, language)}
            cls.rendered[language] = {
                path: (response.status_code, response.content.decode())
                for path, response in responses.items()
            }

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return parse(response)

    def prerendered(self, url):
        """(status, HTML) of `url` as setUpTestData rendered it when a sitemap lists it (each
        test rolls back, so the demo is still as it was then), else None."""
        return self.rendered["pl"].get(url) or self.rendered["en"].get(url)

    def html(self, url):
        """The HTML of `url`, rendered once per run when a sitemap lists it."""
        status_and_html = self.prerendered(url)
        if status_and_html is None:
            return self.client.get(url).content.decode()
        return status_and_html[1]

    def document(self, url):
        """The parsed page at `url`, which must answer 200: rendered and parsed once per run
        when a sitemap lists it."""
        if url not in self.parsed:
            status_and_html = self.prerendered(url)
            if status_and_html is None:
                return self.get(url)
            self.assertEqual(status_and_html[0], 200, url)
            self.parsed[url] = parse(status_and_html[1])
        return self.parsed[url]

    def sitemap_pages(self, language):
        """{path: HTML} of every page the `language` sitemap lists, rendered once per run
        (setUpTestData)."""
        rendered = self.rendered[language]
        self.assertEqual({status for status, _html in rendered.values()}, {200})
        return {path: html for path, (_status, html) in rendered.items()}

    def test_home_is_the_polish_site_root_with_an_english_translation(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_url, "http://testserver")  # configure_site ran
        polish, english = self.get("/pl/"), self.get("/en/")
        self.assertEqual(one(polish, "html")["lang"], "pl")
        self.assertEqual(one(english, "html")["lang"], "en")
        home = site.root_page.specific
        # made with wagtail-localize, so editors can sync the translation in the admin
        assert Translation.objects.filter(source__object_id=home.translation_key).exists()

    def test_the_four_zones_are_on_the_home_page_in_both_languages(self):
        self.assertEqual(
            texts(self.get("/pl/"), ".zone-card__title"),
            [
                "Strefa Samorządów",
                "Strefa WTZ",
                "Strefa Biznesu",
                "Strefa Współpracy Międzynarodowej",
            ],
        )
        english = self.get("/en/")
        assertInHTML('<h2 id="home-zones">Choose your zone</h2>', str(english))
        zones = texts(english, ".zone-card__title")
        self.assertEqual(len(zones), 4)
        self.assertEqual(zones[0], "Local Government Zone")
        self.assertIn("International Cooperation Zone", zones)

    def test_the_footer_shows_the_real_office_partners_and_funding_notice(self):
        footer = one(self.get("/pl/"), "footer")
        address = text_of(one(footer, "address"))
        self.assertIn("ul. Chłapowskiego 15/1", address)
        self.assertIn("61-504 Poznań", address)
        self.assertIn(("biuro@spoldzielnie.org", "mailto:biuro@spoldzielnie.org"), links(footer))
        partners = texts(footer, ".site-footer__partners li")
        self.assertTrue(partners[0].endswith("Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"))
        self.assertEqual(len(partners), 3)
        self.assertIn("Kapitał Ludzki", text_of(one(footer, ".funding-notice")))
        english = one(self.get("/en/"), "footer")
        self.assertIn("co-financed by the European Union", text_of(one(english, ".funding-notice")))
        logos = [
            [img["alt"] for img in select(page, ".funding-notice__logos img")]
            for page in (footer, english)
        ]
        self.assertEqual(
            logos,
            [  # the programme's order: Kapitał Ludzki on the left, the EU on the right
                [
                    "Kapitał Ludzki – Narodowa Strategia Spójności",
                    "Unia Europejska, Europejski Fundusz Społeczny",
                ],
                [
                    "Human Capital – National Cohesion Strategy",
                    "European Union, European Social Fund",
                ],
            ],
        )
        self.assertIn(
            ("Accessibility statement", "/en/accessibility-statement/"),
            links(english, ".site-footer__links a"),
        )

    def test_the_main_menu_reads_in_the_order_of_the_sites_structure(self):
        polish = ["O projekcie", "Model", "Strefy", "Badania i analizy", "Aktualności"]
        self.assertEqual(top_level_menu(self.get("/pl/")), [*polish, "Wydarzenia", "Kontakt"])
        english = ["About the project", "The model", "Zones", "Research and analyses", "News"]
        self.assertEqual(top_level_menu(self.get("/en/")), [*english, "Events", "Contact"])
        self.assertEqual(len(select(self.get("/en/"), "#main-nav-list details li")), 4)

    def test_every_page_type_renders_in_both_languages_and_links_its_counterpart(self):
        missing = []
        english_locale = Locale.objects.get(language_code="en")
        for model in get_page_models():
            if model is Page:
                continue
            polish = model.objects.live().filter(locale__language_code="pl").first()
            english = polish and polish.get_translation_or_none(english_locale)
            if english is None or not english.live:
                missing.append(model.__name__)
                continue
            polish_url, english_url = polish.get_url(), english.get_url()
            for url, lang, other, other_lang in (
                (polish_url, "pl", english_url, "en"),
                (english_url, "en", polish_url, "pl"),
            ):
                page = self.document(url)
                self.assertEqual(one(page, "html")["lang"], lang, url)
                alternate = one(page, f'link[rel="alternate"][hreflang="{other_lang}"]')
                self.assertEqual(alternate["href"], f"http://testserver{other}", url)
        self.assertEqual(missing, [], "page types without a live Polish and English page")

    def test_the_about_page_shows_the_poll_in_each_language(self):
        polish = self.get("/pl/o-projekcie/")
        self.assertEqual(
            text_of(one(polish, ".poll__question")), "Czy planujesz założyć spółdzielnię socjalną?"
        )
        self.assertIn("Tak, ale za kilka lat", texts(polish, ".poll__choice label"))
        english = self.get("/en/about-the-project/")
        self.assertEqual(
            text_of(one(english, ".poll__question")),
            "Are you planning to found a social cooperative?",
        )
        self.assertIn("Yes, but in a few years", texts(english, ".poll__choice label"))
        english_poll = Poll.objects.get(locale__language_code="en")
        self.assertEqual(one(english, ".poll__form")["action"], f"/en/sonda/{english_poll.pk}/")
        self.assertIn("Why a social cooperative", text_of(one(english, "main")))
        self.assertEqual(
            sorted(Poll.objects.with_total_votes().values_list("total_votes", flat=True)),
            [855, 855],
        )

    def test_projects_partnership_and_contact_exist_in_both_languages(self):
        index = ProjectIndexPage.objects.get(locale__language_code="pl")
        self.assertEqual(len(select(self.get(index.url), ".project-item__title a")), 3)
        english = "/en/about-the-project/projects-carried-out/"
        self.assertEqual(len(select(self.get(english), ".project-item__title a")), 3)
        sieci, muflon = index.projects()[0], index.projects()[2]
        self.assertEqual(sieci.slug, "w-sieci-dobrych-polaczen")
        self.assertEqual(
            (sieci.start_date, sieci.end_date),
            (datetime.date(2013, 12, 31), datetime.date(2015, 11, 30)),
        )
        self.assertEqual(
            (muflon.start_date, muflon.end_date),
            (datetime.date(2007, 1, 1), datetime.date(2008, 8, 31)),
        )
        for url in (
            "/en/about-the-project/projects-carried-out/muflon-partnership/",
            "/en/about-the-project/partnership/",
            "/pl/o-projekcie/projekty-realizowane/w-sieci-dobrych-polaczen/",
            "/pl/o-projekcie/partnerstwo/",
        ):
            self.get(url)
        self.get("/pl/kontakt/")
        labels = [
            label.contents[0].strip() for label in select(self.get("/en/contact/"), "main label")
        ]
        self.assertEqual(labels[:4], ["Name", "E-mail address", "Subject", "Message"])

    def test_the_contact_form_sends_to_the_office_in_the_settings(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/pl/kontakt/",
                {
                    "imie_i_nazwisko": "Jan Kowalski",
                    "email": "jan@example.org",
                    "wiadomosc": "Dzień dobry!",
                    "zgoda": "on",
                },
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(FormSubmission.objects.count(), 1)
        self.assertEqual(mail.outbox[0].to, ["biuro@spoldzielnie.org"])

    def test_every_index_is_set_up_for_editing_and_wagtails_defaults_are_gone(self):
        """The set-up runs after the last index (the success stories come after it)."""
        stories = SuccessStoryIndexPage.objects.get(locale__language_code="pl")
        wtz_editors = Zone.objects.get(slug="wtz", locale__language_code="pl").editor_group
        self.assertTrue(
            GroupPagePermission.objects.filter(
                group=wtz_editors, page=stories, permission__codename="change_page"
            ).exists()
        )
        self.assertFalse(Group.objects.filter(name__in=["Moderators", "Editors"]).exists())
        self.assertFalse(Workflow.objects.filter(name="Moderators approval").exists())

    def test_a_second_run_adds_nothing_and_keeps_what_editors_changed(self):
        project = ProjectSettings.for_site(Site.objects.get(is_default_site=True))
        project.phone = "61 123 45 67"
        project.office_name = ""
        project.save()
        project.partners.filter(name="Konimpex Sp. z o.o.").delete()
        about = StandardPage.objects.get(slug="o-projekcie")
        about.title = "O nas"
        about.save_revision().publish()
        before = counts()

        report = load_demo_content()

        self.assertEqual(counts(), before)
        self.assertIn("Demo content already present; nothing changed.", report)
        home = self.get("/pl/")
        self.assertEqual(top_level_menu(home)[0], "O nas")
        footer = one(home, "footer")
        self.assertIn(("61 123 45 67", "tel:611234567"), links(footer))
        self.assertEqual(select(footer, "address strong"), [])  # the office name stays empty
        self.assertEqual(len(select(footer, ".site-footer__partners li")), 2)

    def test_every_page_type_and_sub_view_is_valid_html_in_both_languages(self):
        """The W3C validator (vnu) finds no error on any page type, its routable sub-views,
        a filtered listing, a report search, site searches (results, a bad filter, "did you
        mean", no results) and the 404 page, in Polish and English: one Java run."""
        addresses = ["/pl/nie-ma-takiej-strony/", "/en/no-such-page/"]
        for model in get_page_models():
            for page in model.objects.live().filter(depth__gt=1).order_by("path")[:1]:
                for each in page.get_translations(inclusive=True).live().specific():
                    tails = list(page_subviews(each).values())[:SUB_VIEWS_PER_PAGE]
                    addresses += [each.url + tail for tail in tails]
        research = ResearchIndexPage.objects.live().get(locale__language_code="pl")
        addresses.append(f"{research.url}?q=spółdzielnia&zone=wtz")
        news = NewsIndexPage.objects.live().get(locale__language_code="en")
        addresses.append(f"{news.url}?zone=wtz&page=1")
        addresses += ["/pl/szukaj/?q=zrodla+finansowania", "/en/search/?q=cooperative&kind=x"]
        addresses += ["/pl/szukaj/?q=spoldzielnai", "/en/search/?q=qqqxyz"]
        pages = {url: self.html(url) for url in addresses}
        self.assertGreater(len(pages), 50)
        self.assertEqual(validation_errors(pages), [])

    def test_english_pages_mark_every_polish_name_or_quotation_with_lang_pl(self):
        """Every text node of every English page in the sitemap is English, or inside an
        element with lang="pl" (the language switcher's own links are): Polish sentences
        left unmarked are read aloud with English pronunciation."""
        pages = self.sitemap_pages("en")
        self.assertGreater(len(pages), 40)
        found = [
            f"{path}: {text}" for path in pages for text in unmarked_polish(self.document(path))
        ]
        report = [f"{len(found)} Polish texts without lang=pl:", *found]
        self.assertEqual(found, [], "\n".join(report))

    def test_no_public_page_shows_stand_in_addresses_or_demo_labels(self):
        """No page of either sitemap names an example.org/.com address or says "demo"."""
        found = []
        for language in ("pl", "en"):
            for path, html in self.sitemap_pages(language).items():
                found += [f"{path}: {match[0]}" for match in STAND_INS.finditer(html)]
                visible = text_of(one(self.document(path), "body"))
                found += [f"{path}: demo" for _ in re.findall(r"\bdemo\b", visible, re.I)]
        self.assertEqual(found, [], "\n".join(found))

    def test_every_event_is_on_a_polish_working_day_within_office_hours(self):
        events = EventPage.objects.filter(locale__language_code="pl")
        self.assertGreater(events.count(), 5)
        for event in events:
            start, end = timezone.localtime(event.start), timezone.localtime(event.end)
            self.assertTrue(is_working_day(start.date()), f"{event.title}: {start:%A %d %B}")
            self.assertEqual(start.date(), end.date(), event.title)
            self.assertTrue(start.hour >= 8 and end.hour <= 17, f"{event.title}: {start}–{end}")

    def test_the_results_page_counts_the_demo_data(self):
        confirmed = Registration.objects.filter(status="confirmed")
        people = confirmed.aggregate(total=Sum("people"))["total"]
        reports = ReportPage.objects.live().filter(locale__language_code="pl").count()

        page = self.get("/pl/rezultaty-projektu/")

        self.assertEqual(text_of(one(page, 'dd[data-figure="attendees"]')), public_count(people))
        self.assertEqual(
            text_of(one(page, 'dd[data-figure="reports_published"]')), public_count(reports)
        )
