"""The model: its twelve steps, the five sub-models tested in the project, and the
cooperatives that started thanks to it."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core.blocks import BaseStreamBlock
from portal.core.images import image_with_alt, prefetch_renditions
from portal.core.routes import CachedSubviewsMixin
from portal.core.translatable import PAGE_TEXT_FIELDS
from zones.models import (
    Zone,
    ZonePage,
    ZoneTaggedMixin,
    attach_localized_zones,
    localized_zones,
    with_zone_ids,
)
from zones.permissions import SharedIndexMixin

from .blocks import BeneficiaryBlock


def zones_with_pages(locale):
    """{zone translation key: (zone in `locale`, its live zone page in `locale` or None)},
    in two queries (the zones from the cache the page's other parts read them from), for
    linking groups and steps to the zones written for them."""
    pages = {
        page.zone.translation_key: page
        for page in ZonePage.objects.live().filter(locale=locale).select_related("zone")
    }
    return {
        zone.translation_key: (zone, pages.get(zone.translation_key))
        for zone in localized_zones(locale)
    }


def step_order(step):
    """Steps in the editors' order; those saved without one (in code, not through the admin)
    keep their creation order; a preview's unsaved steps have no primary key yet."""
    return (step.sort_order if step.sort_order is not None else float("inf"), step.pk or 0)


class HandbookPage(CachedSubviewsMixin, Page):
    """The model and its handbook: how it works, who gains from it, and the twelve steps.

    The page itself shows every step in full, so it prints as one document; each step
    also has its own address (/pl/model/krok-4/) with a navigator between the steps.
    """

    intro = models.TextField(_("introduction"), max_length=1500)
    how_it_works = RichTextField(
        _("how the model works"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    beneficiaries = StreamField(
        [("group", BeneficiaryBlock())], verbose_name=_("who gains"), blank=True
    )
    handbook = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("the handbook as a file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("how_it_works"),
        FieldPanel("beneficiaries"),
        FieldPanel("handbook"),
        InlinePanel("steps", label=_("Step"), heading=_("The steps"), min_num=1),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("how_it_works"),
        index.RelatedFields("steps", [index.SearchField("title"), index.SearchField("body")]),
        index.FilterField("locale_id"),
    ]

    translatable_fields = PAGE_TEXT_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("how_it_works"),
        TranslatableField("beneficiaries"),
        TranslatableField("steps"),
        SynchronizedField("handbook"),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = [
        "handbook.SubModelIndexPage",
        "handbook.SuccessStoryIndexPage",
        "core.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("the model's handbook")

    @cached_property
    def zones_with_pages(self):
        """zones_with_pages in this page's language, asked once for the steps and the
        groups that both link to the zones."""
        return zones_with_pages(self.locale)

    @cached_property
    def numbered_steps(self):
        """The steps in order, each with its `number` (1…), its `url`, its `files` and the
        zones that act in it (as named in this page's language, with their pages): a fixed
        number of queries however many steps there are."""
        steps = sorted(self.steps.all(), key=step_order)
        zones = self.zones_with_pages
        zone_ids = {block["value"] for step in steps for block in step.zones.raw_data}
        zone_keys = dict(Zone.objects.filter(pk__in=zone_ids).values_list("pk", "translation_key"))
        file_ids = {block["value"] for step in steps for block in step.downloads.raw_data}
        files = get_document_model().objects.in_bulk(file_ids)
        base_url = self.url
        for number, step in enumerate(steps, start=1):
            step.number = number
            with translation.override(self.locale.language_code):
                step.url = base_url + self.reverse_subpage("step", args=[number]).lstrip("/")
            step.zone_links = [
                zones[zone_keys[block["value"]]]
                for block in step.zones.raw_data
                if zone_keys.get(block["value"]) in zones
            ]
            step.files = [
                files[block["value"]]
                for block in step.downloads.raw_data
                if block["value"] in files
            ]
        return steps

    def beneficiary_groups(self):
        """The groups that gain, each with its zone and zone page in this language."""
        zones = self.zones_with_pages
        groups = []
        for block in self.beneficiaries:
            zone = block.value["zone"]
            zone, zone_page = (
                zones.get(zone.translation_key, (zone, None)) if zone else (None, None)
            )
            groups.append({"value": block.value, "zone": zone, "zone_page": zone_page})
        return groups

    def counterpart_subview(self, target, name, args, kwargs):
        """A step's counterpart in `target` (this page in another language) is the step with
        the same translation key, wherever it stands there: editors may reorder or add steps
        in Polish before the English page is synced. None when it does not exist there."""
        if name != "step":
            return name, args, kwargs
        steps = self.numbered_steps
        number = args[0] if args else kwargs.get("number", 0)
        if not 1 <= number <= len(steps):
            return None
        key = steps[number - 1].translation_key
        found = next((step for step in target.numbered_steps if step.translation_key == key), None)
        return ("step", [found.number], {}) if found else None

    def sitemap_subviews(self):
        """The page and each step, keyed by the step's translation key: the same step may
        stand at another number in another language (see counterpart_subview)."""
        subviews = super().sitemap_subviews()
        with translation.override(self.locale.language_code):
            for number, step in enumerate(sorted(self.steps.all(), key=step_order), start=1):
                subviews[step.translation_key] = self.reverse_subpage("step", args=[number]).lstrip(
                    "/"
                )
        return subviews

    def cached_route_values(self):
        """Each step's address is purged with the handbook."""
        return {"number": range(1, len(self.steps.all()) + 1)}

    @path("", name="steps")
    def all_steps(self, request):
        return self.render(request)

    @path(_("step-<int:number>/"), name="step")
    def one_step(self, request, number):
        steps = self.numbered_steps
        if not 1 <= number <= len(steps):
            raise Http404
        step = steps[number - 1]
        if request.path != step.url:  # "krok-04/": one address per step
            return redirect(step.url, permanent=True)
        return self.render(
            request,
            template="handbook/handbook_step.html",
            context_overrides={
                "step": step,
                "previous_step": steps[number - 2] if number > 1 else None,
                "next_step": steps[number] if number < len(steps) else None,
                "subview_title": _("Step %(number)d: %(title)s")
                % {"number": number, "title": step.title},
            },
        )


class HandbookStep(TranslatableMixin, Orderable):
    """One step (KROK) of the model: what happens, who acts, where the handbook says more."""

    page = ParentalKey(HandbookPage, related_name="steps", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=160)
    body = RichTextField(_("what happens"), features=["bold", "italic", "link", "ul", "ol"])
    zones = StreamField(
        [("zone", SnippetChooserBlock("zones.Zone", label=_("Zone")))],
        verbose_name=_("zones that act"),
        blank=True,
    )
    other_actors = models.CharField(
        _("others who act"),
        max_length=250,
        blank=True,
        help_text=_("For example: the initiative group, the social economy support centre."),
    )
    chapter = models.CharField(
        _("handbook chapter"),
        max_length=60,
        blank=True,
        help_text=_("Where the handbook describes this step, for example “3.2–3.6”."),
    )
    downloads = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("downloads"),
        blank=True,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("zones"),
        FieldPanel("other_actors"),
        FieldPanel("chapter"),
        FieldPanel("downloads"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("body"),
        TranslatableField("other_actors"),
        TranslatableField("chapter"),
        SynchronizedField("zones"),
        SynchronizedField("downloads"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"step-{self.number}"


class SubModelIndexPage(Page):
    """The sub-models tested in the project, compared side by side. The table is built from
    the sub-model pages' attributes, so it never disagrees with them."""

    intro = models.TextField(_("introduction"), max_length=1500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_TEXT_FIELDS + [TranslatableField("intro")]
    parent_page_types = ["handbook.HandbookPage"]
    subpage_types = ["handbook.SubModelPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sub-models compared")

    def sub_models(self):
        return SubModelPage.objects.child_of(self).live().public().order_by("path")

    def comparison(self):
        """The comparison table: one column per sub-model, one row per attribute."""
        models_ = list(self.sub_models())
        rows = [
            {
                "label": label,
                "values": [getattr(sub_model, name) for sub_model in models_],
            }
            for name, label in SubModelPage.COMPARED
        ]
        return {"columns": models_, "rows": rows}


class SubModelPage(Page):
    """One of the sub-models tested in the project, described by the same attributes as
    every other sub-model so that they can be compared."""

    COMPARED = [
        ("founders", _("Who founds the cooperative")),
        ("employer", _("Who employs the participants")),
        ("income", _("Sources of income")),
        ("local_government_role", _("The local government's role")),
        ("risks", _("Risks")),
        ("suits", _("Where it fits")),
    ]

    summary = models.TextField(_("summary"), max_length=600)
    features = StreamField(
        [("feature", blocks.CharBlock(label=_("Feature"), max_length=300))],
        verbose_name=_("what sets it apart"),
        blank=True,
    )
    founders = models.TextField(_("who founds the cooperative"), max_length=600)
    employer = models.TextField(_("who employs the participants"), max_length=600)
    income = models.TextField(_("sources of income"), max_length=600)
    local_government_role = models.TextField(_("the local government's role"), max_length=600)
    risks = models.TextField(_("risks"), max_length=600)
    suits = models.TextField(_("where it fits"), max_length=600)
    body = StreamField(BaseStreamBlock, verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("features"),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label in COMPARED],
            heading=_("Attributes compared with the other sub-models"),
        ),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("features"),
        *(index.SearchField(name) for name, _label in COMPARED),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = PAGE_TEXT_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("features"),
        *(TranslatableField(name) for name, _label in COMPARED),
        TranslatableField("body"),
    ]

    parent_page_types = ["handbook.SubModelIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sub-model")
        verbose_name_plural = _("sub-models")

    def attributes(self):
        return [{"label": label, "value": getattr(self, name)} for name, label in self.COMPARED]

    def siblings(self):
        """The other sub-models, to move between them."""
        return SubModelPage.objects.sibling_of(self, inclusive=False).live().public()


class SuccessStoryIndexPage(SharedIndexMixin, Page):
    """ "Nasze sukcesy": the cooperatives that started thanks to the model."""

    intro = models.TextField(_("introduction"), max_length=1500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_TEXT_FIELDS + [TranslatableField("intro")]
    parent_page_types = ["handbook.HandbookPage"]
    subpage_types = ["handbook.SuccessStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("success stories")

    def stories(self):
        """The stories below this page, each with its zones named (the zone mark)."""
        return attach_localized_zones(
            list(published_stories(self.locale).child_of(self)), self.locale
        )


def published_stories(locale):
    """The live, public success stories of one language, the youngest cooperative first,
    with their photos' card renditions (no query per card)."""
    return (
        with_zone_ids(SuccessStoryPage.objects.live().public().filter(locale=locale))
        .select_related("photo")
        .prefetch_related(prefetch_renditions("photo", "story_card"))
        .order_by("-founded", "title")
    )


Photo = image_with_alt(
    "photo",
    label=_("photo"),
    alt_label=_("photo description"),
    alt_help_text=_("What the photo shows, for people who cannot see it."),
    missing_alt=_("Describe the photo for people who cannot see it."),
)


class SuccessStoryPage(ZoneTaggedMixin, Photo, Page):
    """A cooperative that started thanks to the model: who they are and what they do."""

    cooperative = models.CharField(_("name of the cooperative"), max_length=200)
    founded = models.DateField(_("founded on"))
    members = models.PositiveSmallIntegerField(
        _("members"), help_text=_("Founding bodies and people who are members.")
    )
    employed_participants = models.PositiveSmallIntegerField(
        _("workshop participants employed"), null=True, blank=True
    )
    town = models.CharField(_("town"), max_length=100)
    activity = models.TextField(_("what it does"), max_length=600)
    quote = models.TextField(_("quotation"), max_length=600, blank=True)
    quote_by = models.CharField(_("who said it"), max_length=160, blank=True)
    body = StreamField(BaseStreamBlock, verbose_name=_("story"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("cooperative"),
                FieldPanel("founded"),
                FieldPanel("members"),
                FieldPanel("employed_participants"),
                FieldPanel("town"),
                FieldPanel("activity"),
                ZoneTaggedMixin.zones_panel,
            ],
            heading=_("The cooperative"),
        ),
        MultiFieldPanel(Photo.image_panels, heading=_("Photo")),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_by")], heading=_("Quotation")),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("cooperative"),
        index.SearchField("activity"),
        index.SearchField("quote"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        *ZoneTaggedMixin.translatable_fields,
        *Photo.translatable_fields,
        TranslatableField("activity"),
        TranslatableField("quote"),
        TranslatableField("quote_by"),
        TranslatableField("body"),
        SynchronizedField("cooperative"),
        SynchronizedField("founded"),
        SynchronizedField("members"),
        SynchronizedField("employed_participants"),
        SynchronizedField("town"),
    ]

    parent_page_types = ["handbook.SuccessStoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")
