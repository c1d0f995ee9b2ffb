import datetime

import django_filters

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core.blocks import BaseStreamBlock
from portal.core.fragments import kept_response
from portal.core.images import PLACEMENTS, image_with_alt
from portal.core.translatable import PAGE_TEXT_FIELDS
from zones.filters import ZoneFilterSet
from zones.models import ZoneTaggedIndexPage, ZoneTaggedMixin, with_zone_ids

from .feeds import NewsAtomFeed, NewsRssFeed, feed_links

NEWS_PER_PAGE = 10


def published_news(locale):
    """The live, public articles of one language, newest first, ready for a listing:
    zones, image and its listing rendition fetched in a fixed number of queries."""
    return (
        with_zone_ids(NewsPage.objects.live().public().filter(locale=locale))
        .select_related("locale")
        .prefetch_related(
            models.Prefetch(
                "image",
                queryset=get_image_model().objects.prefetch_renditions(
                    *PLACEMENTS["news_item"].specs
                ),
            ),
        )
        .order_by("-date", "-pk")
    )


class NewsFilterSet(ZoneFilterSet):
    """The news by zone and year; each year says how many articles it has."""

    year = django_filters.TypedChoiceFilter(
        label=_("Year"), coerce=int, empty_value=None, field_name="date", lookup_expr="year"
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked for only when the form is shown or a year checked: a blank form is a
        # fragment, and validating it looks at no choice.
        self.filters["year"].extra["choices"] = lambda: (
            [("", _("All years"))]
            + [(entry["year"], f"{entry['year']} ({entry['count']})") for entry in years]
        )


MainImage = image_with_alt(
    "image",
    label=_("main image"),
    alt_label=_("image description"),
    alt_help_text=_("What the image shows, for people who cannot see it."),
    missing_alt=_("Describe the image for people who cannot see it."),
)


class NewsIndexPage(ZoneTaggedIndexPage):
    """ "Aktualności": every article of one language, newest first, with RSS and Atom feeds
    for the whole site and for each zone."""

    subpage_types = ["news.NewsPage"]
    per_page = NEWS_PER_PAGE

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return published_news(self.locale)

    def years(self):
        """Each year that has articles, with how many, newest first (one query)."""
        return list(
            NewsPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(count=Count("pk"))
            .order_by("-year")
        )

    @path("")
    def listing(self, request):
        years = SimpleLazyObject(self.years)
        filters = NewsFilterSet(request.GET, self.news(), locale=self.locale, years=years)
        zone = filters.form.cleaned_data.get("zone") if filters.is_valid() else None
        return self.render_listing(request, filters, years=years, feeds=feed_links(self, zone))

    @path("rss/", name="rss")
    @path("rss/<slug:zone>/", name="zone_rss")
    def rss(self, request, zone=None):
        return kept_response(request, "rss", lambda: NewsRssFeed(self, zone)(request))

    @path("atom/", name="atom")
    @path("atom/<slug:zone>/", name="zone_atom")
    def atom(self, request, zone=None):
        return kept_response(request, "atom", lambda: NewsAtomFeed(self, zone)(request))


class NewsPage(ZoneTaggedMixin, MainImage, Page):
    """An article: what happened or what is coming, for one or more zones."""

    date = models.DateField(_("date"), default=datetime.date.today)
    lead = models.TextField(_("lead"), max_length=500)
    body = StreamField(BaseStreamBlock, verbose_name=_("body"), blank=True)
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("attachments"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), ZoneTaggedMixin.zones_panel],
            heading=_("Date and zones"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel(MainImage.image_panels, heading=_("Main image")),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        *ZoneTaggedMixin.translatable_fields,
        *MainImage.translatable_fields,
        TranslatableField("lead"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("attachments"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    RESERVED_SLUGS = {"rss", "atom"}  # routes of the news index

    def clean(self):
        super().clean()
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the news feeds; choose another.")}
            )

    @cached_property
    def published_at(self):
        """The article's date as a moment (midnight in the site's time zone), for feeds
        and structured data."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time()))

    def _siblings(self):
        return NewsPage.objects.live().public().filter(locale_id=self.locale_id).exclude(pk=self.pk)

    def previous_article(self):
        """The article just before this one in date order (ties broken by creation)."""
        earlier = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return self._siblings().filter(earlier).order_by("-date", "-pk").first()

    def next_article(self):
        later = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return self._siblings().filter(later).order_by("date", "pk").first()

    def related_articles(self, limit=3):
        """The newest other articles that share a zone with this one."""
        keys = self.zone_keys()
        if not keys:
            return []
        return list(
            self._siblings()
            .filter(zones__translation_key__in=keys)
            .distinct()
            .order_by("-date", "-pk")[:limit]
        )

    def structured_data(self, request):
        """schema.org NewsArticle, for search engines (JSON-LD)."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.lead,
            "datePublished": self.published_at.isoformat(),
            "dateModified": (self.last_published_at or self.published_at).isoformat(),
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": self.get_full_url(request),
            "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        }
        return data  # its image is the link preview's (portal.core.seo.share_image)
