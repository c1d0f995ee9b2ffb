from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Aggregate, CharField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core.fragments import cached_value, versioned_key
from portal.core.images import image_with_alt
from portal.core.navigation import subpage_url
from portal.core.pagination import page_of, page_when_shown, requested_page
from portal.core.routes import CachedSubviewsMixin
from portal.core.translatable import PAGE_TEXT_FIELDS

from .additions import zone_page_additions
from .admin_forms import ZoneContentPageForm, ZonePageForm
from .listings import listing_urls, registered_listings
from .permissions import SharedIndexMixin, ZoneContentMixin

LATEST_ITEMS = 3


class ZoneQuerySet(models.QuerySet):
    def for_locale(self, locale):
        """The zones as seen in `locale`, falling back to the source zone where no
        translation exists yet, so a half-translated site still shows all four zones."""
        default = Locale.get_default()
        zones = self.select_related("locale")
        if locale.pk == default.pk:
            return zones.filter(locale=locale)
        translated_keys = self.filter(locale=locale).values("translation_key")
        return zones.filter(
            Q(locale=locale) | Q(locale=default) & ~Q(translation_key__in=translated_keys)
        )


class Zone(TranslatableMixin, index.Indexed, models.Model):
    """One of the four stakeholder groups the site is organised around.

    News, reports, events and resources point at zones; the zone's landing page
    (ZonePage) gathers them. The slug, colour, icon and order are shared by all
    translations; the name and texts are translated.
    """

    class Colour(models.TextChoices):
        TEAL = "teal", _("Teal")
        PLUM = "plum", _("Plum")
        AMBER = "amber", _("Amber")
        BLUE = "blue", _("Blue")

    class Icon(models.TextChoices):
        TOWN_HALL = "town-hall", _("Town hall")
        WORKSHOP = "workshop", _("Workshop")
        BUSINESS = "business", _("Business")
        GLOBE = "globe", _("Globe")

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_("Identifies the zone in addresses and filters; the same in every language."),
    )
    name = models.CharField(_("name"), max_length=120)
    intro = models.TextField(_("short introduction"), max_length=400)
    audience = models.CharField(
        _("who it is for"),
        max_length=255,
        help_text=_("For example: municipalities, counties, regional social policy centres."),
    )
    colour = models.CharField(_("colour"), max_length=20, choices=Colour.choices)
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    editor_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("editors' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="zones",
        help_text=_("Members may edit this zone's pages and its content, but not publish."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection of images and documents"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ZoneQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("intro"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("colour"), FieldPanel("icon"), FieldPanel("sort_order")],
            heading=_("Look and order"),
        ),
        MultiFieldPanel(
            [FieldPanel("editor_group"), FieldPanel("collection")],
            heading=_("Editing"),
        ),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("intro"),
        TranslatableField("audience"),
        SynchronizedField("slug"),
        SynchronizedField("colour"),
        SynchronizedField("icon"),
        SynchronizedField("sort_order"),
        SynchronizedField("editor_group"),
        SynchronizedField("collection"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("intro"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="zones_zone_unique_slug_per_locale"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """Say so next to the field when the slug is taken in this language; the database
        constraint alone would only surface as a server error in the admin form."""
        super().clean()
        if self.slug and self.locale_id:
            taken = Zone.objects.filter(slug=self.slug, locale_id=self.locale_id)
            if taken.exclude(pk=self.pk).exists():
                raise ValidationError({"slug": _("Another zone in this language has this slug.")})

    @property
    def icon_path(self):
        return f"img/zones/{self.icon}.svg"


class BenefitBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("What they gain"), max_length=160)
    text = blocks.TextBlock(label=_("Explanation"))

    class Meta:
        icon = "tick"
        label = _("Benefit")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Question")


Illustration = image_with_alt(
    "illustration",
    label=_("illustration"),
    alt_label=_("illustration description"),
    alt_help_text=_("What the illustration shows, for people who cannot see it."),
    missing_alt=_("Describe the illustration for people who cannot see it."),
)


class ZonePage(ZoneContentMixin, CachedSubviewsMixin, Illustration, Page):
    """The landing page of one zone, in one language: what the group gains, the people to
    ask, the answers to common questions, and the zone's resources, reports, news and
    events. Families plug their sub-views in through `zones.listings`."""

    zone = models.ForeignKey(
        Zone,
        verbose_name=_("zone"),
        on_delete=models.PROTECT,
        related_name="pages",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    # Every view of the page (its sub-views too) shows its zone: fetched with the page.
    route_select_related = ["zone"]
    intro = models.TextField(_("introduction"), max_length=1500)
    benefits_heading = models.CharField(
        _("benefits heading"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for the standard heading in the page's language."),
    )
    benefits = StreamField(
        [("benefit", BenefitBlock())], verbose_name=_("what you gain"), blank=True
    )
    featured = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("featured content"),
        blank=True,
        max_num=6,
    )
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_role = models.CharField(_("role"), max_length=160, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    faq = StreamField(
        [("question", QuestionBlock())], verbose_name=_("questions and answers"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("zone"),
        FieldPanel("intro"),
        MultiFieldPanel(Illustration.image_panels, heading=_("Illustration")),
        MultiFieldPanel(
            [FieldPanel("benefits_heading"), FieldPanel("benefits")], heading=_("What you gain")
        ),
        FieldPanel("featured"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact person"),
        ),
        FieldPanel("faq"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("benefits"),
        index.SearchField("faq"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = PAGE_TEXT_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("benefits_heading"),
        TranslatableField("benefits"),
        TranslatableField("faq"),
        TranslatableField("contact_role"),
        *Illustration.translatable_fields,
        SynchronizedField("zone"),
        SynchronizedField("featured"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]

    base_form_class = ZonePageForm
    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("zone page")

    def __str__(self):
        return self.title

    def clean(self):
        """One landing page per zone and language; say so next to the zone field."""
        super().clean()
        if self.zone_id and self.locale_id:
            others = ZonePage.objects.filter(
                locale_id=self.locale_id, zone__translation_key=self.zone.translation_key
            ).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"zone": _("This zone already has a page in this language.")})

    def zone_keys(self):
        return [self.zone.translation_key]

    @cached_property
    def localized_zone(self):
        """The zone in this page's language (the Polish zone where not yet translated),
        from the cached zones of the language that the items' zone marks read."""
        key = self.zone.translation_key
        zones = localized_zones(self.locale)
        return next((zone for zone in zones if zone.translation_key == key), self.zone)

    @classmethod
    def get_subpage_urls(cls):
        return super().get_subpage_urls() + tuple(listing_urls())

    def listings(self):
        return registered_listings()

    def sitemap_route_names(self):
        """Every family's sub-view of the zone is a page of its own."""
        return [listing.name for listing in self.listings()]

    def listing_url(self, name):
        """The URL of one family's sub-view, with its route in this page's language."""
        return subpage_url(self, name)

    def subview_links(self, current=None):
        """The zone's own navigation: the overview and one link per family's sub-view."""
        links = [{"title": _("Overview"), "url": self.url, "is_current": current is None}]
        for listing in self.listings():
            links.append(
                {
                    "title": listing.title,
                    "url": self.listing_url(listing.name),
                    "is_current": current == listing.name,
                }
            )
        return links

    def localize_zones(self, pages):
        """Name the zones of `pages` in this page's language, this page's zone first (see
        attach_localized_zones): every item listed here is in it."""
        return attach_localized_zones(pages, self.locale, first_slug=self.zone.slug)

    def render_subview(self, request, listing_name, template, context):
        """Render a family's sub-view of this page: the zone navigation and breadcrumbs
        know which sub-view is open."""
        listing = next(item for item in self.listings() if item.name == listing_name)
        return self.render(
            request,
            template=template,
            context_overrides={
                "listing": listing,
                "subview_title": listing.title,
                "subview_links": self.subview_links(current=listing_name),
                **context,
            },
        )

    def additions(self):
        """What apps above the families add to the page (zones.additions)."""
        return zone_page_additions()

    def sections(self):
        """The families that have something new in this zone, with their latest items.
        A family without items, or without a section at all, is simply absent."""
        sections = []
        for listing in self.listings():
            if listing.latest is None:
                continue
            items = listing.latest(self, LATEST_ITEMS)
            if items:
                sections.append(
                    {"listing": listing, "items": items, "url": self.listing_url(listing.name)}
                )
        return sections

    def featured_pages(self):
        """The pages editors chose, in this page's language where translated, and only
        those that are live and public (in one query)."""
        chosen = [block.value for block in self.featured if block.value is not None]
        if not chosen:
            return []
        candidates = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=[page.translation_key for page in chosen])
            .specific()
        )
        by_key = {}
        for page in candidates:
            if page.locale_id == self.locale_id or page.translation_key not in by_key:
                by_key[page.translation_key] = page
        chosen_ids = {page.pk for page in chosen}
        return [
            found
            for page in chosen
            if (found := by_key.get(page.translation_key))
            and (found.locale_id == self.locale_id or found.pk in chosen_ids)
        ]


def zone_cards(home):
    """The zones in `home`'s language and editorial order, each with its landing page below
    `home` (None until there is one): the way into the site from the home page. The zones
    come from the cache that the listed items' zone marks read them from."""
    pages = {
        page.zone.translation_key: page
        for page in ZonePage.objects.child_of(home).live().select_related("zone")
    }
    zones = sorted(localized_zones(home.locale), key=lambda zone: zone.sort_order)
    return [{"zone": zone, "page": pages.get(zone.translation_key)} for zone in zones]


def localized_zones(locale):
    """`Zone.objects.for_locale(locale)` as a list, kept in the cache under the fragment
    version (saving a zone stores a new one): a page asks for them from its listings, its
    filters and its zone marks, and the database answers once."""
    return cached_value(
        versioned_key("zones", str(locale.pk)), lambda: list(Zone.objects.for_locale(locale))
    )


# The attribute that `with_zone_ids` gives each listed item: its zones' ids, comma-separated.
LISTED_ZONE_IDS = "listed_zone_ids"


class ZoneIdList(Aggregate):
    """The ids of a group's zones as one comma-separated text: GROUP_CONCAT on SQLite,
    STRING_AGG on PostgreSQL (Django 5.2 has no database-neutral string aggregate)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s::text, ',')",
            **extra_context,
        )


def with_zone_ids(items):
    """`items` (a queryset of zone-tagged pages or documents) with each one's zone ids in
    its own row (a subquery on the tags): a listing names its items' zones from the cached
    zones of the language (attach_localized_zones) with no query for them."""
    tags = items.model._meta.get_field("zones")
    item, zone = tags.m2m_field_name(), tags.m2m_reverse_field_name()
    ids = (
        tags.remote_field.through.objects.filter(**{item: OuterRef("pk")})
        .values(item)
        .annotate(ids=ZoneIdList(zone))
        .values("ids")
    )
    # An item without zones has no tags to aggregate: "" (no zones), not None (not fetched).
    return items.annotate(**{LISTED_ZONE_IDS: Coalesce(Subquery(ids), Value(""))})


def zone_keys_by_id():
    """Every zone's translation key by its id, cached like the zones: the tags point at the
    Polish zones, which a page in another language names by their translations."""
    return cached_value(
        versioned_key("zone-keys"), lambda: dict(Zone.objects.values_list("pk", "translation_key"))
    )


def tagged_zones(page, by_key):
    """`page`'s zones as named in `by_key`'s language: from the ids `with_zone_ids` gave it
    where it has them, else from its (prefetched) `zones`."""
    ids = getattr(page, LISTED_ZONE_IDS, None)
    if ids is None:
        return [by_key.get(zone.translation_key, zone) for zone in page.zones.all()]
    by_id = {zone.pk: zone for zone in by_key.values()}
    ids = {int(pk) for pk in ids.split(",") if pk}
    if not ids <= by_id.keys():
        # Zones named by their translations: in the Polish zones' order, as `zones.all()`.
        keys = zone_keys_by_id()
        by_id = {pk: by_key[key] for pk, key in keys.items() if key in by_key}
    return [zone for pk, zone in by_id.items() if pk in ids]


def attach_localized_zones(pages, locale, first_slug=None):
    """Give each page a `zone_list`: its zones as named in `locale`, in editorial order,
    except that the zone with `first_slug` (the zone the visitor is looking at) leads: a
    listed item shows one zone mark, its first zone's (templates/zones/includes/zone_mark.html).
    The caller fetches the items `with_zone_ids` (or prefetches `zones`); the zones of the
    language come from the cache."""
    by_key = {zone.translation_key: zone for zone in localized_zones(locale)}
    for page in pages:
        page.zone_list = sorted(
            tagged_zones(page, by_key), key=lambda zone: (zone.slug != first_slug, zone.sort_order)
        )
    return pages


class ZoneTaggedMixin(ZoneContentMixin, models.Model):
    """For page types tagged with zones (news, events, reports, success stories): the
    `zones` field with its panel, its synchronised translation and its admin form, who may
    edit the page, and its zones as named in the page's language. A page type adds the
    base class and places `zones_panel` and `translatable_fields` among its own."""

    zones = ParentalManyToManyField(
        Zone,
        verbose_name=_("zones"),
        blank=True,
        related_name="%(app_label)s_%(class)s",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )

    zones_panel = FieldPanel("zones", widget=forms.CheckboxSelectMultiple)
    # The tags point at the Polish zones in every language (see attach_localized_zones).
    translatable_fields = [SynchronizedField("zones")]
    base_form_class = ZoneContentPageForm

    class Meta:
        abstract = True

    def zone_keys(self):
        return [zone.translation_key for zone in self.zones.all()]

    def zone_keys_with_siblings(self):
        """The zone keys of this page and of its siblings of the same type, in one query
        (the rows of an admin listing of its index; a page without zones gets [])."""
        siblings = (
            type(self)
            .objects.filter(path__startswith=self.path[: -self.steplen], depth=self.depth)
            .values_list("pk", "zones__translation_key")
        )
        keys = {self.pk: []}
        for page_id, key in siblings:
            keys.setdefault(page_id, [])
            if key is not None:
                keys[page_id].append(key)
        return keys

    def listing_pages(self):
        """The zone pages (every language) whose sections and sub-views list this page: they
        are purged from the page cache and Varnish with it (portal.core.front_cache)."""
        return ZonePage.objects.filter(zone__translation_key__in=self.zone_keys())

    @cached_property
    def zone_list(self):
        return attach_localized_zones([self], self.locale)[0].zone_list


class ZoneTaggedIndexPage(SharedIndexMixin, CachedSubviewsMixin, Page):
    """Base of the index of a family of zone-tagged pages ("Aktualności", "Wydarzenia"):
    an introduction, and the family's pages filtered by a `ZoneFilterSet` and paginated,
    each with its zones named in the index's language, in a fixed number of queries."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1
    per_page = 10

    class Meta:
        abstract = True

    def cached_route_values(self):
        """The feeds of every zone are purged with the index (rss/<zone>/, ical/<zone>/)."""
        return {"zone": list(Zone.objects.for_locale(self.locale).values_list("slug", flat=True))}

    def render_listing(self, request, filters, items=None, **context):
        """One page of `items` (by default what `filters` let through), with the filter
        form; a filter value the listing does not know is answered 400 with its message
        next to the field and the unfiltered list. A page of a listing nobody filtered is
        kept as a fragment (`{% item_fragment page page_number when filter_form.is_blank %}`),
        and its first page of items is fetched only when it is built (page_when_shown)."""
        items = filters.listing() if items is None else items
        context = {
            "filter_form": filters.form,
            "results": page_when_shown(request, lambda: self.page_of_items(request, items)),
            "page_number": requested_page(request),
            **context,
        }
        response = self.render(request, context_overrides=context)
        if filters.errors:
            response.status_code = 400
        return response

    def page_of_items(self, request, items):
        """The page of `items` asked for (a 404 past the end), each with its zones named in
        this index's language."""
        results = page_of(request, items, self.per_page)
        attach_localized_zones(results.object_list, self.locale)
        return results
