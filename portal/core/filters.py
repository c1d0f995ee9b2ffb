"""The filters above the site's listings, as django-filter FilterSets."""

import django_filters

from .forms import ListingFilterForm


class ListingFilterSet(django_filters.FilterSet):
    """A listing's filters. A value the listing does not know (a zone that does not exist,
    a year without items) makes the form invalid: the view answers 400 with the message
    next to the field and the unfiltered list, so the visitor sees what to correct."""

    class Meta:
        form = ListingFilterForm

    def listing(self):
        """The filtered items, or all of them while a filter has a value we do not know."""
        return self.qs if self.is_valid() else self.queryset
