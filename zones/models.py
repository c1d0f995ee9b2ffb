from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


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
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("intro"),
        TranslatableField("audience"),
        SynchronizedField("slug"),
        SynchronizedField("colour"),
        SynchronizedField("icon"),
        SynchronizedField("sort_order"),
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
