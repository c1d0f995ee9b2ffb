"""The report search at scale: PostgreSQL's full-text search over an unaccented tsvector,
facet counts from grouped queries, and reports made in bulk by `generate_bulk_reports`."""

import datetime
import io

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import TestCase

from wagtail.models import Page

from portal.core.demo_content import demo_pdf
from portal.research.models import ReportPage
from portal.research.search import PostgresReportSearch, ReportQuery, database_report_search
from tests.factories import pdf_document
from tests.html import texts
from tests.research.conftest import listed_report, report
from tests.zones.conftest import listing_query_counts

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("full-text search with tsvectors is PostgreSQL's")


def found(library, text="", sort="newest", **filters):
    results = database_report_search().search(
        ReportQuery(locale=library.locale, text=text, sort=sort, **filters), limit=50
    )
    return [hit.report.title for hit in results.hits]


def titles(response):
    return texts(response.content.decode(), ".report-item__title a")


@pytest.mark.parametrize("typed", ["zrodla", "ŹRÓDŁA", "źródł", "lodzkie zrodla"])
def test_postgres_matches_words_whatever_their_diacritics(postgres, library, typed):
    assert isinstance(database_report_search(), PostgresReportSearch)
    report(library, "Źródła finansowania", abstract="Badanie w województwie łódzkim i łódzkie.")
    report(library, "Zrodla bez ogonkow", abstract="Tekst bez polskich liter: lodzkie.")
    report(library, "Coś innego", abstract="Nic o finansach.")
    assert sorted(found(library, typed)) == ["Zrodla bez ogonkow", "Źródła finansowania"]


def test_postgres_ranks_a_title_match_before_a_match_in_the_text_only(postgres, library):
    report(
        library,
        "Spółdzielnie socjalne w gminach",
        abstract="Raport.",
        publication_date=datetime.date(2023, 1, 1),
    )
    report(
        library,
        "Inny raport",
        abstract="Wspomina spółdzielnie raz.",
        publication_date=datetime.date(2026, 1, 1),
    )
    assert found(library, "spoldzielnie") == ["Inny raport", "Spółdzielnie socjalne w gminach"]
    assert found(library, "spoldzielnie", sort="relevance") == [
        "Spółdzielnie socjalne w gminach",
        "Inny raport",
    ]


def test_a_report_whose_pdf_text_changes_is_found_by_its_new_words(client, postgres, library):
    pdf = pdf_document("Plik", ["Stara wersja mówi o kooperatywie."])
    report(library, "Raport z plikiem", files=[pdf])
    assert found(library, "kooperatywie") == ["Raport z plikiem"]

    pdf.file = ContentFile(demo_pdf("Plik", ["Nowa wersja mówi o ekonomii społecznej."]), "b.pdf")
    with TestCase.captureOnCommitCallbacks(execute=True):
        pdf.save()  # the new file's text is read by a task, which refreshes the report

    assert found(library, "kooperatywie") == []
    assert found(library, "spolecznej ekonomii") == ["Raport z plikiem"]
    assert titles(client.get(library.url, {"q": "społecznej"})) == ["Raport z plikiem"]


def test_facet_counts_follow_the_other_filters(library, zones):
    english = pdf_document("English file", ["Cooperatives."], language="en")
    polish = pdf_document("Polski plik", ["Spółdzielnie."], language="pl")
    wtz, biznes = zones["wtz"], zones["biznes"]
    day = datetime.date
    report(library, "A", [wtz], [english], kind="research", publication_date=day(2024, 3, 1))
    report(library, "B", [wtz, biznes], [english, polish], kind="research",
           publication_date=day(2025, 3, 1))  # fmt: skip
    report(library, "C", [wtz], [polish], kind="analysis", publication_date=day(2025, 6, 1))
    report(library, "D", [biznes], kind="research", publication_date=day(2025, 9, 1))
    report(library, "E", [biznes], kind="analysis", publication_date=day(2023, 1, 1))

    results = database_report_search().search(
        ReportQuery(locale=library.locale, zone="wtz", kind="research")
    )
    assert sorted(hit.report.title for hit in results.hits) == ["A", "B"]
    assert results.total == 2
    # each facet counts the reports that match every filter but its own
    assert results.facets == {
        "zone": {"wtz": 2, "biznes": 2},  # kind=research: A, B, D
        "kind": {"research": 2, "analysis": 1},  # zone=wtz: A, B, C
        "year": {2024: 1, 2025: 1},  # wtz and research: A, B
        "language": {"en": 2, "pl": 1},
    }
    everything = database_report_search().search(ReportQuery(locale=library.locale))
    assert everything.total == 5
    assert everything.facets["year"] == {2023: 1, 2024: 1, 2025: 3}


def test_the_listing_costs_the_same_queries_for_2_and_12_reports(client, library, zones):
    """Each listing (unfiltered, by kind, by zone and year, by words) costs the same
    queries for 2 reports as for 12 (more than a page of 10)."""
    day = datetime.date(2025, 5, 1)
    urls = [library.url + query for query in ("", "?kind=research", "?zone=wtz&year=2025")]
    urls.append(library.url + "?q=raport")
    for number in range(2):
        listed_report(library, f"Raport pierwszy {number}", [zones["wtz"]], publication_date=day)
    before = listing_query_counts(client, urls)
    for number in range(10):
        listed_report(library, f"Raport {number}", [zones["wtz"]], publication_date=day)
    after = listing_query_counts(client, urls)
    assert after == before, f"queries (cold, warm) went from {before} to {after}"
    for url in urls:
        assert len(titles(client.get(url))) == 10, url  # a full page now, more on the next


def test_bulk_reports_are_live_polish_listed_and_found(client, library, zones):
    report(library, "Raport redakcji")
    call_command("generate_bulk_reports", 50, stdout=io.StringIO())

    made = ReportPage.objects.filter(slug__startswith="raport-zbiorczy-")
    assert made.count() == 50
    assert made.live().filter(locale=library.locale).count() == 50  # Polish, as before
    assert not any(Page.find_problems())  # treebeard's paths, depths and child counts agree
    assert {zone.slug for r in made for zone in r.zones.all()} <= {"wtz", "biznes"}
    listing = database_report_search().search(ReportQuery(locale=library.locale))
    assert listing.total == 51
    assert len(titles(client.get(library.url))) == 10
    with_subject = {r.title for r in made if "źródła finansowania" in r.title}
    found_titles = titles(client.get(library.url, {"q": "zrodla finansowania"}))
    assert with_subject and found_titles and set(found_titles) <= with_subject
    assert client.get(made.first().url).status_code == 200
