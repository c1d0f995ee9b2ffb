"""Finding reports: one interface, two implementations chosen by settings.

`report_search().search(query)` returns `ReportResults` whether the database or
Elasticsearch answers. The database implementation searches the folded text kept on each
report (page, findings, authors and its PDFs), so "zrodla" finds "źródła" on SQLite and
PostgreSQL alike. With ELASTICSEARCH_URL set, `ElasticsearchReportSearch` (es.py) answers,
and falls back to the database (with a warning in the log) when the server is unreachable.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, IntegerField, When
from django.db.models.functions import ExtractYear
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from wagtail.documents import get_document_model

from zones.models import Zone, attach_localized_zones

from .models import ReportPage
from .text import excerpt, fold, words

logger = logging.getLogger(__name__)

FACETS = ("zone", "kind", "year", "language")


@dataclass
class ReportQuery:
    locale: object
    text: str = ""
    zone: str = ""
    kind: str = ""
    year: int | None = None
    language: str = ""
    sort: str = "newest"  # or "relevance"

    def filters(self, without=None):
        return {
            name: getattr(self, name)
            for name in FACETS
            if name != without and getattr(self, name) not in ("", None)
        }


@dataclass
class Hit:
    report: object
    excerpt: str = ""
    page_number: int | None = None
    document: object = None


@dataclass
class ReportResults:
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # facet -> {value: count}

    def ids(self):
        return [hit.report.pk for hit in self.hits]


def highlight(text, query_words):
    """`text` escaped, with the query words marked (case- and diacritics-insensitively)."""
    folded = fold(text)
    marks = []
    for word in query_words:
        start = folded.find(word)
        while start != -1:
            marks.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    marks.sort()
    pieces, position = [], 0
    for start, end in marks:
        if start < position:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(format_html("<mark>{}</mark>", text[start:end]))
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308  (escaped above)


def document_ids(report):
    """The ids of the report's files, read from the stored stream (no query)."""
    return [item["value"] for item in report.files.raw_data if item.get("value")]


def documents_by_id(reports):
    """The files of all `reports` in one query."""
    ids = {pk for report in reports for pk in document_ids(report)}
    return get_document_model().objects.in_bulk(ids) if ids else {}


def find_in_documents(report, query_words, documents):
    """The first page of the report's PDFs that contains a query word: the excerpt, the
    page number and the document. Falls back to the abstract."""
    for pk in document_ids(report):
        document = documents.get(pk)
        if document is None:
            continue
        for number, page in enumerate(document.pages(), start=1):
            found = excerpt(page, query_words)
            if found:
                return highlight(found, query_words), number, document
    found = excerpt(report.abstract, query_words)
    return (highlight(found, query_words), None, None) if found else ("", None, None)


class DatabaseReportSearch:
    """The embedded default: SQL over the folded search text."""

    def base(self, query):
        return ReportPage.objects.live().public().filter(locale=query.locale)

    def apply(self, reports, filters, query_words):
        if "zone" in filters:
            zone = Zone.objects.filter(slug=filters["zone"]).first()
            reports = reports.filter(zones__translation_key=zone.translation_key if zone else None)
        if "kind" in filters:
            reports = reports.filter(kind=filters["kind"])
        if "year" in filters:
            reports = reports.filter(publication_date__year=filters["year"])
        if "language" in filters:
            reports = reports.filter(languages__contains=filters["language"])
        for word in query_words:
            reports = reports.filter(search_text__contains=word)
        return reports

    def facets(self, query, query_words):
        """Counts for every value of every facet, each with the other active filters."""
        counts = {}
        for name in FACETS:
            # order_by(): Page's default ordering would split the groups.
            reports = self.apply(
                self.base(query), query.filters(without=name), query_words
            ).order_by()
            if name == "zone":
                rows = reports.values("zones__translation_key").annotate(
                    count=Count("pk", distinct=True)
                )
                by_key = {row["zones__translation_key"]: row["count"] for row in rows}
                counts[name] = {
                    zone.slug: by_key[zone.translation_key]
                    for zone in Zone.objects.for_locale(query.locale)
                    if zone.translation_key in by_key
                }
            elif name == "year":
                rows = (
                    reports.annotate(y=ExtractYear("publication_date"))
                    .values("y")
                    .annotate(count=Count("pk"))
                )
                counts[name] = {row["y"]: row["count"] for row in rows}
            elif name == "kind":
                rows = reports.values("kind").annotate(count=Count("pk"))
                counts[name] = {row["kind"]: row["count"] for row in rows}
            else:
                counts[name] = {
                    code: reports.filter(languages__contains=code).count()
                    for code, _label in settings.LANGUAGES
                }
                counts[name] = {code: count for code, count in counts[name].items() if count}
        return counts

    def search(self, query, offset=0, limit=10):
        query_words = words(query.text)
        reports = self.apply(self.base(query), query.filters(), query_words)
        if query_words and query.sort == "relevance":
            title_hits = sum(
                (
                    Case(
                        When(title__icontains=word, then=3), default=0, output_field=IntegerField()
                    )
                    for word in query_words
                ),
            )
            reports = reports.annotate(score=title_hits).order_by(
                "-score", "-publication_date", "-pk"
            )
        else:
            reports = reports.order_by("-publication_date", "-pk")
        total = reports.count()
        page = list(reports.prefetch_related("zones")[offset : offset + limit])
        return ReportResults(
            total=total,
            hits=self.hits(page, query, query_words),
            facets=self.facets(query, query_words),
        )

    def hits(self, reports, query, query_words):
        return make_hits(reports, query, query_words)


def make_hits(reports, query, query_words):
    """The results' rows: zones in the visitor's language and, for a text query, where the
    words were found. A fixed number of queries however many reports."""
    attach_zones(reports, query.locale)
    documents = documents_by_id(reports) if query_words else {}
    hits = []
    for report in reports:
        hit = Hit(report)
        if query_words:
            hit.excerpt, hit.page_number, hit.document = find_in_documents(
                report, query_words, documents
            )
        hits.append(hit)
    return hits


def attach_zones(reports, locale):
    return attach_localized_zones(reports, locale)


def report_search():
    """The implementation the settings choose."""
    if settings.ELASTICSEARCH_URL:
        # Imported only when configured: es.py loads the Elasticsearch client, which the
        # database search (the default) does not need.
        from .es import ElasticsearchReportSearch

        return ElasticsearchReportSearch(fallback=DatabaseReportSearch())
    return DatabaseReportSearch()
