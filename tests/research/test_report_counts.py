"""The listing's counts come from one grouped query, cached without text (search.ReportGroups):
a report that leaves the listing, or changes its zones, leaves the results and every count on
the very next search, whatever way Wagtail makes the change."""

import datetime

import pytest

from wagtail.models import PageViewRestriction

from portal.research.search import ReportQuery, database_report_search
from tests.factories import ResearchIndexPageFactory
from tests.research.conftest import report

# The factory's dates follow its sequence, which runs on through the whole session: the year
# facet is asserted for reports dated here.
IN_2025 = datetime.date(2025, 6, 2)


def listing(library, **filters):
    results = database_report_search().search(ReportQuery(locale=library.locale, **filters))
    return sorted(hit.report.title for hit in results.hits), results.total, results.facets


@pytest.fixture
def private_library(home):
    """A second research index behind a password: its reports are not public."""
    page = ResearchIndexPageFactory(parent=home, slug="badania-wewnetrzne")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
    )
    return page


@pytest.mark.parametrize("change", ["unpublish", "move", "delete"])
def test_a_report_that_leaves_leaves_the_results_and_counts_at_once(
    library, private_library, zones, change
):
    report(library, "Zostaje", [zones["wtz"]], kind="research", publication_date=IN_2025)
    leaving = report(
        library,
        "Odchodzi",
        [zones["wtz"], zones["biznes"]],
        kind="analysis",
        publication_date=IN_2025,
    )
    assert listing(library) == (
        ["Odchodzi", "Zostaje"],
        2,
        {
            "zone": {"wtz": 2, "biznes": 1},
            "kind": {"research": 1, "analysis": 1},
            "year": {2025: 2},
            "language": {},
        },
    )
    if change == "unpublish":
        leaving.unpublish()
    elif change == "move":
        leaving.move(private_library, pos="last-child")
    else:
        leaving.delete()

    assert listing(library) == (
        ["Zostaje"],
        1,
        {"zone": {"wtz": 1}, "kind": {"research": 1}, "year": {2025: 1}, "language": {}},
    )
    assert listing(library, zone="biznes")[:2] == ([], 0)


def test_a_report_given_other_zones_is_counted_in_them_at_once(library, zones):
    moving = report(library, "Raport", [zones["wtz"]])
    assert listing(library)[2]["zone"] == {"wtz": 1}

    moving.zones = [zones["biznes"]]
    moving.save_revision().publish()

    titles, total, facets = listing(library, zone="biznes")
    assert (titles, total, facets["zone"]) == (["Raport"], 1, {"biznes": 1})
    assert listing(library, zone="wtz")[:2] == ([], 0)
