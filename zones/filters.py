"""The zone filter of the listings of zone-tagged content (news, events)."""

import django_filters

from django.utils.translation import gettext_lazy as _

from portal.core.filters import ListingFilterSet

from .models import localized_zones


class ZoneFilterSet(ListingFilterSet):
    """Filters with a "zone" choice, the zones named in the listing's language and the
    zone's slug (the same in every language) as the value, so a link works in both."""

    zone = django_filters.ChoiceFilter(
        label=_("Zone"), empty_label=_("All zones"), method="filter_zone"
    )

    def __init__(self, data=None, queryset=None, *, locale, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.locale = locale
        self.zones = {zone.slug: zone for zone in localized_zones(locale)}
        self.filters["zone"].extra["choices"] = [
            (slug, zone.name) for slug, zone in self.zones.items()
        ]

    def filter_zone(self, queryset, name, slug):
        """Pages tagged with the zone in any language (tags point at the Polish zone)."""
        return queryset.filter(zones__translation_key=self.zones[slug].translation_key)
