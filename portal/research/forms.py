from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.core.forms import AccessibleErrorsMixin
from zones.models import Zone

from .models import ReportPage


class ReportSearchForm(AccessibleErrorsMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    zone = forms.ChoiceField(label=_("Zone"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    language = forms.ChoiceField(label=_("Language of the files"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[("newest", _("Newest first")), ("relevance", _("Best match first"))],
    )

    def __init__(self, *args, locale, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.zones = {zone.slug: zone for zone in Zone.objects.for_locale(locale)}
        self.fields["zone"].choices = [("", _("All zones"))] + [
            (slug, zone.name) for slug, zone in self.zones.items()
        ]
        self.fields["kind"].choices = [("", _("All kinds")), *ReportPage.Kind.choices]
        self.fields["year"].choices = [("", _("All years"))] + [(year, year) for year in years]
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]

    def clean_q(self):
        # A very long query is cut rather than refused: the visitor still gets results.
        return self.cleaned_data["q"][:200]
