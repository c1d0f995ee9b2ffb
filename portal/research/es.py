"""The Elasticsearch 8 implementation of the report search (the client's `elasticsearch.dsl`).

`ReportDocument` defines the index: text fields analysed with ASCII folding (so "zrodla"
finds "źródła"), keywords for the facets, and the PDF pages as nested objects so a hit can
say on which page the words are. `ReportFacetedSearch` builds the query, the filters and a
terms aggregation per facet (each counted with the other filters, as FacetedSearch does).
"""

import contextlib

from elasticsearch import NotFoundError, dsl

from django.conf import settings

from portal.core.search_backend import with_elasticsearch

from .models import ReportPage
from .search import FACETS, ReportResults, highlight, make_hits
from .text import words

folding = dsl.analyzer("folding", tokenizer="standard", filter=["lowercase", "asciifolding"])

INDEX = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_reports"


def connect():
    """One client for the process, made on first use. No retries: with the server down a
    retry only makes the visitor wait longer for the database's answer."""
    try:
        return dsl.connections.get_connection()
    except KeyError:
        return connect_with_timeout(settings.ELASTICSEARCH_TIMEOUT)


def connect_for_indexing():
    """The process's client replaced by one that waits ELASTICSEARCH_INDEX_TIMEOUT: a
    rebuild (`manage.py rebuild_report_index`) creates the index and sends every report, which
    can take longer than a visitor's search may wait."""
    return connect_with_timeout(settings.ELASTICSEARCH_INDEX_TIMEOUT)


def connect_with_timeout(seconds):
    return dsl.connections.create_connection(
        hosts=[settings.ELASTICSEARCH_URL], request_timeout=seconds, max_retries=0
    )


class PdfPage(dsl.InnerDoc):
    number = dsl.Integer()
    text = dsl.Text(analyzer=folding)


class ReportDocument(dsl.Document):
    title = dsl.Text(analyzer=folding, fields={"raw": dsl.Keyword()})
    abstract = dsl.Text(analyzer=folding)
    body = dsl.Text(analyzer=folding)
    pages = dsl.Nested(PdfPage)
    authors = dsl.Text(analyzer=folding)
    zone = dsl.Keyword(multi=True)
    kind = dsl.Keyword()
    year = dsl.Integer()
    language = dsl.Keyword(multi=True)
    locale = dsl.Keyword()
    live = dsl.Boolean()
    publication_date = dsl.Date()

    class Index:
        name = INDEX

    @classmethod
    def from_report(cls, report):
        pages = [
            {"number": number, "text": page}
            for document in report.documents()
            for number, page in enumerate(document.pages(), start=1)
        ]
        return cls(
            meta={"id": report.pk},
            title=report.title,
            abstract=report.abstract,
            body=" ".join([report.methodology, *[str(b.value) for b in report.key_findings]]),
            authors=" ".join(block.value["name"] for block in report.authors),
            pages=pages,
            zone=[zone.slug for zone in report.zones.all()],
            kind=report.kind,
            year=report.publication_date.year,
            language=[code for code in report.languages.split(",") if code],
            locale=report.locale.language_code,
            live=report.live,
            publication_date=report.publication_date,
        )


