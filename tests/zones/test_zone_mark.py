"""One zone mark per listed item (templates/zones/includes/zone_mark.html): the colour and
name of the item's primary zone, "+N" for the others, whose names a screen reader hears.
The primary zone is the one the visitor is looking at (a zone page, a zone filter), else the
first in the zones' editorial order."""

import datetime

import pytest

from django.utils import translation

from portal.handbook.models import HandbookPage, SuccessStoryIndexPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
    ZoneFactory,
    ZonePageFactory,
)
from tests.handbook.conftest import make_story, publish_child
from tests.html import one, select, text_of

pytestmark = pytest.mark.django_db

NEWER, OLDER = datetime.date(2026, 2, 2), datetime.date(2026, 2, 1)


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


@pytest.fixture
def zones(home):
    """Three zones in editorial order; the business zone has its landing page."""
    found = {
        "wtz": ZoneFactory(slug="wtz", name="Strefa WTZ", sort_order=1, colour="teal"),
        "biznes": ZoneFactory(slug="biznes", name="Strefa Biznesu", sort_order=2, colour="amber"),
        "samorzady": ZoneFactory(
            slug="samorzady", name="Strefa Samorządów", sort_order=3, colour="plum"
        ),
    }
    found["biznes_page"] = ZonePageFactory(parent=home, zone=found["biznes"], slug="strefa-biznesu")
    return found


def three(zones):
    return [zones["wtz"], zones["biznes"], zones["samorzady"]]


def marks(client, url, item_selector):
    """The zone marks of each listed item of `url`: one list of marks per item."""
    response = client.get(url)
    assert response.status_code == 200
    return [select(item, ".zone-mark") for item in select(response, item_selector)]


def the_mark(item_marks):
    """The one mark of an item: its zone's name, its colour class, its "+N" and what a
    screen reader hears."""
    (mark,) = item_marks
    more = mark.select_one(".zone-mark__more")
    return {
        "name": text_of(one(mark, ".zone-mark__name")),
        "colour": [name for name in mark["class"] if name.startswith("zone-mark--")],
        "more": text_of(one(more, "[aria-hidden=true]")) if more else "",
        "heard": text_of(one(more, ".visually-hidden")) if more else "",
    }


def test_an_article_in_three_zones_shows_one_mark_its_first_zone_plus_two(client, home, zones):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Wszędzie", date=NEWER, zones=three(zones))
    NewsPageFactory(parent=index, title="Tylko biznes", date=OLDER, zones=[zones["biznes"]])

    everywhere, business_only = (the_mark(m) for m in marks(client, index.url, "li.news-item"))

    assert everywhere["name"] == "Strefa WTZ"
    assert everywhere["colour"] == ["zone-mark--teal"]
    assert everywhere["more"] == "+2"
    assert everywhere["heard"] == "oraz jeszcze 2 strefy: Strefa Biznesu, Strefa Samorządów"
    assert (business_only["name"], business_only["more"]) == ("Strefa Biznesu", "")


def test_on_a_zone_page_the_zones_own_mark_leads(client, home, zones):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, zones=three(zones))
    zone_page = zones["biznes_page"]

    for url in (zone_page.url, zone_page.url + "aktualnosci/"):
        (mark,) = (the_mark(m) for m in marks(client, url, "li.news-item"))
        assert (mark["name"], mark["colour"], mark["more"]) == (
            "Strefa Biznesu",
            ["zone-mark--amber"],
            "+2",
        )
        assert mark["heard"] == "oraz jeszcze 2 strefy: Strefa WTZ, Strefa Samorządów"


def test_events_reports_and_stories_carry_one_mark_per_item(client, home, zones):
    all_zones = three(zones)
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, zones=all_zones)
    EventPageFactory(parent=events, zones=[zones["samorzady"]])
    research = ResearchIndexPageFactory(parent=home)
    ReportPageFactory(parent=research, zones=all_zones)
    handbook = publish_child(home, HandbookPage(title="Model", slug="model", intro="Model."))
    stories = publish_child(handbook, SuccessStoryIndexPage(title="Sukcesy", slug="sukcesy"))
    make_story(stories, all_zones)

    assert [the_mark(m)["name"] for m in marks(client, events.url, "li.event-item")] == [
        "Strefa WTZ",
        "Strefa Samorządów",
    ]
    # Filtered by a zone, the report's mark names that zone.
    (report,) = marks(client, research.url + "?zone=samorzady", "li.report-item")
    assert (the_mark(report)["name"], the_mark(report)["more"]) == ("Strefa Samorządów", "+2")
    (story,) = marks(client, stories.url, "li.story-card")
    assert the_mark(story)["name"] == "Strefa WTZ"


def test_the_stories_index_names_its_zones_in_a_fixed_number_of_queries(
    home, zones, assert_queries_do_not_grow
):
    handbook = publish_child(home, HandbookPage(title="Model", slug="model", intro="Model."))
    stories = publish_child(handbook, SuccessStoryIndexPage(title="Sukcesy", slug="sukcesy"))
    make_story(stories, [zones["wtz"]], "Pierwsza")

    def grow():
        make_story(stories, [zones["biznes"], zones["samorzady"]], "Druga")
        make_story(stories, three(zones), "Trzecia")

    assert_queries_do_not_grow(stories.url, grow)


def test_the_newest_reports_on_the_home_and_a_zone_page_carry_their_mark(client, home, zones):
    research = ResearchIndexPageFactory(parent=home)
    ReportPageFactory(parent=research, publication_date=NEWER, zones=three(zones))
    ReportPageFactory(parent=research, publication_date=OLDER, zones=[zones["samorzady"]])

    on_home = [the_mark(m) for m in marks(client, home.url, "li.report-item")]
    assert [(mark["name"], mark["more"]) for mark in on_home] == [
        ("Strefa WTZ", "+2"),
        ("Strefa Samorządów", ""),
    ]
    # On the business zone's page its own zone leads the mark of the one report it shares.
    (on_zone,) = marks(client, zones["biznes_page"].url, "li.report-item")
    assert (the_mark(on_zone)["name"], the_mark(on_zone)["more"]) == ("Strefa Biznesu", "+2")


def test_the_home_pages_newest_reports_cost_no_query_a_report(
    home, zones, assert_queries_do_not_grow
):
    research = ResearchIndexPageFactory(parent=home)
    ReportPageFactory(parent=research, zones=[zones["wtz"]])

    def grow():
        ReportPageFactory(parent=research, zones=[zones["biznes"], zones["samorzady"]])
        ReportPageFactory(parent=research, zones=three(zones))

    assert_queries_do_not_grow(home.url, grow)


def test_a_report_and_a_news_article_name_all_their_zones_as_marks_on_their_own_page(
    client, home, zones
):
    report = ReportPageFactory(parent=ResearchIndexPageFactory(parent=home), zones=three(zones))
    article = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), zones=three(zones))

    for page in (report, article):
        page_marks = select(client.get(page.url), ".article__meta .zone-mark")
        assert [text_of(mark) for mark in page_marks] == [
            "Strefa: Strefa WTZ",
            "Strefa: Strefa Biznesu",
            "Strefa: Strefa Samorządów",
        ]
        assert [name for name in page_marks[2]["class"] if name.startswith("zone-mark--")] == [
            "zone-mark--plum"
        ]
