"""Finding reports: one interface, two implementations chosen by settings.

`report_search().search(query)` returns `ReportResults` whether the database or
Elasticsearch answers. The database implementation searches the folded text kept on each
report (page, findings, authors and its PDFs), so "zrodla" finds "źródła"; on PostgreSQL
`PostgresReportSearch` matches the same text through an unaccented tsvector with a GIN
index. With ELASTICSEARCH_URL set, `ElasticsearchReportSearch` (es.py) answers, and falls
back to the database (with a warning in the log) when the server is unreachable.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    F,
    Func,
    IntegerField,
    When,
)
from django.db.models.functions import Cast, Substr
from django.utils.html import escape, format_html
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

from wagtail.documents import get_document_model

from portal.core.fragments import cached_value, versioned_key
from zones.models import Zone

from .models import (
    SEARCH_CONFIG,
    SEARCH_ONLY,
    ReportPage,
    ReportSearchEntry,
    listed_reports,
)
from .text import excerpt, fold, words

logger = logging.getLogger(__name__)

FACETS = ("zone", "kind", "year", "language")
# How many of the newest reports a text query sorted by date may test one by one (on
# PostgreSQL) rather than fetch every match from the index: see PostgresReportSearch.
WALKED_AT_MOST = 1_000
LANGUAGE_CODES = frozenset(code for code, _label in settings.LANGUAGES)


@dataclass
class FacetedQuery:
    """What a visitor asks of a faceted search (the reports', the site's): words and the
    values chosen of the facets the search counts (`facet_names`)."""

    locale: object
    text: str = ""
    zone: str = ""
    kind: str = ""
    year: int | None = None

    def filters(self, without=None):
        return {
            name: getattr(self, name)
            for name in self.facet_names
            if name != without and getattr(self, name) not in ("", None)
        }


@dataclass
class ReportQuery(FacetedQuery):
    facet_names = FACETS
    language: str = ""
    sort: str = "newest"  # or "relevance"


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


def in_documents(ids, query_words, documents):
    """The first page of the PDFs `ids` (read from `documents`, {id: document}) that
    contains a query word: the excerpt, the page number and the document, or ("", None,
    None)."""
    for pk in ids:
        document = documents.get(pk)
        if document is None:
            continue
        for number, page in enumerate(document.pages(), start=1):
            found = excerpt(page, query_words)
            if found:
                return highlight(found, query_words), number, document
    return "", None, None


def find_in_documents(report, query_words, documents):
    """Where the report has the query words: the first page of its PDFs that has one (see
    in_documents), else its abstract."""
    found = in_documents(document_ids(report), query_words, documents)
    if found[0]:
        return found
    found = excerpt(report.abstract, query_words)
    return (highlight(found, query_words), None, None) if found else ("", None, None)


def title_score(query_words):
    """3 for each query word in the title (case-insensitively): the database's relevance."""
    return sum(
        Case(When(title__icontains=word, then=3), default=0, output_field=IntegerField())
        for word in query_words
    )


class DatabaseReportSearch:
    """The embedded default (SQLite): SQL over the folded search text, each query word a
    substring of it."""

    def base(self, query):
        return ReportPage.objects.live().public().filter(locale=query.locale)

    def apply(self, reports, filters, query_words):
        # Zones share their slug across languages, and every translation of a report points
        # at the Polish zones, so the slug filters in any language without a look-up.
        if "zone" in filters:
            reports = reports.filter(zones__slug=filters["zone"])
        if "kind" in filters:
            reports = reports.filter(kind=filters["kind"])
        if "year" in filters:
            reports = reports.filter(publication_date__year=filters["year"])
        if "language" in filters:
            reports = reports.filter(languages__contains=filters["language"])
        return self.match(reports, query_words) if query_words else reports

    def match(self, reports, query_words):
        for word in query_words:
            reports = reports.filter(search_text__contains=word)
        return reports

    def by_relevance(self, reports, query_words):
        """Reports with more query words in the title first."""
        return reports.annotate(score=title_score(query_words)).order_by(
            "-score", "-publication_date", "-pk"
        )

    def groups(self, base, query, query_words):
        """The matching reports counted by kind, year, file languages and zones: every
        facet's counts (each with the other active filters) and the number of results are
        sums over them (see ReportGroups). They
        depend on the language and the words only, not on the filters, so they are kept in
        the cache under the fragment version, which Wagtail's publish, unpublish, move and
        delete signals (and report, document and zone saves) replace at once: the listing
        and every filter of it share one entry, and a query asked again (a visitor paging
        or filtering its results) does not scan its matches again."""
        reports = self.match(base, query_words) if query_words else base
        return cached_value(groups_key(query.locale, query_words), lambda: self.count(reports))

    def count(self, reports):
        return ReportGroups.count(reports)

    def search(self, query, offset=0, limit=10):
        query_words = words(query.text)
        # One base for all: public() reads the view restrictions when it is called.
        base = self.base(query)
        groups = self.groups(base, query, query_words)
        total = groups.total(query)
        reports = self.matching(base, query, query_words, offset + limit, groups)
        page = self.page(reports, offset, limit) if total > offset else []
        hits = self.hits(page, query, query_words)
        return ReportResults(total=total, hits=hits, facets=groups.facets(query))

    def matching(self, base, query, query_words, wanted, groups):
        """The reports that meet the query, in the order asked for (`wanted` of them will
        be read; `groups` counts the matches, see ReportGroups)."""
        reports = self.apply(base, query.filters(), query_words)
        if query_words and query.sort == "relevance":
            return self.by_relevance(reports, query_words)
        return reports.order_by("-publication_date", "-page_ptr_id")

    def page(self, reports, offset, limit):
        """The reports of one page of results, in order (their zones are named from the ids
        on their rows, see make_hits)."""
        # The search text (up to a million characters per file) and its vectors are for
        # matching and ranking only: leaving them out keeps the sorted rows narrow.
        return list(reports.defer(*SEARCH_ONLY)[offset : offset + limit])

    def hits(self, reports, query, query_words):
        return make_hits(reports, query, query_words)


