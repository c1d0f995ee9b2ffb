import datetime

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import (
    Case,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core.images import image_reference, image_with_alt
from portal.core.routes import CachedSubviewsMixin, registered_routes
from portal.core.translatable import PAGE_TEXT_FIELDS
from zones.models import (
    LISTED_ZONE_IDS,
    ZoneTaggedIndexPage,
    ZoneTaggedMixin,
    attach_localized_zones,
)

from . import citation
from .text import fold


class AuthorBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("Author")


# The PostgreSQL text search configuration made by migration 0002: the "simple" parser and
# dictionary after `unaccent`, so "zrodla" and "źródła" are the same lexeme (Polish has no
# stemmer in PostgreSQL; a query word matches as a prefix instead, see search.py).
SEARCH_CONFIG = "portal_unaccent"


# The column only the database search reads (long: a report's whole text), left out of the
# rows a page shows.
SEARCH_ONLY = ("search_text",)


# What `refresh_search_entries` runs (PostgreSQL), for the reports whose ids `{ids}` selects:
# the facet sets they fall in, then their entries, each written whole (an INSERT, or an UPDATE
# of the entry there is). The search vector weighs the title most (A) over the rest of the
# search text, PDFs included (B), so a title match ranks first; the rank vector is the few
# words best match first ranks by: the title (A) and the abstract (B) (ranking by the search
# vector read each match's whole text, megabytes for a long PDF). A report found only in its
# files or other text ranks after those that name the words in the title or abstract. The
# reports are read first (MATERIALIZED) and then joined to the sets: joined in one plan,
# generate_bulk_reports (whose tables have no statistics until it commits) took 51 s for
# one batch of 2,000 well into its 100,000; read first, 74 s for all of them.
REPORT_FACET_SETS_SQL = """
INSERT INTO research_reportfacetset (kind, year, languages, zone_ids)
SELECT DISTINCT kind, date_part('year', publication_date)::integer, languages, zone_ids
FROM research_reportpage WHERE page_ptr_id IN ({ids})
ON CONFLICT DO NOTHING
"""

REPORT_ENTRIES_SQL = """
WITH report AS MATERIALIZED (
    SELECT report.page_ptr_id AS id, report.kind, report.languages, report.zone_ids,
        report.publication_date, date_part('year', report.publication_date)::integer AS year,
        page.live, page.locale_id,
        setweight(to_tsvector('{config}', page.title), 'A')
            || setweight(to_tsvector('{config}', report.search_text), 'B') AS search_vector,
        setweight(to_tsvector('{config}', page.title), 'A')
            || setweight(to_tsvector('{config}', report.abstract), 'B') AS rank_vector
    FROM research_reportpage AS report
    JOIN wagtailcore_page AS page ON page.id = report.page_ptr_id
    WHERE report.page_ptr_id IN ({ids})
)
INSERT INTO research_reportsearchentry
    (report_id, live, locale_id, publication_date, facets_id, search_vector, rank_vector)
SELECT report.id, report.live, report.locale_id, report.publication_date, facets.id,
    report.search_vector, report.rank_vector
FROM report JOIN research_reportfacetset AS facets ON facets.kind = report.kind
    AND facets.year = report.year AND facets.languages = report.languages
    AND facets.zone_ids = report.zone_ids
ON CONFLICT (report_id) DO UPDATE SET
    live = excluded.live, locale_id = excluded.locale_id,
    publication_date = excluded.publication_date, facets_id = excluded.facets_id,
    search_vector = excluded.search_vector, rank_vector = excluded.rank_vector
"""


def refresh_search_entries(reports):
    """Write the search entries (ReportSearchEntry) of `reports` (a queryset) from their
    rows and pages, in two statements however many reports. PostgreSQL only: SQLite
    searches the report rows' folded text."""
    if connection.vendor != "postgresql":
        return
    ids, params = reports.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(REPORT_FACET_SETS_SQL.format(ids=ids), params)
        cursor.execute(REPORT_ENTRIES_SQL.format(ids=ids, config=SEARCH_CONFIG), params)


# How many related reports a report page offers.
RELATED_COUNT = 3
# The rendition of a cover in a list of reports (templates/research/includes/cover.html).
LIST_COVER_SPEC = "width-160"


class ListedCovers:
    """The shown covers of a list of reports with their list renditions, read in two
    queries however many reports, when the first of them is shown: a listed report is
    mostly drawn from its item fragment (research/includes/report_list.html), which needs
    no cover, so a list whose fragments are all cached reads none."""

    def __init__(self, reports):
        self.reports, self.read = reports, False

    def of(self, report):
        if not self.read:
            covers = get_image_model().objects.prefetch_renditions(LIST_COVER_SPEC)
            prefetch_related_objects(self.reports, Prefetch("shown_cover", queryset=covers))
            self.read = True
        return report.shown_cover


def listed_reports(reports, locale, zone_slug=None):
    """`reports` (a list) ready for research/includes/report_list.html: each with its zone
    mark (the zone `zone_slug` first) and its cover (`listed_cover`), in a fixed number of
    queries however many reports."""
    covers = ListedCovers(reports)
    for report in reports:
        setattr(report, LISTED_ZONE_IDS, report.zone_ids)
        report.listed_covers = covers
    return attach_localized_zones(reports, locale, first_slug=zone_slug)


def zone_ids_text(zones):
    """A report's `zone_ids`: its zones' ids, sorted, comma-separated."""
    return ",".join(str(pk) for pk in sorted(zone.pk for zone in zones))


def published_reports(locale):
    """The live, public reports of one language."""
    return ReportPage.objects.live().public().filter(locale=locale)


class ResearchIndexPage(ZoneTaggedIndexPage):
    """ "Badania i analizy": every report of one language, searchable down to the words
    inside its PDFs, with filters and facet counts (see views.report_listing)."""

    subpage_types = ["research.ReportPage"]

    class Meta:
        verbose_name = _("research index")

    @classmethod
    def get_subpage_urls(cls):
        """The search and filter listing (views.py, see core.routes) answers its address."""
        return registered_routes(cls) + super().get_subpage_urls()


Cover = image_with_alt(
    "cover_image",
    label=_("cover"),
    alt_label=_("cover description"),
    missing_alt=_("Describe the cover for people who cannot see it."),
)


class ReportPage(ZoneTaggedMixin, Cover, CachedSubviewsMixin, Page):
    """A research report, analysis or expert opinion, with its files and how to cite it."""

    class Kind(models.TextChoices):
        RESEARCH = "research", _("Research report")
        ANALYSIS = "analysis", _("Analysis")
        EXPERTISE = "expertise", _("Expert opinion")
        PANEL = "panel", _("Expert panel")
        EVALUATION = "evaluation", _("Evaluation")
        CASE_STUDY = "case-study", _("Case study")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    authors = StreamField([("author", AuthorBlock())], verbose_name=_("authors"), blank=True)
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    abstract = models.TextField(_("abstract"), max_length=2000)
    key_findings = StreamField(
        [("finding", blocks.TextBlock(label=_("Finding")))],
        verbose_name=_("key findings"),
        blank=True,
    )
    methodology = models.TextField(_("methodology in brief"), blank=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("Who published the report, as cited. Empty: the portal's name."),
    )
    files = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("files"),
        blank=True,
        help_text=_("PDF files are searched word by word; set each document's language."),
    )
    related = StreamField(
        [("report", blocks.PageChooserBlock(page_type="research.ReportPage", label=_("Report")))],
        verbose_name=_("related reports"),
        blank=True,
        max_num=6,
    )
    # Kept up to date on save, for the database search (see search.py): the words of the
    # page and of its PDFs, folded (lower case, no diacritics), and the files' languages.
    search_text = models.TextField(editable=False, default="")
    languages = models.CharField(max_length=40, editable=False, default="")
    # The ids of its zones, comma-separated: the facet counts group the reports by them in
    # one scan of this table (search.ReportGroups), without joining the zones' table.
    zone_ids = models.CharField(max_length=200, editable=False, default="")
    # The cover shown on the page and in lists: the editor's cover image, else the first
    # page of the first file that has one (drawn by the document library). Kept on save and
    # when a file's cover is drawn, so that a listing reads every row's cover in one query.
    shown_cover = image_reference()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("publication_date"),
                ZoneTaggedMixin.zones_panel,
            ],
            heading=_("Kind, date and zones"),
        ),
        FieldPanel("authors"),
        FieldPanel("publisher"),
        FieldPanel("abstract"),
        FieldPanel("key_findings"),
        FieldPanel("methodology"),
        MultiFieldPanel(Cover.image_panels, heading=_("Cover")),
        FieldPanel("files"),
        FieldPanel("related"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("methodology"),
        index.SearchField("publisher"),
        index.SearchField("search_text"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        *ZoneTaggedMixin.translatable_fields,
        *Cover.translatable_fields,
        TranslatableField("abstract"),
        TranslatableField("key_findings"),
        TranslatableField("methodology"),
        TranslatableField("publisher"),
        SynchronizedField("kind"),
        # A team's or an organisation's name has an English form; a person's name is kept.
        TranslatableField("authors"),
        SynchronizedField("publication_date"),
        SynchronizedField("files"),
        SynchronizedField("related"),
    ]

    parent_page_types = ["research.ResearchIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        # What the listing on SQLite filters and sorts by (PostgreSQL's search reads the
        # entries, ReportSearchEntry).
        indexes = [
            models.Index(fields=["-publication_date", "-page_ptr"], name="report_newest"),
            models.Index(fields=["kind", "-publication_date"], name="report_kind_newest"),
        ]

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        self.refresh_shown_cover()
        self.zone_ids = zone_ids_text(self.zones.all())
        super().save(*args, **kwargs)
        refresh_search_entries(ReportPage.objects.filter(pk=self.pk))

    def documents(self):
        return [block.value for block in self.files if block.value is not None]

    def refresh_search_text(self):
        parts = [self.title, self.abstract, self.methodology]
        parts += [str(block.value) for block in self.key_findings]
        parts += [block.value["name"] for block in self.authors]
        documents = self.documents()
        parts += [document.text.replace("\f", " ") for document in documents]
        self.search_text = fold(" ".join(part for part in parts if part))
        self.languages = ",".join(sorted({document.language for document in documents}))

    def refresh_shown_cover(self):
        """Show the editor's cover, else the first page of the first file that has one."""
        covers = [document.cover_id for document in self.documents() if document.cover_id]
        self.shown_cover_id = self.cover_image_id or (covers[0] if covers else None)

    def cover(self):
        """The editor's cover image (shown in the preview too, before the page is saved),
        else the first page of its first PDF; with its description ("" for a drawn page:
        the title beside it says all it shows)."""
        if self.cover_image_id:
            return self.cover_image, self.cover_image_alt
        return self.shown_cover, ""

    def listed_cover(self):
        """The cover a list of reports shows (research/includes/cover.html): read with
        those of the whole list (listed_reports), else on its own."""
        covers = getattr(self, "listed_covers", None)
        return covers.of(self) if covers is not None else self.shown_cover

    def related_reports(self, count=RELATED_COUNT):
        """A few reports of this page's language (live and public) to read next: the chosen
        ones first, then the newest that share one of its zones, in one query."""
        keys = [block.value.translation_key for block in self.related if block.value is not None]
        zones = ReportPage.zones.through.objects.filter(reportpage_id=self.pk).values("zone_id")
        shares_zone = Exists(
            ReportPage.zones.through.objects.filter(reportpage_id=OuterRef("pk"), zone_id__in=zones)
        )
        chosen = Case(When(translation_key__in=keys, then=Value(0)), default=Value(1))
        reports = (
            ReportPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .filter(Q(translation_key__in=keys) | Q(shares_zone))
            .defer(*SEARCH_ONLY)
            .order_by(chosen, "-publication_date", "-pk")
        )
        return listed_reports(list(reports[:count]), self.locale)

    def citation(self):
        """The suggested citation, with the page's address (one site look-up, cached)."""
        return citation.citation_line(self, self.get_full_url())

    @path("")
    def report(self, request):
        return self.render(request)

    @path("ris/", name="ris")
    def ris(self, request):
        return _download(
            citation.ris(self, request),
            f"{slugify(self.slug)}.ris",
            "application/x-research-info-systems",
        )

    @path("bibtex/", name="bibtex")
    def bibtex(self, request):
        return _download(
            citation.bibtex(self, request), f"{slugify(self.slug)}.bib", "application/x-bibtex"
        )


class ReportFacetSet(models.Model):
    """One combination of what the facets count a report by: kind, year, its files'
    languages and its zones (ids, as `zone_ids`). A few hundred combinations stand for any
    number of reports, and one never changes: a report that changes moves to another set
    (made when first needed, by refresh_search_entries). PostgreSQL only."""

    kind = models.CharField(max_length=20)
    year = models.IntegerField()
    languages = models.CharField(max_length=40)
    zone_ids = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "languages", "zone_ids"], name="report_facet_set"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.year} [{self.languages}] zones {self.zone_ids}"


