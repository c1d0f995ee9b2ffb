"""The admin's listing of each shared index (news, events, reports, success stories): a
"Strefy" column and a zone filter, so a moderator sees and picks out one zone's items.

Wagtail 8 shows the children of a page type's index with that type's PageViewSet (its
`parent_models` are the indexes that hold only this type), so one viewset per zone-tagged
page type puts the column and filter into the ordinary page explorer."""

import django_filters

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Locale

from .models import Zone, ZoneTaggedMixin


def zone_names(page):
    """The page's zones, in editorial order (prefetched with the listing)."""
    zones = sorted(page.zones.all(), key=lambda zone: zone.sort_order)
    return ", ".join(zone.name for zone in zones)


def tagging_zones(request):
    """Pages are tagged with the zones of the default language, in every language."""
    return Zone.objects.filter(locale=Locale.get_default()).order_by("sort_order")


class ZoneTaggedPageFilterSet(GenericPageFilterSet):
    zones = django_filters.ModelChoiceFilter(label=_("zone"), queryset=tagging_zones)


class ZoneTaggedIndexView(ExplorableIndexView):
    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).prefetch_related("zones")


class ZoneTaggedPageViewSet(PageViewSet):
    """Wagtail's views of a zone-tagged page type, with the zones in its index's listing."""

    index_view_class = ZoneTaggedIndexView
    filterset_class = ZoneTaggedPageFilterSet
    columns = [
        *ExplorableIndexView.base_columns[:2],
        Column("zones", label=_("Zones"), accessor=zone_names),
        *ExplorableIndexView.base_columns[2:],
    ]


def zone_tagged_page_viewsets():
    """One viewset per concrete page type tagged with zones."""
    return [
        ZoneTaggedPageViewSet(f"{model._meta.app_label}_{model._meta.model_name}", model=model)
        for model in apps.get_models()
        if issubclass(model, ZoneTaggedMixin)
    ]