class PostgresReportSearch(DatabaseReportSearch):
    """On PostgreSQL: full-text search over each report's unaccented tsvector, every query
    word a prefix of a word of the report, ranked by ts_rank of a small vector of the title
    (weighing most) and the abstract. Both are kept in the report's search entry
    (models.ReportSearchEntry), a narrow row with the page's `live` and `locale_id`, the
    date and the report's facet set: the counts and the choice of the page's reports read
    these rows (four times as many a heap page as the reports' own rows) and never
    join the page table; only the page's ten reports are read whole."""

    def base(self, query):
        """The entries of the live, public reports of the language (the view restrictions
        are read when this is called, as by public())."""
        entries = ReportSearchEntry.objects.filter(live=True, locale_id=query.locale.pk)
        return entries.exclude(report__in=ReportPage.objects.not_public())

    def count(self, entries):
        return ReportGroups.of_entries(entries)

    def matching(self, base, query, query_words, wanted, groups):
        """The entries that meet the query, in order. A filter is the facet sets that meet
        it (known from the counts) and, for a year, that year's dates too, a range of the
        index of the newest entries (`report_entry_newest`, which holds their sets). Newest
        first, words that many reports contain are tested entry by entry down that index,
        which stops at the page's last match, instead of fetching and sorting every match
        from the GIN index: PostgreSQL estimates a prefix query at a few dozen rows
        whatever it matches, so it takes the index itself. Rare words keep the index."""
        filters = query.filters()
        entries = base.filter(facets__in=groups.sets(filters)) if filters else base
        if "year" in filters:
            entries = entries.filter(publication_date__year=filters["year"])
        if query_words and query.sort == "relevance":
            return self.by_relevance(self.match(entries, query_words), query_words)
        if query_words and self.common(wanted, groups.total(query)):
            entries = entries.filter(self.tested(query_words))
        elif query_words:
            entries = self.match(entries, query_words)
        return entries.order_by("-publication_date", "-report")

    def page(self, entries, offset, limit):
        """The page's reports, chosen by id from the entries (a subquery) and only those
        rows read whole. Best match first, the ids come first, in their order: the
        reports have no rank of their own to be sorted by again."""
        chosen = entries.values_list("report", flat=True)[offset : offset + limit]
        if "score" in entries.query.annotations:
            return self.reports_in_order(list(chosen))
        reports = ReportPage.objects.filter(pk__in=chosen).order_by("-publication_date", "-pk")
        return super().page(reports, 0, limit)

    def common(self, wanted, total):
        """True when the first `wanted` of `total` matches are found within the newest
        WALKED_AT_MOST entries (by the table's row estimate), as matches are spread."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                [ReportSearchEntry._meta.db_table],
            )
            rows = cursor.fetchone()[0]
        return rows > 0 and total > 0 and wanted * rows / total <= WALKED_AT_MOST

    def tested(self, query_words):
        """The match as a function call, which no index answers: each entry is tested."""
        return Func(
            F("search_vector"),
            self.text_query(query_words),
            function="ts_match_vq",
            output_field=BooleanField(),
        )

    def text_query(self, query_words):
        # The words are letters and digits only (text.words), so no tsquery operator can
        # come from the visitor.
        return SearchQuery(
            " & ".join(f"{word}:*" for word in query_words),
            search_type="raw",
            config=SEARCH_CONFIG,
        )

    def match(self, entries, query_words):
        return entries.filter(search_vector=self.text_query(query_words))

    def rank(self, query_words):
        """ts_rank of the small vector (title and abstract): the search vector finds the
        matches, but ranking by it read each one's whole text."""
        return SearchRank(F("rank_vector"), self.text_query(query_words))

    def by_relevance(self, entries, query_words):
        return entries.annotate(score=self.rank(query_words)).order_by(
            "-score", "-publication_date", "-report"
        )

    def search(self, query, offset=0, limit=10):
        """Best match first, without filters and with its counts not yet in the cache (a
        visitor's first search for these words): the counts and the best matches come from
        one scan of the matches (count_and_rank), not from two, each of which looked every
        match up in the GIN index and read its row. Otherwise as for any search: the page
        of a search whose counts are cached is ranked by one query."""
        query_words = words(query.text)
        if not query_words or query.sort != "relevance" or query.filters():
            return super().search(query, offset, limit)
        base = self.base(query)
        best = []
        groups = cached_value(
            groups_key(query.locale, query_words),
            lambda: self.count_and_rank(base, query_words, offset + limit, best),
        )
        total = groups.total(query)
        if best:
            page = self.reports_in_order(best[offset : offset + limit])
        else:
            entries = self.matching(base, query, query_words, offset + limit, groups)
            page = self.page(entries, offset, limit) if total > offset else []
        hits = self.hits(page, query, query_words)
        return ReportResults(total=total, hits=hits, facets=groups.facets(query))

    def count_and_rank(self, base, query_words, wanted, best):
        """The matches' groups (ReportGroups), and the ids of the `wanted` best matches
        appended to `best`, from one query: the matches are found once (a MATERIALIZED
        common table expression) and both grouped and ranked from it."""
        matches = (
            self.match(base, query_words)
            .order_by()
            .annotate(score=self.rank(query_words))
            .values_list("facets", "report", "publication_date", "score")
        )
        sql, params = matches.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(COUNT_AND_RANK_SQL.format(matches=sql), [*params, wanted])
            rows = cursor.fetchall()
        # A group row has its count; a ranked row its score, date and id (sixth column NULL).
        ranked = sorted((row[6:] for row in rows if row[5] is None), reverse=True)
        best.extend(pk for _score, _date, pk in ranked)
        return ReportGroups.from_rows(row[:6] for row in rows if row[5] is not None)

    def reports_in_order(self, ids):
        """The reports of `ids`, in that order, as a page of results is read."""
        reports = super().page(ReportPage.objects.filter(pk__in=ids), 0, len(ids))
        position = {pk: place for place, pk in enumerate(ids)}
        return sorted(reports, key=lambda report: position[report.pk])


