"""The filters of the report search: the words, the facets and the order."""

import django_filters

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from zones.filters import ZoneFilterSet


class ReportFilterSet(ZoneFilterSet):
    """The facets of the report search. The search backend (the database or
    Elasticsearch) applies them, with a count for each option, so this FilterSet declares
    and validates them: `search_values()` is what it lets through."""

    q = django_filters.CharFilter(label=_("Search"), method="match_words")
    kind = django_filters.ChoiceFilter(label=_("Kind"), empty_label=_("All kinds"))
    year = django_filters.TypedChoiceFilter(
        label=_("Year"), coerce=int, empty_value=None, field_name="publication_date__year"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language of the files"),
        empty_label=_("All languages"),
        choices=settings.LANGUAGES,
        field_name="languages",
        lookup_expr="contains",
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"),
        empty_label=None,
        choices=[("newest", _("Newest first")), ("relevance", _("Best match first"))],
        method="keep_order",
    )

    def __init__(self, *args, years, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["kind"].extra["choices"] = kinds
        # Asked for only when the form is shown or a year checked: a blank form is kept as
        # a fragment, and validating it looks at no choice.
        self.filters["year"].extra["choices"] = lambda: (
            [("", _("All years"))] + [(year, year) for year in years]
        )

    def match_words(self, reports, name, text):
        """Words are matched by the search backend, inside the PDF files too."""
        return reports

    def keep_order(self, reports, name, order):
        """The search backend orders the results."""
        return reports

    def search_values(self):
        """The valid values, for the search backend; a very long query is cut rather than
        refused, so the visitor still gets results."""
        self.is_valid()
        values = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name not in self.form.errors
        }
        values["q"] = (values.get("q") or "")[:200]
        return values
