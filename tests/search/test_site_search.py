"""The site search as a visitor meets it: /pl/szukaj/ and /en/search/, the box in every
page's header, results across page types, documents and the model's steps, in the
visitor's language, with facets, excerpts (a PDF's page), "did you mean", pagination,
editors' picks, the suggestions behind the box, and bad input that never fails."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from portal.search.entries import PDF_WORDS_PER_DOCUMENT, pdf_words, rebuild
from portal.search.forms import clean_query_text
from portal.search.models import SearchEntry, SearchTerm, refresh_vectors
from portal.search.search import DatabaseSiteSearch, SiteQuery, database_site_search
from tests.conftest import OwnMediaTestCase, make_home, make_locales
from tests.factories import (
    DocumentFactory,
    HandbookPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
    StandardPageFactory,
    ZoneFactory,
    pdf_document,
    translate,
)
from tests.html import one, select, text_of, texts

pytestmark = pytest.mark.indexed

RESULT_TITLES = ".search-result__title a"


def titles(response):
    return texts(response, RESULT_TITLES)


BAD_INPUT = [
    "a" * 5000,
    "spółdzielnia " * 300,
    'AND OR NOT "unbalanced',
    "title:(x OR y) AND *:* ~2 ^3 [1 TO 5] {a} /re.*gex/",
    '{"query": {"match_all": {}}}',
    "zrodla\x00finansowania",
    "\x00\x00",
    "' OR 1=1; --",
    "!@#$%^&*()",
    "😀 ∑ ٣",
    "",
]


class TestSiteSearch(OwnMediaTestCase):
    """A small site built once: a news item, a report with a PDF, the model with its steps,
    a standard page, a document, and an English page."""

    @classmethod
    def setUpTestData(cls):
        make_locales()
        cls.home = make_home()
        # From the database: publishing the translation gave it its address (url_path).
        cls.home_en = translate(cls.home, title="Portal WTZ", slug="home")
        cls.home_en.refresh_from_db()
        cls.wtz = ZoneFactory(slug="wtz", name="Strefa WTZ")
        news_index = NewsIndexPageFactory(parent=cls.home)
        cls.news = NewsPageFactory(
            parent=news_index,
            title="Źródła finansowania spółdzielni",
            lead="Skąd spółdzielnia socjalna bierze pieniądze na start.",
            date=datetime.date(2024, 5, 6),
        )
        cls.news.zones = [cls.wtz]
        cls.news.save_revision().publish()
        library = ResearchIndexPageFactory(parent=cls.home)
        cls.pdf = pdf_document("Raport w PDF", ["Wstęp."] * 60 + ["Tu są bariery lokalowe."])
        cls.report = ReportPageFactory(
            parent=library,
            title="Analiza współpracy",
            publication_date=datetime.date(2023, 3, 1),
        )
        cls.report.files = [("document", cls.pdf)]
        cls.report.save_revision().publish()
        cls.handbook = HandbookPageFactory(parent=cls.home, steps=3)
        cls.standard = StandardPageFactory(
            parent=cls.home, title="O projekcie", intro="Spółdzielnia."
        )
        cls.document = DocumentFactory(
            title="Wzór statutu", description="Statut spółdzielni socjalnej do pobrania."
        )
        cls.english = StandardPageFactory(
            parent=cls.home_en,
            title="Funding sources",
            intro="Where a cooperative finds money.",
            locale=Locale.objects.get(language_code="en"),
        )
        for number in range(12):
            StandardPageFactory(parent=cls.home, title=f"Warsztat {number}", intro="Rzemiosło.")
        rebuild()

    def search(self, path="/pl/szukaj/", **params):
        return self.client.get(path, params)

    def test_words_without_diacritics_find_the_page_and_mark_them(self):
        response = self.search(q="zrodla finansowania")
        assert response.status_code == 200
        assert titles(response) == ["Źródła finansowania spółdzielni"]
        assert texts(response, ".search-result__kind") == ["Artykuły"]

    def test_a_word_in_a_pdf_shows_its_passage_and_page_number(self):
        response = self.search(q="bariery lokalowe", kind="research.reportpage")
        assert titles(response) == ["Analiza współpracy"]
        excerpt = one(response, ".search-result__excerpt")
        assert [text_of(mark) for mark in excerpt.select("mark")] == ["bariery", "lokalowe"]
        page = len(self.pdf.pages())
        assert page > 1
        assert (
            text_of(excerpt.select_one(".search-result__where")) == f"(Raport w PDF, strona {page})"
        )

    def test_a_step_of_the_model_leads_to_its_own_address(self):
        response = self.search(q="opis kroku", kind="handbook.step")
        found = dict(
            zip(titles(response), [a["href"] for a in select(response, RESULT_TITLES)], strict=True)
        )
        assert found["Krok 2: Tytuł kroku 2"] == f"{self.handbook.url}krok-2/"
        assert len(found) == 3

    def test_documents_are_found_with_their_description(self):
        response = self.search(q="statut")
        assert titles(response) == ["Wzór statutu"]
        assert one(response, RESULT_TITLES)["href"] == self.document.url

    def test_an_english_visitor_gets_english_results(self):
        response = self.search("/en/search/", q="funding")
        assert response.status_code == 200
        assert titles(response) == ["Funding sources"]
        assert self.search(q="funding").status_code == 200
        assert titles(self.search(q="funding")) == []

    def test_facets_count_by_type_zone_and_year_and_filter(self):
        response = self.search(q="spoldzielni")
        kinds = texts(response, "#id_kind option")
        assert "Artykuły (1)" in kinds
        assert "Dokumenty (1)" in kinds
        assert texts(response, "#id_zone option") == ["Wszystkie strefy", "Strefa WTZ (1)"]
        assert "2024 (1)" in texts(response, "#id_year option")
        filtered = self.search(q="spoldzielni", zone="wtz")
        assert titles(filtered) == ["Źródła finansowania spółdzielni"]

    def test_a_misspelt_word_gets_a_did_you_mean_link(self):
        response = self.search(q="finansowanai")
        link = one(response, ".search-suggestion a")
        assert text_of(link) == "finansowania"
        assert titles(self.client.get(f"/pl/szukaj/{link['href']}")) == [
            "Źródła finansowania spółdzielni"
        ]

    def test_did_you_mean_offers_the_word_as_written_with_its_diacritics(self):
        response = self.search(q="spółdzielnai")
        link = one(response, ".search-suggestion a")
        assert text_of(link) == "spółdzielni"
        assert "Źródła finansowania spółdzielni" in titles(
            self.client.get(f"/pl/szukaj/{link['href']}")
        )

    def test_a_misspelt_word_found_only_in_a_pdf_gets_a_suggestion(self):
        response = self.search(q="lokalowwe")
        link = one(response, ".search-suggestion a")
        assert text_of(link) == "lokalowe"
        assert "Analiza współpracy" in titles(self.client.get(f"/pl/szukaj/{link['href']}"))

    def test_nothing_found_says_what_to_try(self):
        response = self.search(q="xyzzyqwerty")
        assert response.status_code == 200
        assert texts(response, ".results-count") == ["0 wyników dla „xyzzyqwerty”"]
        assert select(response, ".search-empty li")

    def test_a_private_or_unpublished_page_is_not_found(self):
        PageViewRestriction.objects.create(
            page=self.standard, restriction_type="password", password="x"
        )
        self.news.unpublish()
        assert titles(self.search(q="projekcie")) == []
        assert titles(self.search(q="zrodla")) == []

    def test_a_collection_made_private_hides_its_documents_at_once(self):
        private = Collection.get_first_root_node().add_child(name="Dla zespołu")
        inner = private.add_child(name="Umowy")
        DocumentFactory(title="Regulamin pracowni", collection=inner)
        assert titles(self.search(q="regulamin")) == ["Regulamin pracowni"]
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        assert titles(self.search(q="regulamin")) == []
        restriction.delete()
        assert titles(self.search(q="regulamin")) == ["Regulamin pracowni"]

    def test_publishing_a_page_puts_it_in_the_index(self):
        page = StandardPageFactory(parent=self.home, title="Nowa strona o rękodziele", live=False)
        assert titles(self.search(q="rekodziele")) == []
        page.save_revision().publish()
        assert titles(self.search(q="rekodziele")) == ["Nowa strona o rękodziele"]

    def test_editors_pick_comes_first_and_the_query_is_counted(self):
        SearchPromotion.objects.create(
            query=Query.get("statut"), page=self.standard, description="Polecamy.", sort_order=0
        )
        response = self.search(q="statut")
        assert texts(response, ".search-promotions h3") == ["O projekcie"]
        assert Query.get("statut").hits == 1

    def test_suggestions_give_the_first_results_and_their_count(self):
        answer = self.client.get("/pl/szukaj/podpowiedzi/", {"q": "zrodla"}).json()
        assert answer["count"] == 1
        assert answer["results"] == [
            {"title": "Źródła finansowania spółdzielni", "url": self.news.url, "kind": "Artykuły"}
        ]
        assert answer["message"] == "1 wynik"

    def test_every_page_has_a_plain_search_form_in_its_language(self):
        for path, action in [
            ("/pl/", "/pl/szukaj/"),
            ("/en/", "/en/search/"),
            (self.news.url, "/pl/szukaj/"),
        ]:
            form = one(self.client.get(path), "header form.site-search")
            assert form["action"] == action
            assert form["method"] == "get"
            assert one(form, "input[type=search]")["name"] == "q"

    def test_results_come_ten_a_page(self):
        first = self.search(q="rzemioslo")
        assert len(titles(first)) == 10
        second = self.client.get(f"/pl/szukaj/{one(first, '.pagination a[rel=next]')['href']}")
        assert len(titles(second)) == 2
        assert set(titles(first)).isdisjoint(titles(second))

    def test_bad_queries_get_results_or_a_no_results_page(self):
        for typed in BAD_INPUT:
            response = self.search(q=typed)
            assert response.status_code == 200, typed
            assert select(response, "main h1")
            if typed.startswith("zrodla"):
                assert titles(response) == ["Źródła finansowania spółdzielni"]
            suggestions = self.client.get("/pl/szukaj/podpowiedzi/", {"q": typed})
            assert suggestions.status_code == 200, typed

    def test_a_filter_value_we_do_not_know_is_a_400_with_its_message(self):
        response = self.search(q="zrodla", year="dwa tysiące", kind="<script>")
        assert response.status_code == 400
        assert select(response, "#id_year-error")
        assert titles(response) == ["Źródła finansowania spółdzielni"]


class TestQueryCount(TestCase):
    """The results page asks the database a fixed number of times, however many entries
    the index holds."""

    @classmethod
    def setUpTestData(cls):
        make_locales()
        cls.home = make_home()

    def queries_with(self, count, params, shown=10):
        """Queries of the results page over `count` entries, as many vocabulary words and a
        few editors' picks for the query (the third request: the first two fill caches)."""
        polish = Locale.objects.get(language_code="pl")
        SearchEntry.objects.all().delete()
        SearchEntry.objects.bulk_create(
            SearchEntry(
                locale=polish,
                kind="document",
                title=f"Wspólne {number}",
                url=f"/documents/{number}/",
                text="Wspólne słowo.",
                search_text="wspolne slowo",
                year=2020 + number % 5,
                zones=",wtz,",
            )
            for number in range(count)
        )
        refresh_vectors(SearchEntry.objects.all())
        # "wspolne" unknown, "wspolny" close: "did you mean" searches the whole vocabulary.
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(
            [SearchTerm(locale=polish, word="wspolny", spelling="wspólny")]
            + [
                SearchTerm(
                    locale=polish,
                    word=f"wzor{chr(97 + n // 676)}{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}",
                )
                for n in range(count)
            ]
        )
        Query.objects.all().delete()
        for order in range(1 if count < 100 else 3):
            SearchPromotion.objects.create(
                query=Query.get("wspolne"), page=self.home, description="Pilne.", sort_order=order
            )
        for _warm in range(2):  # the header and footer then come from the cache
            self.client.get("/pl/szukaj/", params)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/pl/szukaj/", params)
        assert len(texts(response, f"ol.search-results {RESULT_TITLES}")) == shown
        return len(queries), response

    def test_same_number_of_queries_for_10_and_1000_entries(self):
        few, _response = self.queries_with(10, {"q": "wspolne"})
        many, _response = self.queries_with(1000, {"q": "wspolne"})
        assert few == many

    def test_facets_suggestion_and_picks_cost_the_same_for_few_and_many(self):
        params = {"q": "wspolne", "kind": "document", "zone": "wtz"}
        few, response = self.queries_with(25, params)
        many, response = self.queries_with(1000, params)
        assert few == many
        assert text_of(one(response, ".search-suggestion a")) == "wspólny"
        assert len(select(response, ".search-promotions h3")) == 3
        assert "Dokumenty (1000)" in texts(response, "#id_kind option")

    def test_the_second_page_costs_the_same_for_few_and_many(self):
        params = {"q": "wspolne", "kind": "document", "zone": "wtz", "page": 2}
        few, response = self.queries_with(25, params)
        many, response = self.queries_with(1000, params)
        assert few == many
        assert text_of(one(response, ".search-suggestion a")) == "wspólny"
        assert one(response, ".pagination a[rel=prev]")


