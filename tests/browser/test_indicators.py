"""The indicators as a person sees them: the admin report "Wskaźniki projektu" for a
moderator and the public results page in Polish and English have no axe violation, show
their charts' numbers as tables, and print without navigation or filters and with the whole
table on the paper. One page load per screen; the print view is the same page re-rendered
for print media.

One test builds the data once and checks each screen in a subtest of its own (a failure
names it): building it and resetting the database after a live-server test cost more than
the page loads. The visitor's pages come first, the moderator signs in last."""

import datetime

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from portal.indicators.models import ResultsPage
from tests.factories import EventIndexPageFactory, EventPageFactory, ZoneFactory, translate, warsaw
from tests.indicators.data import register, subscribe
from zones.editing import MODERATORS, set_up_editing

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)
REPORT = "/admin/reports/indicators/"
# The printable width of A4 across, 10 mm margins, in CSS pixels (96 to the inch).
A4_LANDSCAPE = {"width": round(277 / 25.4 * 96), "height": round(190 / 25.4 * 96)}


@pytest.fixture
def project(site):
    """A zone, a meeting held last month with three confirmed registrations, a subscriber,
    and the results page in Polish and English."""
    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    events = EventIndexPageFactory(parent=site)
    meeting = EventPageFactory(parent=events, start=warsaw(days=-30), zones=[zone])
    for institution, kind in [("WTZ Koło", "wtz"), ("Gmina Koło", "gmina"), ("Firma", "business")]:
        register(meeting, "confirmed", institution, kind, people=3)
    subscribe("czytelnik@example.org", "confirmed", [zone], datetime.date.today())
    results = ResultsPage(title="Rezultaty projektu", slug="rezultaty-projektu")
    site.add_child(instance=results)
    results.save_revision().publish()
    translated = translate(results, title="Project results", slug="project-results")
    cache.clear()  # the headlines of the day are counted from this data
    return {"pl": results, "en": translated}


def signed_in(page, live_server, user):
    """The browser carries the session of `user`, without a trip through the login form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def printed_whole(page, selector):
    """In print, the element's content fits its box: no column cut off at the edge."""
    return page.eval_on_selector(selector, "node => node.scrollWidth <= node.clientWidth + 1")


def test_the_indicators_in_a_browser(project, behaviours):
    """The behaviours below, one subtest each, on one project's data."""
    behaviours(
        the_results_page_is_accessible_and_prints_its_figures_in_both_languages,
        the_report_for_a_moderator_is_accessible_and_prints_its_tables_and_charts,
    )


def the_report_for_a_moderator_is_accessible_and_prints_its_tables_and_charts(page, live_server):
    """The admin report shows each chart with its table, and prints without the admin's
    menu and filters, the whole table on A4."""
    set_up_editing()
    moderator = get_user_model().objects.create_user(username="moderacja", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    signed_in(page, live_server, moderator)

    response = page.goto(live_server.url + REPORT)

    assert response.status == 200
    expect(page.get_by_role("heading", name="Wskaźniki projektu", level=1)).to_be_visible()
    for title in ["Uczestnicy spotkań według miesięcy", "Instytucje według rodzaju"]:
        chart = page.locator("figure.bar-chart", has=page.get_by_role("heading", name=title))
        expect(chart.get_by_role("img")).to_be_visible()
        expect(chart.get_by_role("table")).to_be_visible()
    assert_accessible(page)
    menu = page.get_by_role("navigation", name="Główne menu")
    furniture = [menu, page.locator("#filters-drilldown")]
    for navigation in furniture:
        expect(navigation).to_be_visible()
    assert not printed_whole(page, ".indicators-table")  # on the screen, it scrolls

    page.set_viewport_size(A4_LANDSCAPE)
    page.emulate_media(media="print")
    for navigation in furniture:
        expect(navigation).to_be_hidden()
    expect(page.get_by_role("heading", name="Wskaźniki projektu", level=1)).to_be_visible()
    assert printed_whole(page, ".indicators-table")
    expect(page.locator("figure.bar-chart svg").first).to_be_visible()


RESULTS_HEADINGS = {"pl": "Projekt w liczbach", "en": "The project in numbers"}


def the_results_page_is_accessible_and_prints_its_figures_in_both_languages(page, visit, project):
    """The public figures (nine attendees; institutions, fewer than five, hidden), printed
    without the site's furniture, in Polish and English."""
    for language, heading in RESULTS_HEADINGS.items():
        visit(page, project[language].url)
        furniture = [page.locator(found) for found in [".reader-bar", ".site-search", ".subscribe"]]
        for navigation in furniture:
            expect(navigation).to_be_visible()

        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.locator("dd[data-figure=attendees]")).to_have_text("9")
        expect(page.locator("dd[data-figure=institutions]")).to_have_text("< 5")

        page.emulate_media(media="print")
        for navigation in [*furniture, page.locator(".main-nav")]:
            expect(navigation).to_be_hidden()
        expect(page.locator("dd[data-figure=attendees]")).to_be_visible()
        assert printed_whole(page, ".results-figures"), language
        page.emulate_media(media="screen")
