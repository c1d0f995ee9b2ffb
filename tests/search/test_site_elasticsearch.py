"""The Elasticsearch implementation of the site search, without a server: the index it
defines, the request it builds, the parsing of a recorded response, and the database
answering while the server is down. A live test runs when ELASTICSEARCH_URL is set."""

import os

import pytest

from django.core.management import call_command
from django.test import override_settings

from portal.core.outages import forget_outages
from portal.search import es
from portal.search.models import SearchEntry
from portal.search.search import SiteQuery
from tests.factories import NewsIndexPageFactory, NewsPageFactory, ZoneFactory
from tests.html import texts

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]

CLOSED_PORT = "http://127.0.0.1:1"  # nothing listens there: the connection is refused


@pytest.fixture
def news(home):
    """A published news item in the WTZ zone (publishing puts it in the site index)."""
    wtz = ZoneFactory(slug="wtz", name="Strefa WTZ")
    page = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home),
        title="Źródła finansowania",
        lead="Skąd spółdzielnia socjalna bierze pieniądze.",
    )
    page.zones = [wtz]
    page.save_revision().publish()
    return page


def test_each_language_has_its_index_with_a_folding_analyser():
    polish, english = es.mapping_body("pl"), es.mapping_body("en")
    assert polish["settings"]["analysis"]["analyzer"]["folding_pl"]["filter"] == [
        "lowercase",
        "asciifolding",
    ]
    assert "porter_stem" in english["settings"]["analysis"]["analyzer"]["folding_en"]["filter"]
    for field in ("title", "text"):
        assert polish["mappings"]["properties"][field]["analyzer"] == "folding_pl"
    assert polish["mappings"]["properties"]["pages"]["type"] == "nested"
    assert polish["mappings"]["properties"]["zones"]["type"] == "keyword"
    assert es.index_name("en") == "portal_wtz_site_en"


def test_request_body_is_fuzzy_filtered_counted_per_facet_and_asks_for_suggestions(locales):
    query = SiteQuery(locales["en"], text='zrodla "finansowaina OR', zone="wtz", kind="document")
    search = es.build(query)._s
    assert search._index == ["portal_wtz_site_en"]
    body = search.to_dict()
    should = body["query"]["bool"]["should"]
    assert should[0]["multi_match"] == {
        "query": "zrodla finansowaina or",
        "fields": ["title^3", "text"],
        "operator": "and",
        "fuzziness": "AUTO",
    }
    assert should[1]["nested"]["path"] == "pages"
    assert should[1]["nested"]["inner_hits"]["highlight"]["fields"]["pages.text"]
    post_filter = body["post_filter"]["bool"]["must"]
    assert {"terms": {"zones": ["wtz"]}} in post_filter
    assert {"terms": {"kind": ["document"]}} in post_filter
    assert body["aggs"]["_filter_kind"]["filter"] == {"terms": {"zones": ["wtz"]}}
    assert set(body["aggs"]) == {"_filter_kind", "_filter_zone", "_filter_year"}
    assert body["suggest"]["did_you_mean"] == {
        "text": "zrodla finansowaina or",
        "term": {"field": "text", "suggest_mode": "missing"},
    }
    assert body["highlight"]["fields"] == {"text": {"fragment_size": 160, "number_of_fragments": 1}}


def recorded_response(entry, stale_id):
    """What Elasticsearch 8 answered to a typo: the news item, and an entry the database no
    longer has (deleted since it was indexed)."""
    return {
        "took": 4,
        "timed_out": False,
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "max_score": 2.1,
            "hits": [
                {
                    "_index": "portal_wtz_site_pl",
                    "_id": str(entry.pk),
                    "_score": 2.1,
                    "_source": {"title": entry.title},
                    "highlight": {
                        "text": ["Skąd <em>spółdzielnia</em> socjalna bierze pieniądze <b>."]
                    },
                },
                {"_index": "portal_wtz_site_pl", "_id": str(stale_id), "_score": 1.0},
            ],
        },
        "aggregations": {
            "_filter_kind": {
                "doc_count": 2,
                "kind": {"buckets": [{"key": "news.newspage", "doc_count": 2}]},
            },
            "_filter_zone": {"doc_count": 2, "zone": {"buckets": [{"key": "wtz", "doc_count": 1}]}},
            "_filter_year": {"doc_count": 2, "year": {"buckets": [{"key": 2026, "doc_count": 2}]}},
        },
        "suggest": {
            "did_you_mean": [
                {"text": "spoldzielnai", "offset": 0, "length": 12, "options": [
                    {"text": "spoldzielnia", "score": 0.83, "freq": 2}
                ]},
            ]
        },
    }  # fmt: skip


def test_recorded_response_gives_results_facets_marks_and_a_suggestion(news, locales):
    entry = SearchEntry.objects.get(page=news)
    query = SiteQuery(locales["pl"], text="spoldzielnai")
    results = es.parse_recorded(query, recorded_response(entry, stale_id=entry.pk + 999))
    assert [hit.entry.title for hit in results.hits] == ["Źródła finansowania"]
    assert results.hits[0].excerpt == (
        "Skąd <mark>spółdzielnia</mark> socjalna bierze pieniądze &lt;b&gt;."
    )
    assert results.total == 2
    assert results.facets == {
        "kind": {"news.newspage": 2},
        "zone": {"wtz": 1},
        "year": {2026: 2},
    }
    assert results.suggestion == "spółdzielnia"  # as written, not as the index folds it


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT)
def test_with_elasticsearch_down_the_database_answers(client, news):
    forget_outages()
    response = client.get("/pl/szukaj/", {"q": "zrodla"})
    assert response.status_code == 200
    assert texts(response, ".search-result__title a") == ["Źródła finansowania"]
    answer = client.get("/pl/szukaj/podpowiedzi/", {"q": "zrodla"}).json()
    assert answer["count"] == 1
    forget_outages()


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="no Elasticsearch server here: set ELASTICSEARCH_URL to run the live test",
)
def test_live_elasticsearch_finds_a_misspelt_word(news, locales, settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    call_command("rebuild_site_search")
    es.connect().indices.refresh(index=es.index_name("pl"))
    results = es.ElasticsearchSiteSearch(fallback=None).search(
        SiteQuery(locales["pl"], text="spoldzielnai")
    )
    assert [hit.entry.title for hit in results.hits] == ["Źródła finansowania"]