class ReportFacetedSearch(dsl.FacetedSearch):
    index = INDEX
    doc_types = [ReportDocument]
    fields = ["title^3", "abstract^2", "body", "authors"]
    facets = {
        "zone": dsl.TermsFacet(field="zone", size=20),
        "kind": dsl.TermsFacet(field="kind", size=20),
        "year": dsl.TermsFacet(field="year", size=50),
        "language": dsl.TermsFacet(field="language", size=10),
    }

    def __init__(self, query_text, locale, filters, sort, **kwargs):
        self.locale = locale
        self.sort_by = sort
        super().__init__(query_text, filters, **kwargs)

    def search(self):
        search = super().search()
        return search.filter("term", locale=self.locale).filter("term", live=True)

    def query(self, search, query):
        if not query:
            return search
        in_pages = dsl.Q(
            "nested",
            path="pages",
            query=dsl.Q("match", **{"pages.text": {"query": query, "operator": "and"}}),
            inner_hits={
                "size": 1,
                "_source": ["pages.number"],
                "highlight": {
                    "fields": {"pages.text": {"fragment_size": 160, "number_of_fragments": 1}}
                },
            },
        )
        in_page = dsl.Q("multi_match", query=query, fields=self.fields, operator="and")
        return search.query(dsl.Q("bool", should=[in_page, in_pages], minimum_should_match=1))

    def sort(self, search):
        if self.sort_by == "relevance" and self._query:
            return search.sort("_score", "-publication_date")
        return search.sort("-publication_date", "_score")


def build(query):
    filters = {name: value for name, value in query.filters().items()}
    return ReportFacetedSearch(query.text[:500], query.locale.language_code, filters, query.sort)


def results_from_response(query, response):
    """ReportResults from an Elasticsearch response (live, or recorded in a test)."""
    ids = [int(hit.meta.id) for hit in response.hits]
    # The database has the last word: a report unpublished or made private since it was
    # indexed is not shown.
    reports = ReportPage.objects.live().public().filter(pk__in=ids).in_bulk()
    ordered = [reports[pk] for pk in ids if pk in reports]
    query_words = words(query.text)
    hits = make_hits(ordered, query, query_words)
    by_id = {hit.report.pk: hit for hit in hits}
    for raw in response.hits:
        hit = by_id.get(int(raw.meta.id))
        inner = getattr(getattr(raw.meta, "inner_hits", None), "pages", None)
        if hit is None or inner is None or not inner.hits:
            continue
        page_hit = inner.hits[0]
        fragments = getattr(getattr(page_hit.meta, "highlight", None), "pages.text", None)
        if fragments:
            plain = fragments[0].replace("<em>", "").replace("</em>", "")
            hit.excerpt = highlight(plain, query_words)
            hit.page_number = getattr(page_hit, "number", hit.page_number)
    facets = {
        name: {value: count for value, count, _selected in response.facets[name]} for name in FACETS
    }
    return ReportResults(
        total=response.hits.total.value, hits=[by_id[r.pk] for r in ordered], facets=facets
    )


class ElasticsearchReportSearch:
    def __init__(self, fallback):
        self.fallback = fallback

    def search(self, query, offset=0, limit=10):
        faceted = build(query)[offset : offset + limit]
        return with_elasticsearch(
            lambda: results_from_response(query, execute(faceted)),
            lambda: self.fallback.search(query, offset, limit),
        )


def execute(faceted):
    connect()
    return faceted.execute()


def parse_recorded(query, raw):
    """Parse a recorded response body as `execute()` would."""
    faceted = build(query)
    response = dsl.FacetedResponse(faceted._s, raw)
    response._faceted_search = faceted
    return results_from_response(query, response)


def index_report(report):
    """Index a live report, or remove it when it is not live (skipped with a warning while
    Elasticsearch is unavailable: the database search still answers, and the rebuild
    command catches up)."""
    with_elasticsearch(lambda: _index(report), lambda: None, f"report {report.pk} not indexed")


def _index(report):
    connect()
    if not ReportDocument._index.exists():
        ReportDocument.init()  # with the folding analyser and the nested pages
    if report.live and not report.get_view_restrictions().exists():
        ReportDocument.from_report(report).save()
    else:
        _remove(report.pk)


def remove_report(pk):
    with_elasticsearch(lambda: _remove(pk), lambda: None, f"report {pk} not removed")


def _remove(pk):
    """Remove report `pk` from the index; one that was never indexed is already gone."""
    connect()
    with contextlib.suppress(NotFoundError):
        ReportDocument(meta={"id": pk}).delete()
