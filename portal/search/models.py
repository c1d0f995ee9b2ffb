"""The site-wide search index: one row per thing a visitor can land on — a page, one of the
handbook's steps (a routable sub-view, not a page), a document — in one language.

Built from each page type's own `search_fields` (entries.py), so a new page type is found
as soon as it declares them. Each row keeps the text for excerpts, the folded text for the
embedded database (SQLite: "zrodla" is a substring of the folded "źródła"), on PostgreSQL an
unaccented tsvector behind a GIN index (migration 0001), and the facets: kind, zones, year.
"""

from django.conf import settings
from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models

from wagtail.models import Locale, Page

# The text search configuration of portal.research's migration 0002: `unaccent`, then the
# simple dictionary (PostgreSQL has no Polish stemmer; query words match as prefixes).
SEARCH_CONFIG = "portal_unaccent"


class SearchEntry(models.Model):
    """One search result in one language."""

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # The page the entry shows, or whose sub-view (a handbook step) it is: the entry is
    # found only while that page is live and public. Documents have none.
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Which step of the page (1…), for sub-views; 0 for the page itself.
    part = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=60)  # "news.newspage", "handbook.step", "document"
    title = models.CharField(max_length=400)
    url = models.CharField(max_length=600)
    text = models.TextField(blank=True)  # the entry's own words, for excerpts
    # Ids of the PDFs the page attaches (reports): their pages give a PDF hit's excerpt.
    document_ids = models.JSONField(default=list, blank=True)
    zones = models.CharField(max_length=400, blank=True)  # ",slug,slug," (shared slugs)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    search_text = models.TextField(blank=True)  # title, text and PDFs, folded
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["locale", "kind"], name="search_entry_kind"),
            models.Index(fields=["page", "part"], name="search_entry_page"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "part"],
                condition=models.Q(page__isnull=False),
                name="search_entry_one_per_page_part",
            ),
            models.UniqueConstraint(
                fields=["document", "locale"],
                condition=models.Q(document__isnull=False),
                name="search_entry_one_per_document_locale",
            ),
        ]

    def __str__(self):
        return self.title

    def zone_slugs(self):
        return [slug for slug in self.zones.split(",") if slug]


class SearchTerm(models.Model):
    """A folded word of the indexed text in one language: the vocabulary "did you mean"
    picks from (by trigram similarity on PostgreSQL, edit distance elsewhere). The folded
    form is matched; the word as written (its most frequent spelling, with diacritics) is
    what the visitor is offered."""

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    word = models.CharField(max_length=60)
    spelling = models.CharField(max_length=60, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "word"], name="search_term_unique")
        ]

    def __str__(self):
        return self.written

    @property
    def written(self):
        """The word as the site writes it (rows from before spellings were kept: folded)."""
        return self.spelling or self.word


# `word__trigram_similar` (the pg_trgm `%` operator, which uses the trigram index) without
# django.contrib.postgres in INSTALLED_APPS, where it would register it on every CharField.
SearchTerm._meta.get_field("word").register_lookup(TrigramSimilar)


def refresh_vectors(entries):
    """Recompute the tsvector of `entries` (a queryset) in one UPDATE, the title weighing
    most (A) so a title match ranks first. Only PostgreSQL has the column's type; SQLite
    searches the folded text."""
    if connection.vendor == "postgresql":
        entries.update(
            search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("search_text", weight="B", config=SEARCH_CONFIG)
        )
