"""The subscribe form (zone pages, the footer, the subscribe page) and the preferences form
of the signed link. Validation happens here, on the server; the templates show each message
next to its field, with what was typed."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from portal.core.forms import AccessibleErrorsMixin
from zones.models import localized_zones

from .models import Kind, Subscription


def zone_choices(language):
    """(slug, name in `language`) of every zone, in the zones' order. The slug is the same
    in every language, so a form sent in English names the same zones as in Polish; a zone
    not yet translated keeps its Polish name. The zones of the language are those the
    page's listings and zone marks read (kept in the cache), not a query of its own."""
    try:
        locale = Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    return [(zone.slug, zone.name) for zone in localized_zones(locale)]


class PreferencesForm(AccessibleErrorsMixin, forms.Form):
    """What to receive, from which zones, in which language, how often."""

    zones = forms.MultipleChoiceField(
        label=_("Zones to follow"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one zone.")},
    )
    kinds = forms.MultipleChoiceField(
        label=_("What to receive"),
        choices=Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of news.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mails"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zones"].choices = zone_choices(translation.get_language())

    def full_clean(self):
        """A group of checkboxes or radio buttons has no single id to tie its message to
        (Django gives its label none): each option points at the message under the group's
        legend, `<field id>-error`."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields and not self[name].id_for_label:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def preferences(self):
        """The cleaned preferences as JSON values (what a confirmation link carries)."""
        data = self.cleaned_data
        return {
            "zones": sorted(data["zones"]),
            "kinds": sorted(data["kinds"]),
            "language": data["language"],
            "frequency": data["frequency"],
        }

    @staticmethod
    def initial_for(subscription):
        return {
            "zones": [zone.slug for zone in subscription.zones.all()],
            "kinds": subscription.kinds,
            "language": subscription.language,
            "frequency": subscription.frequency,
        }


class SubscribeForm(PreferencesForm):
    """The preferences plus the address, the consent and a field only bots fill in."""

    HONEYPOT = "website"

    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the project office processes my e-mail address to send me the news "
            "I chose (see the information clause above)."
        ),
        error_messages={"required": _("We cannot send you anything without this consent.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["email", "zones", "kinds", "language", "frequency", "consent", "website"]

    @classmethod
    def blank(cls, zone_slug=None, auto_id="id_%s"):
        """The empty form: the current zone chosen (when there is one), every kind, the
        page's language, at once."""
        initial = {
            "kinds": list(Kind.values),
            "language": translation.get_language(),
            "frequency": Subscription.Frequency.AT_ONCE,
            "zones": [zone_slug] if zone_slug else [],
        }
        return cls(initial=initial, auto_id=auto_id)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_website(self):
        if self.cleaned_data.get(self.HONEYPOT):
            raise ValidationError(_("Leave this field empty."))
        return ""

    def preferences(self):
        return {"email": self.cleaned_data["email"], **super().preferences()}
