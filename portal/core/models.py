import copy
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BaseStreamBlock, LogoBlock
from .images import image_with_alt
from .panels import PlaceholderLogosPanel
from .sections import home_sections
from .translatable import PAGE_TEXT_FIELDS

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

    # Listed, not derived: the image mixin brings its own list, which would otherwise be all
    # wagtail-localize sees, and the English home page would show the Polish hero.
    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("intro"),
        TranslatableField("zones_heading"),
        *HeroImage.translatable_fields,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("intro"),
        index.FilterField("locale_id"),
    ]

    # Which sections go below the home page is said by each family's parent_page_types, so
    # core names none of them.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def sections(self):
        """The sections the content families register (the zone cards, the latest news…),
        those with items, in their order (see core.sections)."""
        return home_sections(self)


class StandardPage(Page):
    """A page of text, images and documents: about the project, privacy, accessibility…"""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock, verbose_name=_("body"), blank=True)

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


PLACEHOLDER_PREFIX = "placeholder-"


def is_placeholder_image(image):
    """A logo is a stand-in while its file is one the portal ships (the demo's and a new
    site's): their names begin with "placeholder-". Choosing or uploading the official
    artwork changes the file, and with it the flag, without an editor ticking anything."""
    return Path(image.file.name).name.startswith(PLACEHOLDER_PREFIX)


class FundingNotice(TranslatableMixin, models.Model):
    """The EU funding notice shown at the foot of every page.

    A translatable snippet rather than a site setting, because Wagtail's site settings
    cannot be translated; the settings point at the Polish notice and templates show
    its translation in the visitor's language.
    """

    title = models.CharField(_("internal title"), max_length=120)
    text = RichTextField(_("text"), features=["bold", "italic", "link"])
    logos = StreamField([("logo", LogoBlock())], blank=True, verbose_name=_("logos"), max_num=6)

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        PlaceholderLogosPanel(),
        FieldPanel(
            "logos",
            help_text=_(
                "Programme rules (Human Capital OP): the Kapitał Ludzki logo first, on the left, "
                "then the EU emblem with the words 'Unia Europejska, Europejski Fundusz Społeczny' "
                "on the right; the footer shows them at the same height. A file whose name begins "
                "with 'placeholder-' is a stand-in: choose the official artwork instead."
            ),
        ),
    ]

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

    def placeholder_logos(self):
        """The logos that still show a stand-in file (see is_placeholder_image)."""
        return [
            block.value["image"]
            for block in self.logos
            if block.value["image"] and is_placeholder_image(block.value["image"])
        ]

    def logo_status(self):
        """The listing's word on the logos: how many are still placeholders."""
        count = len(self.placeholder_logos())
        if not count:
            return _("Official files")
        return ngettext(
            "%(count)d placeholder to replace", "%(count)d placeholders to replace", count
        ) % {"count": count}

    logo_status.short_description = _("logos")


def images_with_renditions(ids):
    """The images of `ids` by id, each with the renditions made of it before: one query
    for both once an image has been shown (its renditions bring it along), one more for
    the images that have none yet (they are about to be made, which costs more)."""
    wanted = {pk for pk in ids if pk is not None}
    images = {}
    renditions = get_image_model().get_rendition_model().objects.filter(image_id__in=wanted)
    for rendition in renditions.select_related("image"):
        image = images.setdefault(rendition.image_id, rendition.image)
        image.__dict__.setdefault("prefetched_renditions", []).append(rendition)
        rendition.image = image
    missing = wanted - images.keys()
    if missing:
        for image in get_image_model().objects.filter(pk__in=missing):
            image.prefetched_renditions = []
            images[image.pk] = image
    return images


def logo_image(raw):
    """The raw value of a logo's ImageBlock as {"image": id, "alt_text", "decorative"} (an
    image id alone is what an ImageChooserBlock stored)."""
    raw = raw.get("image") if isinstance(raw, dict) else None
    if isinstance(raw, dict):
        return raw
    return {"image": raw, "alt_text": None, "decorative": False}


def with_logo_images(notice, images):
    """`notice` with the images of its logos taken from `images` (by id; a copy each, as
    each logo carries its own alternative text), so reading its logos fetches nothing."""
    stream_block = notice.logos.stream_block
    children = []
    for item in notice.logos.raw_data:
        block = stream_block.child_blocks[item["type"]]
        value, image = dict(item["value"]), dict(logo_image(item["value"]))
        found = images.get(image["image"])
        image["image"] = copy.copy(found) if found is not None else None
        if image["image"] is not None and image["alt_text"] is None:
            image["alt_text"] = found.default_alt_text
        value["image"] = image if image["image"] is not None else None
        children.append((item["type"], block.normalize(value), item.get("id")))
    notice.logos = StreamValue(stream_block, children)
    return notice


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

    def footer_partners(self):
        """The partners in the editors' order, with their logos and the renditions of them
        (see `footer_logos`)."""
        return self.footer_logos()[0]

    def localized_funding_notice(self):
        """The funding notice in the active language, or as written when it has no
        translation, with its locale (the footer names its language) and the renditions of
        its logos (see `footer_logos`)."""
        return self.footer_logos()[1]

    def footer_logos(self):
        """(partners, funding notice) of the footer, with the renditions of all their logos:
        three queries however many logos there are, whichever the footer shows first. Kept
        on the settings, which Wagtail reads once per request, for each language."""
        memo = self.__dict__.setdefault("_footer_logos", {})
        language = translation.get_language()
        if language not in memo:
            partners = list(self.partners.all())
            notice = self.find_funding_notice()
            ids = [partner.logo_id for partner in partners]
            if notice is not None:
                ids += [logo_image(item["value"])["image"] for item in notice.logos.raw_data]
            images = images_with_renditions(ids)
            for partner in partners:
                partner.logo = images.get(partner.logo_id)
            if notice is not None:
                notice = with_logo_images(notice, images)
            memo[language] = (partners, notice)
        return memo[language]

    def find_funding_notice(self):
        """The funding notice in the active language, or the source one: one query."""
        if self.funding_notice_id is None:
            return None
        same_notice = FundingNotice.objects.filter(pk=self.funding_notice_id)
        versions = FundingNotice.objects.select_related("locale").filter(
            models.Q(pk=self.funding_notice_id)
            | models.Q(
                translation_key__in=same_notice.values("translation_key"),
                locale=Locale.get_active(),
            )
        )
        by_id = {notice.pk: notice for notice in versions}
        source = by_id.pop(self.funding_notice_id, None)
        return next(iter(by_id.values()), source)

    # The footer shows the statement's translation: its source page comes with the settings.
    select_related = ["accessibility_page"]

    def localized_accessibility_page(self, translations=None):
        """The statement in the active language (or as written), if live. `translations`:
        pages among which its translation is, when the caller has them (the header's
        query brings them to the footer, see wagtail_hooks), instead of a query."""
        page = self.accessibility_page
        if page is None:
            return None
        if translations is None:
            page = page.localized
        else:
            locale = Locale.get_active()
            page = next(
                (
                    each
                    for each in translations
                    if each.translation_key == page.translation_key and each.locale_id == locale.pk
                ),
                page,
            )
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
