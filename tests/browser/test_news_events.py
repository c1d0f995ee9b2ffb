"""News and events in a real browser: listings, filters, an event's calendar file, the
printed event, the archive, the home page with both, and axe on every page visited.

One test builds the site once and checks each behaviour in a subtest of its own (a failure
names the behaviour): building the page tree and resetting the database after a live-server
test cost more than the page loads, so the module pays them once."""

import datetime
import re
from pathlib import Path

import pytest
import wagtail_factories
from icalendar import Calendar
from playwright.sync_api import expect

from portal.events.models import EventPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    translate,
    warsaw,
)

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

WEBINAR = "Webinar: spółdzielnia socjalna krok po kroku"


@pytest.fixture
def events(site, zones):
    """Upcoming events for different zones (a webinar with its join link, a conference, a
    meeting in Poznań and a cancelled one in Piła), one past meeting; English too."""
    index = EventIndexPageFactory(parent=site)
    translate(index, title="Events", slug="events")
    EventPageFactory(
        parent=index, title=WEBINAR, slug="webinar", kind=EventPage.Kind.WEBINAR,
        attendance=EventPage.Attendance.ONLINE, online_platform="Zoom",
        join_url="https://example.org/webinar-spoldzielnia", venue_name="", street="",
        postcode="", city="", zones=[zones["wtz"], zones["biznes"]],
    )  # fmt: skip
    EventPageFactory(
        parent=index, title="Konferencja podsumowująca", slug="konferencja",
        kind=EventPage.Kind.CONFERENCE, start=warsaw(days=45, hour=9),
        zones=[zones["samorzady"], zones["biznes"]],
    )  # fmt: skip
    poznan = EventPageFactory(
        parent=index, title="Spotkanie w Poznaniu", slug="spotkanie-poznan",
        registration_opens=warsaw(days=-3), registration_closes=warsaw(days=5),
        zones=[zones["wtz"]],
    )  # fmt: skip
    translate(poznan, title="Meeting in Poznań", slug="meeting-poznan")
    EventPageFactory(
        parent=index, title="Spotkanie w Pile", slug="spotkanie-pila",
        status=EventPage.Status.CANCELLED, zones=[zones["samorzady"]],
    )  # fmt: skip
    EventPageFactory(
        parent=index, title="Spotkanie w Lesznie", start=warsaw(days=-30), zones=[zones["wtz"]]
    )
    return index


@pytest.fixture
def news(site, zones):
    """Articles from 2025 and 2026, one of them for the WTZ zone and in English."""
    index = NewsIndexPageFactory(parent=site)
    translate(index, title="News", slug="news")
    for day in (datetime.date(2025, 3, 1), datetime.date(2025, 11, 20)):
        NewsPageFactory(parent=index, date=day)
    article = NewsPageFactory(
        parent=index, title="Strategia wdrażania obroniona", slug="strategia-wdrazania-obroniona",
        date=datetime.date(2026, 1, 15), zones=[zones["wtz"]],
    )  # fmt: skip
    translate(article, title="Implementation strategy approved",
              slug="implementation-strategy-approved")  # fmt: skip
    return index


def test_news_and_events_in_a_browser(news, events, behaviours):
    """The behaviours below, one subtest each, on one site and one browser tab."""
    behaviours(
        visitor_filters_events_by_zone_opens_one_and_downloads_its_ics,
        news_and_event_pages_pass_axe_and_reflow,
        a_printed_event_shows_date_place_and_address_without_menu_or_form,
        visitor_reads_the_archive_of_a_year,
        home_page_with_zones_news_and_events_passes_axe_in_both_languages,
    )