def test_a_pdf_gives_the_vocabulary_only_its_most_frequent_longer_words():
    """However long the report, "did you mean" learns a bounded number of its words."""
    rare = " ".join(
        f"rzadkie{chr(97 + n // 676)}{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}"
        for n in range(PDF_WORDS_PER_DOCUMENT + 100)
    )
    text = "Ośrodek ośrodek ma tu " * 3 + rare + " rzadkieaaa"
    words = {folded for folded, _written in pdf_words(text)}
    assert "osrodek" in words
    assert {"ma", "tu"}.isdisjoint(words)
    assert "rzadkieaaa" in words  # said twice: among the most frequent
    assert len(words) == PDF_WORDS_PER_DOCUMENT


@pytest.mark.django_db
def test_a_moved_page_is_found_at_its_new_address(home):
    news_index = NewsIndexPageFactory(parent=home)
    page = StandardPageFactory(parent=home, title="Przeprowadzka")
    page.save_revision().publish()
    page.move(news_index, pos="last-child")
    assert SearchEntry.objects.get(page=page).url == f"/pl/aktualnosci/{page.slug}/"


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(alphabet=st.characters(codec=None, exclude_categories=["Cs"]), max_size=300))
def test_any_text_is_searched_without_error(locales, typed):
    """Whatever the visitor types reaches the database as words, never as syntax (the
    read-only search leaves nothing behind between examples)."""
    typed = clean_query_text(typed)
    for engine in (database_site_search(), DatabaseSiteSearch()):
        results = engine.search(SiteQuery(locales["pl"], text=typed))
        assert results.total == 0
