from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from zones.models import Zone, ZonePage

from .blocks import BaseStreamBlock, LogoBlock
from .document_text import TextStatus, read_document_text
from .images import image_with_alt
from .sections import home_sections

HeroImage = image_with_alt(
    "hero_image",
    label=_("hero image"),
    alt_label=_("hero image description"),
    missing_alt=_("Describe the hero image for people who cannot see it."),
)


class HomePage(HeroImage, Page):
    """The portal's front page: what the project is and the four zones as the way in."""

    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), max_length=500, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    zones_heading = models.CharField(
        _("zones heading"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for the standard heading in the page's language."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                *HeroImage.image_panels,
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("zones_heading"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("intro"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "core.StandardPage",
        "zones.ZonePage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "research.ResearchIndexPage",
        "handbook.HandbookPage",
        "association.ProjectIndexPage",
        "association.PartnershipPage",
        "association.ContactPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def zones(self):
        """The four zones, in this page's language, in their editorial order."""
        return Zone.objects.for_locale(self.locale).order_by("sort_order")

    def sections(self):
        """The latest items of each content family that has some (see core.sections)."""
        return home_sections(self)

    def zone_cards(self):
        """Each zone with its landing page below this home page (None until there is one)."""
        pages = {
            page.zone.translation_key: page
            for page in ZonePage.objects.child_of(self).live().select_related("zone")
        }
        return [{"zone": zone, "page": pages.get(zone.translation_key)} for zone in self.zones()]


class StandardPage(Page):
    """A page of text, images and documents: about the project, privacy, accessibility…"""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["core.HomePage", "core.StandardPage", "zones.ZonePage"]
    subpage_types = [
        "core.StandardPage",
        "association.ProjectIndexPage",
        "association.PartnershipPage",
    ]

    class Meta:
        verbose_name = _("standard page")

    def section_pages(self):
        """ "In this section": the live, public pages below this one, in the editors'
        order, each with the short text that says what it is (its introduction, or else
        its search description). One query per page type, whatever their number."""
        return [
            {"page": child, "summary": getattr(child, "intro", "") or child.search_description}
            for child in self.get_children().live().public().specific()
        ]


class FundingNotice(TranslatableMixin, models.Model):
    """The EU funding notice shown at the foot of every page.

    A translatable snippet rather than a site setting, because Wagtail's site settings
    cannot be translated; the settings point at the Polish notice and templates show
    its translation in the visitor's language.
    """

    title = models.CharField(_("internal title"), max_length=120)
    text = RichTextField(_("text"), features=["bold", "italic", "link"])
    logos = StreamField([("logo", LogoBlock())], blank=True, verbose_name=_("logos"), max_num=6)

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("logos")]

    translatable_fields = [
        SynchronizedField("title"),
        TranslatableField("text"),
        TranslatableField("logos"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding notice")
        verbose_name_plural = _("funding notices")

    def __str__(self):
        return self.title


@register_setting(icon="site")
class ProjectSettings(ClusterableModel, BaseSiteSetting):
    """Language-neutral facts about the project office, shown in every page's footer."""

    class Weekdays(models.TextChoices):
        MON_FRI = "mon-fri", _("Monday to Friday")
        MON_THU = "mon-thu", _("Monday to Thursday")

    office_name = models.CharField(_("organisation"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    open_days = models.CharField(_("open on"), max_length=10, choices=Weekdays.choices, blank=True)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    funding_notice = models.ForeignKey(
        FundingNotice,
        verbose_name=_("funding notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the footer; each language shows its own translation."),
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page's footer, in the visitor's language."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Project office"),
        ),
        MultiFieldPanel(
            [FieldPanel("open_days"), FieldPanel("opens_at"), FieldPanel("closes_at")],
            heading=_("Opening hours"),
        ),
        InlinePanel("partners", label=_("Partner"), heading=_("Leader and partners")),
        FieldPanel("funding_notice"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("project settings")

    def clean(self):
        super().clean()
        hours = [self.open_days, self.opens_at, self.closes_at]
        if any(hours) and not all(hours):
            raise ValidationError(
                {"open_days": _("Give the days and both hours, or leave all three empty.")}
            )
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The office must close after it opens.")})

    @property
    def has_opening_hours(self):
        return bool(self.open_days and self.opens_at and self.closes_at)

    def localized_funding_notice(self):
        return self.funding_notice.localized if self.funding_notice else None

    def localized_accessibility_page(self):
        page = self.accessibility_page
        if page is None:
            return None
        page = page.localized
        return page if page.live else None


class Partner(Orderable):
    """The project's leader or a partner, listed in the footer and the partnership page."""

    class Role(models.TextChoices):
        LEADER = "leader", _("Project leader")
        PARTNER = "partner", _("Partner")

    settings = ParentalKey(ProjectSettings, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("website"), FieldPanel("logo")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class PortalDocument(AbstractDocument):
    """A file in the site's document library, with what a reader needs before opening it:
    a description, its language and, for the zones' resources, its kind and zones.

    A document tagged with zones is listed among those zones' resources. The zones are the
    source-language (Polish) zones; every translation of a zone page finds them through
    the zone's translation key.
    """

    class Language(models.TextChoices):
        POLISH = "pl", _("Polish")
        ENGLISH = "en", _("English")
        SEVERAL = "mul", _("Several languages")

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Document template")
        PRESENTATION = "presentation", _("Presentation")
        REPORT = "report", _("Report")
        FILM = "film", _("Film")

    description = models.TextField(_("description"), max_length=600, blank=True)
    language = models.CharField(
        _("language"), max_length=3, choices=Language.choices, default=Language.POLISH
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    zones = models.ManyToManyField(
        Zone,
        verbose_name=_("zones"),
        blank=True,
        related_name="documents",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text=_("The document is listed among the resources of these zones."),
    )

    TextStatus = TextStatus  # what reading the file's text gave (document_text.py)
    TEXT_FIELDS = ("text", "page_count", "text_status")

    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    text = models.TextField(
        _("text"), blank=True, editable=False, help_text=_("Pages are separated by form feeds.")
    )
    text_status = models.CharField(
        _("text search"), max_length=10, choices=TextStatus.choices, blank=True, editable=False
    )

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "description",
        "language",
        "kind",
        "zones",
        "tags",
    )

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("text"),
        index.FilterField("kind"),
        index.FilterField("language"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        """Save; a new file's text is read by a background task once the save is committed
        (not inside the upload request, and not again when only the title changes), and
        a file this save wrote is removed again if the save fails."""
        new_file = self.file_is_new()
        if new_file:
            is_pdf = self.file_extension.lower() == "pdf"
            self.text, self.page_count = "", None
            self.text_status = TextStatus.PENDING if is_pdf else TextStatus.NONE
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *self.TEXT_FIELDS}
        with self.file_removed_on_failure():
            super().save(*args, **kwargs)
        if new_file:
            transaction.on_commit(partial(read_document_text.enqueue, self.pk))

    def file_is_new(self):
        """Whether saving now would store a file the database does not hold yet for this
        document (a new document, or a file replaced)."""
        if not self.file:
            return False
        if self._state.adding:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        return self.file.name != stored

    @contextmanager
    def file_removed_on_failure(self):
        """If the block fails (say the database refuses a value), remove the file it wrote
        to storage, or the file of a new document that no other document holds (Wagtail's
        multiple upload writes it just before saving): a failed upload leaves no orphan
        under MEDIA_ROOT. The block runs in a savepoint, so the database can still be
        asked after the failure."""
        name_before, adding = self.file.name, self._state.adding
        try:
            with transaction.atomic():
                yield
        except Exception:
            name = self.file.name
            if name and (name != name_before or adding and not self.file_is_held(name)):
                self.file.storage.delete(name)
            raise

    def file_is_held(self, name):
        """Whether a saved document other than this one holds the file `name`."""
        return type(self).objects.filter(file=name).exclude(pk=self.pk).exists()

    def pages(self):
        """The extracted text, page by page (page 1 first)."""
        return self.text.split("\f") if self.text else []

    def pages_read(self):
        """How many pages the stored text comes from. Meant for a text cut short
        (TOO_LARGE, TIMED_OUT), which always holds at least its first page."""
        return self.text.count("\f") + 1