class ReportSearchEntry(models.Model):
    """What the search reads of a report on PostgreSQL, in a narrow row of its own: the
    matches of a text query are read from the heap one row each, and a report's own row
    (its abstract, search text, streams) held about four a page, so 12,000 matches read
    8,000 pages; these rows hold four times as many (16 a page for the generated reports of
    the benchmark; a long text's vector is kept out of line by TOAST). The counts group the
    entries by their facet set, one integer, read from an index with the date
    (`report_entry_newest`) rather than by four text columns and a year computed per row.

    Written whole by refresh_search_entries, which every save of a report (a publish, a
    revision, a translation), the task that follows a PDF's new text and
    generate_bulk_reports call; the page's `live` and `locale_id` are copied here by a
    trigger however the page changes (a publish, an unpublish, a bulk update: the app's
    initial migration makes it), so the search finds the live reports of a language without
    joining the page table. The search vector has a GIN index (`report_entry_words`, made by
    that migration). SQLite keeps no entries: its search reads the report rows."""

    report = models.OneToOneField(
        ReportPage, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    live = models.BooleanField(default=False)
    locale_id = models.IntegerField(null=True)
    publication_date = models.DateField()
    facets = models.ForeignKey(ReportFacetSet, on_delete=models.PROTECT, related_name="+")
    search_vector = SearchVectorField(null=True)
    rank_vector = SearchVectorField(null=True)

    class Meta:
        indexes = [
            # The newest live reports of a language, page by page, and what the counts
            # group them by (read without the rows: an index-only scan).
            models.Index(
                fields=["locale_id", "-publication_date", "-report"],
                include=["facets"],
                condition=Q(live=True),
                name="report_entry_newest",
            ),
        ]

    def __str__(self):
        return f"search entry of report {self.report_id}"


def _download(text, filename, content_type):
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
