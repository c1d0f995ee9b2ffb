"""The Elasticsearch implementation, without a server: the request it builds, and the
parsing of a recorded response into the same results the database gives. A live test runs
when ELASTICSEARCH_URL is set."""

import contextlib
import logging
import os

import pytest

from django.test import override_settings
from django.utils import translation

from portal.core.outages import forget_outages
from portal.research import es
from portal.research.search import ReportQuery, database_report_search
from tests.factories import ReportPageFactory, ResearchIndexPageFactory, ZoneFactory, pdf_document
from tests.mail_servers import ScriptedServer

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]

CLOSED_PORT = "http://127.0.0.1:1"  # nothing listens there: the connection is refused


@pytest.fixture
def library(home):
    return ResearchIndexPageFactory(parent=home)


@pytest.fixture
def reports(library, locales):
    wtz = ZoneFactory(slug="wtz", name="Strefa WTZ")
    pdf = pdf_document("Plik", ["Wstęp."] * 60 + ["Tu są bariery lokalowe."])
    first = ReportPageFactory(parent=library, title="Bariery we współpracy", kind="analysis")
    first.files = [("document", pdf)]
    first.zones = [wtz]
    first.save_revision().publish()
    second = ReportPageFactory(parent=library, title="Inne bariery", kind="analysis")
    second.zones = [wtz]
    second.save_revision().publish()
    return first, second, pdf


def query(locale, **values):
    return ReportQuery(locale=locale, **values)


def test_request_body_has_the_query_filters_and_one_aggregation_per_facet(locales):
    body = es.build(query(locales["pl"], text="bariery", zone="wtz", kind="analysis"))._s.to_dict()
    must_filter = body["query"]["bool"]["filter"]
    assert {"term": {"locale": "pl"}} in must_filter
    assert {"term": {"live": True}} in must_filter
    should = body["query"]["bool"]["should"]
    assert body["query"]["bool"]["minimum_should_match"] == 1
    assert should[0]["multi_match"]["fields"] == ["title^3", "abstract^2", "body", "authors"]
    assert should[1]["nested"]["path"] == "pages"
    assert "highlight" in should[1]["nested"]["inner_hits"]
    post_filter = body["post_filter"]["bool"]["must"]
    assert {"terms": {"zone": ["wtz"]}} in post_filter
    assert {"terms": {"kind": ["analysis"]}} in post_filter
    # each facet is counted with the other filters, not its own
    kind_filter = body["aggs"]["_filter_kind"]["filter"]
    assert kind_filter == {"terms": {"zone": ["wtz"]}}
    assert body["aggs"]["_filter_kind"]["aggs"]["kind"]["terms"]["field"] == "kind"
    assert set(body["aggs"]) == {"_filter_zone", "_filter_kind", "_filter_year", "_filter_language"}
    assert body["sort"] == [{"publication_date": {"order": "desc"}}, "_score"]


RECORDED_PAGE = 7  # not what the database finds, so the test shows the response was read


def recorded_response(first, second, pdf):
    year = first.publication_date.year
    return {
        "took": 3,
        "timed_out": False,
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "max_score": None,
            "hits": [
                {
                    "_index": "portal-reports",
                    "_id": str(report.pk),
                    "_score": None,
                    "_source": {"title": report.title},
                    "sort": [1, 1],
                    **(
                        {
                            "inner_hits": {
                                "pages": {
                                    "hits": {
                                        "total": {"value": 1, "relation": "eq"},
                                        "hits": [
                                            {
                                                "_nested": {
                                                    "field": "pages",
                                                    "offset": pdf.page_count - 1,
                                                },
                                                "_source": {"number": RECORDED_PAGE},
                                                "highlight": {
                                                    "pages.text": [
                                                        "Tu są <em>bariery</em> lokalowe."
                                                    ]
                                                },
                                            }
                                        ],
                                    }
                                }
                            }
                        }
                        if report is first
                        else {}
                    ),
                }
                for report in sorted(
                    [first, second], key=lambda r: (r.publication_date, r.pk), reverse=True
                )
            ],
        },
        "aggregations": {
            "_filter_zone": {"doc_count": 2, "zone": {"buckets": [{"key": "wtz", "doc_count": 2}]}},
            "_filter_kind": {
                "doc_count": 2,
                "kind": {"buckets": [{"key": "analysis", "doc_count": 2}]},
            },
            "_filter_year": {"doc_count": 2, "year": {"buckets": [{"key": year, "doc_count": 2}]}},
            "_filter_language": {
                "doc_count": 2,
                "language": {"buckets": [{"key": "pl", "doc_count": 1}]},
            },
        },
    }


