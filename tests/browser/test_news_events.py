"""News and events in a real browser, on the demo site: listings, filters, an event's
calendar file, and axe on every page visited."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_filters_events_by_zone_opens_one_and_downloads_its_ics(page, visit, demo_site):
    visit(page, "/pl/wydarzenia/")
    page.select_option("#id_zone", "biznes")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(re.compile(r"zone=biznes"))
    items = page.locator(".event-item")
    expect(items).to_have_count(2)  # the webinar and the conference; the rest are for others
    assert_accessible(page)
    page.get_by_role("link", name="Webinar: spółdzielnia socjalna krok po kroku").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Webinar: spółdzielnia socjalna krok po kroku"
    )
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Dodaj do kalendarza (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Webinar: spółdzielnia socjalna krok po kroku"
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


@pytest.mark.parametrize("width", [1280, 320])
def test_news_and_event_pages_pass_axe_and_reflow(page, visit, demo_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in NEWS_AND_EVENT_PAGES:
        visit(page, path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{path} scrolls sideways at {width}px ({scroll_width}px)"


def test_visitor_reads_the_archive_of_a_year(page, visit, demo_site):
    visit(page, "/pl/aktualnosci/")
    archive = page.locator(".archive a").first
    year = archive.inner_text()
    archive.click()
    expect(page).to_have_url(re.compile(rf"year={year}"))
    expect(page.locator("#id_year")).to_have_value(year)
    for date in page.locator(".news-item time").all():
        assert date.get_attribute("datetime").startswith(year)
