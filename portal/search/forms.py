"""The search form: the visitor's words (never refused: cleaned and cut) and the facets."""

import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# What a query may hold, at most: longer text is cut, not refused (nothing typed is lost
# but what no search engine would read anyway).
MAX_QUERY_LENGTH = 200
# NUL and the other control characters: PostgreSQL refuses NUL in text, and none of them
# is part of a word.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query_text(text):
    """The visitor's words without control characters, spaces collapsed, cut to a length."""
    return " ".join(CONTROL.sub(" ", text or "").split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the site"), required=False, strip=False)
    kind = forms.CharField(
        label=_("Type of content"),
        required=False,
        validators=[RegexValidator(r"^[a-z0-9_.]{1,60}$", _("Choose a type from the list."))],
    )
    zone = forms.SlugField(label=_("Zone"), required=False, max_length=60)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2999)

    def __init__(self, data, **kwargs):
        data = data.copy()
        data["q"] = clean_query_text(data.get("q", ""))
        super().__init__(data, **kwargs)

    def filters(self):
        """The valid values; an invalid filter is left out (its message shows by the field)."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {
            "text": data.get("q") or self.data.get("q", ""),
            "kind": data.get("kind") or "",
            "zone": data.get("zone") or "",
            "year": data.get("year"),
        }
