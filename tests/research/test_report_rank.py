"""Best match first: reports that name the words in the title come before those that only
mention them in the abstract, and those before reports where only a PDF holds them, however
often and however new. PostgreSQL ranks by a small vector of title and abstract
(models.report_rank_vector), SQLite by the words in the title (search.py)."""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection

from portal.research.search import ReportQuery, database_report_search
from tests.factories import pdf_document
from tests.research.conftest import report

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]

WORDS = "trener pracy"


def best_first(library, text=WORDS, offset=0, limit=10, **filters):
    results = database_report_search().search(
        ReportQuery(locale=library.locale, text=text, sort="relevance", **filters),
        offset=offset,
        limit=limit,
    )
    return [hit.report.title for hit in results.hits]


@pytest.fixture
def pdf_only(library):
    """The newest report, whose PDF says the words again and again, and nothing else
    does."""
    pdf = pdf_document("Notatki", ["Trener pracy wspiera pracownika; trener pracy uczy."] * 8)
    return report(
        library,
        "Notatki z warsztatów",
        abstract="Zapiski z zajęć.",
        files=[pdf],
        publication_date=datetime.date(2026, 6, 1),
    )


@pytest.fixture
def title_match(library):
    """The oldest report, with the words in its title."""
    return report(
        library,
        "Trener pracy w spółdzielni",
        abstract="Rola wspierającego.",
        publication_date=datetime.date(2022, 1, 1),
    )


@pytest.mark.sqlite
def test_a_title_match_comes_before_a_newer_report_that_only_its_pdf_matches(
    library, pdf_only, title_match
):
    assert best_first(library) == ["Trener pracy w spółdzielni", "Notatki z warsztatów"]


def test_postgres_ranks_title_then_abstract_then_pdf_and_follows_a_new_title(
    library, pdf_only, title_match
):
    if connection.vendor != "postgresql":
        pytest.skip("the abstract weighs only in PostgreSQL's rank")
    report(
        library,
        "Wsparcie zatrudnienia",
        abstract="Jak trener pracy pomaga nowym pracownikom.",
        kind="analysis",
        publication_date=datetime.date(2024, 1, 1),
    )
    ranked = ["Trener pracy w spółdzielni", "Wsparcie zatrudnienia", "Notatki z warsztatów"]
    # The first search for the words counts and ranks in one statement, a page of any
    # offset; with the counts cached a search ranks by a query of its own: they agree.
    assert best_first(library) == ranked
    cache.clear()
    assert best_first(library, offset=1, limit=1) == ranked[1:2]
    assert best_first(library) == ranked
    assert best_first(library, kind="research") == [
        title for title in ranked if title != "Wsparcie zatrudnienia"
    ]
    # A new title (an editor's publish) ranks the report by it at once: of two title
    # matches, the newer first.
    pdf_only.title = "Trener pracy: notatki"
    pdf_only.save_revision().publish()
    assert best_first(library) == [
        "Trener pracy: notatki",
        "Trener pracy w spółdzielni",
        "Wsparcie zatrudnienia",
    ]