def test_recorded_response_gives_the_same_results_as_the_database(reports, locales):
    first, second, pdf = reports
    with translation.override("pl"):
        wanted = query(locales["pl"], text="bariery", zone="wtz")
        from_es = es.parse_recorded(wanted, recorded_response(first, second, pdf))
        from_db = database_report_search().search(wanted)
    assert from_es.total == from_db.total == 2
    assert from_es.ids() == from_db.ids()
    assert from_es.facets["kind"] == from_db.facets["kind"] == {"analysis": 2}
    assert from_es.facets["zone"] == from_db.facets["zone"] == {"wtz": 2}
    assert from_es.facets["language"] == from_db.facets["language"] == {"pl": 1}
    es_hit = next(hit for hit in from_es.hits if hit.report.pk == first.pk)
    db_hit = next(hit for hit in from_db.hits if hit.report.pk == first.pk)
    assert db_hit.page_number == pdf.page_count
    assert es_hit.page_number == RECORDED_PAGE  # read from the inner hit
    assert es_hit.excerpt == "Tu są <mark>bariery</mark> lokalowe."  # from its highlight
    assert "<mark>bariery</mark>" in db_hit.excerpt


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT)
def test_unreachable_elasticsearch_falls_back_to_the_database_with_one_warning(
    client, reports, library, caplog
):
    forget_outages()
    with caplog.at_level(logging.DEBUG):
        responses = [client.get(library.url + "?q=bariery") for _ in range(5)]

    assert [response.status_code for response in responses] == [200] * 5
    assert "Bariery we współpracy" in responses[-1].content.decode()
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert "searches are answered by the database" in warnings[0].getMessage()


def forget_client():
    """Drop the process's Elasticsearch client, so the next search makes one (as at start)."""
    with contextlib.suppress(KeyError):
        es.dsl.connections.remove_connection("default")


def test_a_hanging_elasticsearch_is_left_alone_after_one_timeout(
    client, reports, library, settings
):
    server = ScriptedServer().start()  # accepts connections, never answers
    try:
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.port}"
        settings.ELASTICSEARCH_TIMEOUT = 0.3
        settings.ELASTICSEARCH_RETRY_AFTER = 60  # longer than the four searches, even under load
        forget_client()  # a new process's client, to this server
        forget_outages()
        first = client.get(library.url + "?q=bariery")
        assert server.connections == 1
        later = [client.get(library.url + "?q=bariery") for _ in range(3)]
    finally:
        server.stop()
        forget_client()
        forget_outages()

    assert [response.status_code for response in [first, *later]] == [200] * 4
    assert "Bariery we współpracy" in later[-1].content.decode()
    assert server.connections == 1, "within the retry window the search does not connect"


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="no Elasticsearch server here: set ELASTICSEARCH_URL to run the live test",
)
def test_live_elasticsearch_finds_a_word_inside_a_pdf(reports, locales, settings):
    from django.core.management import call_command

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    call_command("rebuild_report_index")
    es.ReportDocument._index.refresh()
    results = es.ElasticsearchReportSearch(fallback=None).search(
        query(locales["pl"], text="lokalowe")
    )
    assert [hit.report.title for hit in results.hits] == ["Bariery we współpracy"]