# The facet sets of some entries with how many there are of each: `{counted}` is a query of
# (facet set id, count) rows.
GROUPS_SQL = """
SELECT sets.id, sets.kind, sets.year, sets.languages, sets.zone_ids, counted.count
FROM ({counted}) AS counted (facets, count)
JOIN research_reportfacetset AS sets ON sets.id = counted.facets
"""

# The matches of a text query (columns named by position: facet set, id, date, score)
# grouped as GROUPS_SQL counts them and, in the same statement, the best of them by score,
# then newest (as by_relevance orders them).
COUNT_AND_RANK_SQL = """
WITH matches (facets, id, published, score) AS MATERIALIZED (
    {matches}
)
SELECT sets.id, sets.kind, sets.year, sets.languages, sets.zone_ids, counted.count,
    NULL::real, NULL::date, NULL::integer
FROM (SELECT facets, count(*) FROM matches GROUP BY facets) AS counted
JOIN research_reportfacetset AS sets ON sets.id = counted.facets
UNION ALL (
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, score, published, id
    FROM matches ORDER BY score DESC, published DESC, id DESC LIMIT %s
)
"""


@dataclass(frozen=True)
class ReportGroup:
    """Reports alike in everything the facets count: how many there are (and, on
    PostgreSQL, their facet set: models.ReportFacetSet)."""

    kind: str
    year: int
    languages: frozenset
    zones: frozenset  # slugs
    count: int
    facets: int | None = None

    def value(self, name):
        return {"zone": self.zones, "kind": self.kind, "year": self.year}.get(name, self.languages)

    def passes(self, filters):
        """True when the group's reports meet every filter (a zone or language is one of
        several)."""
        for name, wanted in filters.items():
            value = self.value(name)
            if name in ("zone", "language"):
                if wanted not in value:
                    return False
            elif value != wanted:
                return False
        return True


