"""Finding things across the site: one interface, two implementations chosen by settings,
as for the reports (portal.research.search).

`site_search().search(query, offset, limit)` returns `SiteResults` whatever answers: the
database (SQLite: every query word a substring of an entry's folded text; PostgreSQL: the
entry's unaccented tsvector, every word a prefix) or, with ELASTICSEARCH_URL set,
Elasticsearch (es.py), which falls back to the database while it is down. Only live, public
pages' entries are found, whatever the index still holds.
"""

import difflib
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchRank, TrigramSimilarity
from django.db import connection
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.research.search import (
    DatabaseReportSearch,
    FacetedQuery,
    PostgresReportSearch,
    chosen_search,
    highlight,
    in_documents,
    title_score,
    total_from_kinds,
)
from portal.research.text import excerpt, words
from zones.models import Zone

from .entries import DOCUMENT_KIND, STEP_KIND
from .models import SearchEntry, SearchTerm

FACETS = ("kind", "zone", "year")
# Facet labels of the two kinds that are not page types.
KIND_LABELS = {STEP_KIND: _("Steps of the model"), DOCUMENT_KIND: _("Documents")}


@dataclass
class SiteQuery(FacetedQuery):
    facet_names = FACETS

    @property
    def words(self):
        return words(self.text)


@dataclass
class SiteHit:
    entry: object
    excerpt: str = ""
    page_number: int | None = None
    document: object = None  # the PDF the excerpt comes from


@dataclass
class SiteResults:
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # facet -> {value: count}
    suggestion: str = ""  # "did you mean", words as written


def visible_entries(locale):
    """Entries in `locale` a visitor may open: documents, and the entries of pages that are
    live and public now (the index may lag behind a privacy change)."""
    pages = Page.objects.live().public().values("pk")
    return SearchEntry.objects.filter(locale=locale).filter(
        Q(page__isnull=True) | Q(page__in=pages)
    )


class DatabaseSiteSearch:
    """The embedded default (SQLite): each query word a substring of the folded text."""

    def apply(self, entries, filters, query_words):
        if "kind" in filters:
            entries = entries.filter(kind=filters["kind"])
        if "zone" in filters:
            entries = entries.filter(zones__contains=f",{filters['zone']},")
        if "year" in filters:
            entries = entries.filter(year=filters["year"])
        return self.match(entries, query_words)

    # The same match as the reports' (each query word a substring of the folded text).
    match = DatabaseReportSearch.match

    def by_relevance(self, entries, query_words):
        """Entries with more query words in the title first, then the newest."""
        return entries.annotate(score=title_score(query_words)).order_by(
            "-score", F("date").desc(nulls_last=True), "-pk"
        )

    def facets(self, base, query, query_words, zone_slugs):
        """Counts for every value of every facet, each with the other active filters: one
        grouped query per facet whatever the number of values or entries."""
        counts = {}
        for name in FACETS:
            entries = self.apply(base, query.filters(without=name), query_words).order_by()
            counts[name] = facet_counts(name, entries, zone_slugs)
        return counts

    def search(self, query, offset=0, limit=10, with_facets=True):
        query_words = query.words
        if not query_words:
            return SiteResults()
        base = visible_entries(query.locale)
        entries = self.apply(base, query.filters(), query_words)
        entries = self.by_relevance(entries, query_words).defer("search_text", "search_vector")
        if with_facets:
            facets = self.facets(base, query, query_words, zone_slugs(query.locale))
            total = total_from_kinds(facets["kind"], query.kind)
        else:
            facets, total = {}, entries.count()
        page = list(entries[offset : offset + limit])
        return SiteResults(
            total=total,
            hits=make_hits(page, query_words),
            facets=facets,
            suggestion=self.did_you_mean(query) if with_facets else "",
        )

    def did_you_mean(self, query):
        """The query with each word the index does not know replaced by the closest word it
        knows, or "" when every word is known or nothing is close; words as the site writes
        them ("spółdzielni", not the folded "spoldzielni")."""
        query_words = query.words
        terms = SearchTerm.objects.filter(locale=query.locale)
        known = {
            term.word: term.written
            for term in terms.filter(word__in=query_words).only("word", "spelling")
        }
        changed, suggested = False, []
        for word in query_words:
            closest = None if word in known or len(word) < 3 else self.closest(terms, word)
            suggested.append(closest or known.get(word, word))
            changed = changed or bool(closest)
        return " ".join(suggested) if changed else ""

    def closest(self, terms, word):
        """Edit-distance fallback: among the known words that start with the same letter and
        are about as long, the most similar (difflib's ratio), as written."""
        candidates = terms.filter(word__startswith=word[0]).only("word", "spelling")
        written = {
            term.word: term.written
            for term in candidates.iterator()
            if abs(len(term.word) - len(word)) <= 2
        }
        found = difflib.get_close_matches(word, list(written), n=1, cutoff=0.75)
        return written[found[0]] if found else None