def visitor_filters_events_by_zone_opens_one_and_downloads_its_ics(page, visit):
    """The webinar and the conference are the business zone's; the webinar's calendar file
    does not give away its join link."""
    visit(page, "/pl/wydarzenia/")
    page.select_option("#id_zone", "biznes")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(re.compile(r"zone=biznes"))
    items = page.locator(".event-item")
    expect(items).to_have_count(2)  # the webinar and the conference; the rest are for others
    assert_accessible(page)
    page.get_by_role("link", name=WEBINAR).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WEBINAR)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Dodaj do kalendarza (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == WEBINAR
    assert "example.org/webinar" not in str(event["description"])


NEWS_AND_EVENT_PAGES = [
    "/pl/aktualnosci/",
    "/pl/aktualnosci/strategia-wdrazania-obroniona/",
    "/en/news/implementation-strategy-approved/",
    "/pl/wydarzenia/",
    "/pl/wydarzenia/minione/",
    "/pl/wydarzenia/spotkanie-poznan/",
    "/pl/wydarzenia/spotkanie-pila/",
    "/en/events/meeting-poznan/",
    "/pl/strefa-wtz/aktualnosci/",
    "/pl/strefa-wtz/wydarzenia/",
]
# Each page type of the list above once, for axe on the phone's layout too (its menu and
# columns): a translation, a cancelled event or the past events are the same templates.
ONE_PAGE_OF_EACH_TYPE = {
    "/pl/aktualnosci/",
    "/pl/aktualnosci/strategia-wdrazania-obroniona/",
    "/pl/wydarzenia/",
    "/pl/wydarzenia/spotkanie-poznan/",
    "/pl/strefa-wtz/aktualnosci/",
    "/pl/strefa-wtz/wydarzenia/",
}
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 320, "height": 900}


def news_and_event_pages_pass_axe_and_reflow(page, visit):
    """Each page passes axe at 1280 px, then, narrowed to 320 px as WCAG's reflow has it
    (the same load), does not scroll sideways; one page of each type passes axe there too."""
    for path in NEWS_AND_EVENT_PAGES:
        page.set_viewport_size(DESKTOP)
        visit(page, path)
        page.set_viewport_size(PHONE)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= PHONE["width"], (
            f"{path} scrolls sideways at 320px ({scroll_width}px)"
        )
        if path in ONE_PAGE_OF_EACH_TYPE:
            assert_accessible(page)
    page.set_viewport_size(DESKTOP)


def a_printed_event_shows_date_place_and_address_without_menu_or_form(page, live_server):
    """On paper, an event keeps its facts and drops the menu, the search and the form."""
    page.goto(live_server.url + "/pl/wydarzenia/spotkanie-poznan/")
    expect(page.locator(".registration__form")).to_be_visible()  # on screen, the form is there
    page.emulate_media(media="print")
    for chrome in (".main-nav", ".breadcrumbs", ".site-search", ".registration__form"):
        expect(page.locator(chrome)).to_be_hidden()
    facts = page.locator(".event__facts")
    expect(facts.locator("time").first).to_be_visible()
    expect(facts.locator("address")).to_have_text(re.compile(r"ul\. Chłapowskiego 15/1.*Poznań"))
    expect(page.get_by_role("link", name="Dodaj do kalendarza (.ics)")).to_be_hidden()
    page.emulate_media(media="screen")


def visitor_reads_the_archive_of_a_year(page, visit):
    """The archive's year link lists that year's news only."""
    visit(page, "/pl/aktualnosci/")
    archive = page.locator(".archive a").first
    year = archive.inner_text()
    archive.click()
    expect(page).to_have_url(re.compile(rf"year={year}"))
    expect(page.locator("#id_year")).to_have_value(year)
    for date in page.locator(".news-item time").all():
        assert date.get_attribute("datetime").startswith(year)


def home_page_with_zones_news_and_events_passes_axe_in_both_languages(page, visit, site):
    """The home page with its photo, zone cards, news and events, in Polish and English."""
    photo = wagtail_factories.ImageFactory()
    for home in site.get_translations(inclusive=True).specific():
        home.hero_image = photo
        home.hero_image_alt = "Uczestnicy warsztatu przy pracy w piekarni"
        home.save_revision().publish()
    for path in ["/pl/", "/en/"]:
        visit(page, path)
        expect(page.locator(".zone-card")).to_have_count(4)
        expect(page.locator(".hero__image")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Implementation strategy approved")
