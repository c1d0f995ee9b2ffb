import datetime

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models
from django.db.models import (
    Case,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
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


# The columns only the search reads (long: a report's whole text and its vectors), left
# out of the rows a page shows.
SEARCH_ONLY = ("search_text", "search_vector", "rank_vector")


def report_vector():
    """The report's words for PostgreSQL's full-text search: the title weighs most (A), so a
    title match ranks before a match in the abstract, findings or PDFs (B). The title is
    read by a subquery: an UPDATE of the report table cannot join the page table."""
    title = Subquery(Page.objects.filter(pk=OuterRef("pk")).values("title")[:1])
    return SearchVector(title, weight="A", config=SEARCH_CONFIG) + SearchVector(
        "search_text", weight="B", config=SEARCH_CONFIG
    )


def report_rank_vector():
    """The few words best match first ranks by: the title (A) and the abstract (B). The
    search vector, with a report's PDFs, finds the reports; ranking every match by it read
    each report's whole text (TOASTed, megabytes for a long PDF), so a query that many
    reports match ranks them by this small vector, kept beside it (migration 0006). A
    report found only in its files or other text ranks after those that name the words in
    the title or abstract."""
    title = Subquery(Page.objects.filter(pk=OuterRef("pk")).values("title")[:1])
    return SearchVector(title, weight="A", config=SEARCH_CONFIG) + SearchVector(
        "abstract", weight="B", config=SEARCH_CONFIG
    )


def refresh_search_vectors(reports):
    """Recompute the tsvectors of `reports` (a queryset) from their title, abstract and
    search text, in one UPDATE. Only PostgreSQL has the column's type; SQLite searches the
    folded text."""
    if connection.vendor == "postgresql":
        reports.update(search_vector=report_vector(), rank_vector=report_rank_vector())


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
    # On PostgreSQL: `report_vector()` of the above, behind a GIN index (migration 0002).
    search_vector = SearchVectorField(null=True, editable=False)
    # On PostgreSQL: `report_rank_vector()`, the title and abstract only, which best match
    # first ranks the matches by (migration 0006); unused on SQLite.
    rank_vector = SearchVectorField(null=True, editable=False)
    # On PostgreSQL: the page's `live` and `locale_id`, copied onto the report's own row by
    # triggers (migration 0005) whatever changes them (a publish, an unpublish, a bulk
    # update), so the search filters, sorts and counts the reports of one language without
    # joining the page table (with partial indexes of the live reports). Unused on SQLite.
    listed_live = models.BooleanField(default=False, editable=False)
    listed_locale_id = models.IntegerField(null=True, editable=False)
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
        # What the listing filters and sorts by. `report_facets` (PostgreSQL only, as
        # covering indexes are) lets the facet counts read a narrow index in page order
        # instead of the wide rows; the search vector's GIN index and the index of live
        # pages by language are made by migration 0002, on PostgreSQL only.
        indexes = [
            models.Index(fields=["-publication_date", "-page_ptr"], name="report_newest"),
            models.Index(fields=["kind", "-publication_date"], name="report_kind_newest"),
            models.Index(
                fields=["page_ptr"],
                include=["kind", "publication_date", "languages", "zone_ids"],
                name="report_facets",
            ),
        ]

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        self.refresh_shown_cover()
        self.zone_ids = zone_ids_text(self.zones.all())
        super().save(*args, **kwargs)
        refresh_search_vectors(ReportPage.objects.filter(pk=self.pk))

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


def _download(text, filename, content_type):
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
