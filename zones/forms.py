from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Zone


class ZoneFilterMixin(forms.Form):
    """A "zone" filter for listings of zone-tagged content, with the zones named in the
    listing's language and the zone's slug (the same in every language) as the value."""

    zone = forms.ChoiceField(label=_("Zone"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.zones = {zone.slug: zone for zone in Zone.objects.for_locale(locale)}
        self.fields["zone"].choices = [("", _("All zones"))] + [
            (slug, zone.name) for slug, zone in self.zones.items()
        ]

    def filter_zone(self, queryset, slug):
        return queryset.filter(zones__translation_key=self.zones[slug].translation_key)