class PostgresSiteSearch(DatabaseSiteSearch):
    """On PostgreSQL: the entries' unaccented tsvector (GIN index), every query word a prefix
    of a word of the entry, ranked by ts_rank with the title weighing most; "did you mean"
    by trigram similarity (pg_trgm, GIN index on the vocabulary)."""

    # The same prefix query as the reports' (words only: no operator from the visitor).
    text_query = PostgresReportSearch.text_query

    def match(self, entries, query_words):
        return entries.filter(search_vector=self.text_query(query_words))

    def by_relevance(self, entries, query_words):
        rank = SearchRank(F("search_vector"), self.text_query(query_words))
        return entries.annotate(score=rank).order_by(
            "-score", F("date").desc(nulls_last=True), "-pk"
        )

    def closest(self, terms, word):
        found = (
            terms.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .only("word", "spelling")
            .first()
        )
        return found.written if found else None


def zone_slugs(locale):
    return list(Zone.objects.for_locale(locale).values_list("slug", flat=True))


def facet_counts(name, entries, zones):
    """{value: number of `entries`} for one facet, in one query."""
    if name == "zone":
        # An entry may be in several zones: one conditional count per zone.
        row = (
            entries.aggregate(
                **{
                    f"zone_{i}": Count("pk", filter=Q(zones__contains=f",{slug},"))
                    for i, slug in enumerate(zones)
                }
            )
            if zones
            else {}
        )
        return {slug: row[f"zone_{i}"] for i, slug in enumerate(zones) if row[f"zone_{i}"]}
    column = {"kind": "kind", "year": "year"}[name]
    rows = entries.values_list(column).annotate(count=Count("pk"))
    return {value: count for value, count in rows if value is not None}


def attached_documents(entries):
    """The PDFs of all the `entries`, in one query: {id: document}."""
    ids = {pk for entry in entries for pk in entry.document_ids}
    return get_document_model().objects.in_bulk(ids) if ids else {}


def make_hits(entries, query_words, documents=None):
    """The results' rows with where the words were found: in the entry's own text, else in
    the first page of its PDFs that has them (with that page's number)."""
    documents = attached_documents(entries) if documents is None else documents
    hits = []
    for entry in entries:
        hit = SiteHit(entry)
        found = excerpt(entry.text, query_words)
        if found:
            hit.excerpt = highlight(found, query_words)
        else:
            hit.excerpt, hit.page_number, hit.document = in_documents(
                entry.document_ids, query_words, documents
            )
        hits.append(hit)
    return hits


def database_site_search():
    """Full-text search on PostgreSQL, the folded text on SQLite."""
    return PostgresSiteSearch() if connection.vendor == "postgresql" else DatabaseSiteSearch()


def site_search():
    return chosen_search(database_site_search(), "portal.search.es.ElasticsearchSiteSearch")