@dataclass
class ReportGroups:
    """The reports a search matches, counted by kind, year, file languages and zones in
    one grouped query: each facet's counts, with every filter but its own, and the number
    of results are sums over these groups. A few hundred groups stand for any number of
    reports (4 kinds × some years × a few language and zone sets), so one scan of the
    report rows replaces a scan per facet and a COUNT."""

    groups: list

    @classmethod
    def count(cls, reports):
        """Group `reports` (a queryset, filtered by text but by no facet). The year is the
        date's first four characters: SQLite extracts a year only through a Python function."""
        rows = (
            reports.order_by()
            .annotate(year=publication_year())
            .values_list("kind", "year", "languages", "zone_ids")
            .annotate(count=Count("*"))
        )
        return cls.from_rows((None, *row) for row in rows)

    @classmethod
    def of_entries(cls, entries):
        """Group `entries` (search entries, filtered by text but by no facet) by their
        facet set: one integer, which the index of the newest entries holds."""
        counted = entries.order_by().values("facets").annotate(count=Count("*"))
        sql, params = counted.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(GROUPS_SQL.format(counted=sql), params)
            return cls.from_rows(cursor.fetchall())

    @classmethod
    def from_rows(cls, rows):
        """The groups of (facet set, kind, year, languages, zone ids, count) rows."""
        slugs = zone_slugs()
        return cls(
            [
                ReportGroup(
                    kind=kind,
                    year=int(year),
                    languages=frozenset(languages.split(",")) & LANGUAGE_CODES,
                    zones=frozenset(slugs[pk] for pk in split_ids(zone_ids) if pk in slugs),
                    count=count,
                    facets=facets,
                )
                for facets, kind, year, languages, zone_ids, count in rows
            ]
        )

    def sets(self, filters):
        """The facet sets of the groups that meet every filter (PostgreSQL)."""
        return [group.facets for group in self.groups if group.passes(filters)]

    def facets(self, query):
        """{facet: {value: count}}, each facet with the other filters applied."""
        counts = {}
        for name in FACETS:
            others = query.filters(without=name)
            tally = Counter()
            for group in self.groups:
                if group.passes(others):
                    value = group.value(name)
                    for each in value if name in ("zone", "language") else (value,):
                        tally[each] += group.count
            counts[name] = dict(tally)
        return counts

    def total(self, query):
        """The number of reports that meet every filter."""
        filters = query.filters()
        return sum(group.count for group in self.groups if group.passes(filters))


def groups_key(locale, query_words):
    """The cache key of the counts of the reports of `locale` that match `query_words`."""
    return versioned_key("report-groups", str(locale.pk), *query_words)


def total_from_kinds(kind_counts, kind):
    """The number of matching entries, read from a kind facet whose counts have every other
    filter applied (every entry has exactly one kind): the site search saves a COUNT."""
    return kind_counts.get(kind, 0) if kind else sum(kind_counts.values())


def publication_year():
    """The report's year as SQLite's counts group it: the date's first four characters
    (SQLite extracts a year only through a Python function)."""
    return Substr(Cast("publication_date", CharField()), 1, 4)


def split_ids(text):
    return [int(pk) for pk in text.split(",") if pk]


def zone_slugs():
    """{zone id: slug} of every zone, from the cache (zones change rarely; their saves
    replace the fragment version)."""
    return cached_value(
        versioned_key("zone-slugs"), lambda: dict(Zone.objects.values_list("pk", "slug"))
    )


def make_hits(reports, query, query_words):
    """The results' rows: zones in the visitor's language (the zone filtered by, fixed on a
    zone page, leads and marks each report), read from the zone ids on each report's row
    without a query, their covers and, for a text query, where the words were found. A
    fixed number of queries however many reports."""
    listed_reports(reports, query.locale, query.zone or None)
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


def database_report_search():
    """Full-text search on PostgreSQL, the folded text on SQLite."""
    return PostgresReportSearch() if connection.vendor == "postgresql" else DatabaseReportSearch()


def chosen_search(database, elasticsearch):
    """The implementation the settings choose: `database`, or with ELASTICSEARCH_URL set the
    class at the dotted path `elasticsearch`, which falls back to `database`. Imported only
    then: its es.py loads the Elasticsearch client, which the database search (the default)
    does not need."""
    if settings.ELASTICSEARCH_URL:
        return import_string(elasticsearch)(fallback=database)
    return database


def report_search():
    return chosen_search(database_report_search(), "portal.research.es.ElasticsearchReportSearch")
