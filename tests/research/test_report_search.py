"""Finding reports: facets, words inside PDFs, diacritics, bad input, query counts."""

import pytest
from pytest_django.asserts import assertInHTML

from django.utils import translation

from portal.research.search import ReportQuery, database_report_search
from tests.factories import pdf_document
from tests.html import one, text_of, texts
from tests.research.conftest import listed_report, report

# SQLite searches the folded text, PostgreSQL its tsvector (portal/research/search.py): the
# same tests run on both (`sqlite`).
pytestmark = [pytest.mark.django_db, pytest.mark.smoke, pytest.mark.sqlite, pytest.mark.indexed]


def titles(html):
    """The titles of the listed reports, in order."""
    return texts(html, ".report-item__title a")


def test_kind_counts_with_a_zone_filter_equal_the_matching_reports(client, library, zones):
    report(library, "A", [zones["wtz"]], kind="research")
    report(library, "B", [zones["wtz"]], kind="research")
    report(library, "C", [zones["wtz"]], kind="analysis")
    report(library, "D", [zones["biznes"]], kind="research")
    html = client.get(library.url + "?zone=wtz").content.decode()
    assert sorted(titles(html)) == ["A", "B", "C"]
    assertInHTML('<option value="research">Raport z badań (2)</option>', html)
    assertInHTML('<option value="analysis">Analiza (1)</option>', html)
    # the zone counts take the other filters into account, not the zone filter itself
    assertInHTML('<option value="biznes">Strefa biznes (1)</option>', html)
    with_kind = client.get(library.url + "?zone=wtz&kind=analysis").content.decode()
    assert titles(with_kind) == ["C"]
    assertInHTML('<option value="wtz" selected>Strefa wtz (1)</option>', with_kind)


def test_a_word_only_in_the_pdf_finds_the_report_with_an_excerpt_and_page(client, library):
    pdf = pdf_document(
        "Raport o lokalach",
        ["Wstęp bez niczego szczególnego."] * 60 + ["Tu są bariery lokalowe w gminach."],
    )
    assert pdf.page_count >= 2
    report(library, "Raport o współpracy", files=[pdf])
    report(library, "Inny raport")
    html = client.get(library.url + "?q=lokalowe").content.decode()
    assert titles(html) == ["Raport o współpracy"]
    excerpt = one(html, "p.report-item__excerpt")
    assert texts(excerpt, "mark") == ["lokalowe"]
    assert f"strona {pdf.page_count}" in text_of(one(excerpt, ".report-item__where"))


def test_an_unpublished_report_is_never_found(client, library):
    hidden = report(library, "Ukryty raport", abstract="Zawiera słowo tajemnica.")
    hidden.unpublish()
    html = client.get(library.url + "?q=tajemnica").content.decode()
    assert titles(html) == []
    assert titles(client.get(library.url)) == []


def test_search_ignores_diacritics_and_case(client, library, subtests):
    """One library for the three spellings (a subtest each)."""
    report(library, "Źródła finansowania spółdzielni")
    report(library, "Coś innego")
    for typed in ["zrodla", "ŹRÓDŁA", "Źródła finansowania"]:
        with subtests.test(typed=typed):
            html = client.get(library.url, {"q": typed}).content.decode()
            assert titles(html) == ["Źródła finansowania spółdzielni"]


def test_bad_input_never_breaks_the_listing(client, library, subtests):
    """One library for every bad address (a subtest each)."""
    report(library, "Jedyny raport")
    for query, status in BAD_INPUT:
        with subtests.test(query=query[:60]):
            assert client.get(library.url + query).status_code == status


BAD_INPUT = [
    ("?page=abc", 404),
    ("?page=999", 404),
    ("?page=%C2%B2", 404),
    ("?page=99999999999999999999999", 404),
    ("?q=%00", 200),
    ("?year=xyz", 400),
    ("?zone=nie-ma", 400),
    ("?kind=powiesc", 400),
    ("?q=" + "a" * 2000, 200),
    ("?q=%27%20OR%201%3D1%3B%20DROP%20TABLE%20x%3B--", 200),
    ("?q=title:%22x%22%20AND%20(a%20OR%20b)~2%5E3", 200),
]


def test_zone_page_lists_only_its_reports_and_shows_the_latest(client, library, zones, home):
    from tests.factories import ZonePageFactory

    zone_page = ZonePageFactory(parent=home, zone=zones["wtz"])
    report(library, "Dla WTZ", [zones["wtz"]])
    report(library, "Dla biznesu", [zones["biznes"]])
    sub_view = client.get(zone_page.url + "badania/").content.decode()
    assert titles(sub_view) == ["Dla WTZ"]
    section = one(client.get(zone_page.url), 'section[aria-labelledby="section-reports"]')
    assert titles(section) == ["Dla WTZ"]
    assert "Dla WTZ" in titles(client.get(home.url))


def test_sort_by_relevance_puts_title_matches_first(library):
    report(
        library,
        "Rynek usług",
        abstract="O gastronomii.",
        publication_date=__import__("datetime").date(2024, 1, 1),
    )
    report(
        library,
        "Inny temat",
        abstract="Wspomina rynek.",
        publication_date=__import__("datetime").date(2026, 1, 1),
    )
    newest = database_report_search().search(ReportQuery(locale=library.locale, text="rynek"))
    relevant = database_report_search().search(
        ReportQuery(locale=library.locale, text="rynek", sort="relevance")
    )
    assert [hit.report.title for hit in newest.hits] == ["Inny temat", "Rynek usług"]
    assert [hit.report.title for hit in relevant.hits] == ["Rynek usług", "Inny temat"]


def test_listing_costs_the_same_queries_for_2_and_12_reports(
    client, library, zones, assert_queries_do_not_grow
):
    pdf = pdf_document("Wspólny plik", ["Tekst o spółdzielniach."])
    for number in range(2):
        listed_report(library, f"Raport {number}", [zones["wtz"]], files=[pdf])

    def grow():
        for number in range(10):
            listed_report(library, f"Kolejny {number}", [zones["biznes"]], files=[pdf])

    url = library.url + "?q=spoldzielniach"
    assert_queries_do_not_grow(url, grow)
    assert len(titles(client.get(url).content.decode())) == 10  # a full page, more on the next


def test_each_language_finds_only_its_own_reports(client, library, home_en, locales):
    polish = report(library, "Bariery lokalowe", abstract="Wspólne słowo: spółdzielnia.")
    english_library = library.copy_for_translation(locales["en"])
    english_library.slug = "research"
    english_library.save_revision().publish()
    english = polish.copy_for_translation(locales["en"])
    english.title, english.slug = "Barriers to premises", "barriers-to-premises"
    english.save_revision().publish()

    polish_html = client.get(library.url + "?q=spółdzielnia").content.decode()
    with translation.override("en"):
        english_html = client.get("/en/research/?q=spółdzielnia").content.decode()
    assert titles(polish_html) == ["Bariery lokalowe"]
    assert titles(english_html) == ["Barriers to premises"]
    assert titles(client.get(library.url).content.decode()) == ["Bariery lokalowe"]
