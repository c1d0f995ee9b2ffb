from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Locale

from portal.core.forms import AccessibleErrorsMixin

from . import booking
from .registrations import Registration


class RegistrationDetailsForm(forms.ModelForm):
    """Who comes and what they need, with the rules every registration follows, whoever
    types it in: the visitor (RegistrationForm) or an organiser (RegistrationAddForm)."""

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "phone",
            "institution",
            "institution_type",
            "position",
            "people",
            "companions",
            *(name for name, _label in Registration.NEEDS),
            "needs_other",
            "newsletter",
        ]
        widgets = {
            "companions": forms.Textarea(attrs={"rows": 3}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "institution": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        help_texts = {
            "companions": _("One name per line, when more than one person comes."),
            "phone": _("Optional: in case we need to reach you quickly."),
        }

    def __init__(self, *args, max_people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_people = max_people or settings.REGISTRATION_MAX_GROUP
        people = self.fields["people"]
        people.min_value = 1
        people.max_value = self.max_people
        people.widget.attrs.update({"min": 1, "max": self.max_people})
        people.validators = [
            validator for validator in people.validators if not hasattr(validator, "limit_value")
        ]
        self.fields["institution_type"].choices = [
            ("", _("Choose…")),
            *Registration.InstitutionType.choices,
        ]

    def clean_people(self):
        people = self.cleaned_data["people"]
        if people < 1 or people > self.max_people:
            raise ValidationError(_("Give a number from 1 to %(max)s.") % {"max": self.max_people})
        return people

    def clean(self):
        data = super().clean()
        people = data.get("people")
        names = [line.strip() for line in data.get("companions", "").splitlines() if line.strip()]
        if people and people > 1 and len(names) != people - 1:
            self.add_error(
                "companions",
                ngettext(
                    "Give the name of the other person.",
                    "Give the names of the other %(count)s people, one per line.",
                    people - 1,
                )
                % {"count": people - 1},
            )
        data["companions"] = "\n".join(names)
        return data

    def registration_data(self):
        """What `book_seat` stores (the consent and honeypot are not model fields)."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["consent_version"] = settings.REGISTRATION_CONSENT_VERSION
        return data


class RegistrationForm(AccessibleErrorsMixin, RegistrationDetailsForm):
    """The sign-up form of an event. Validation happens here, on the server; the template
    shows each message next to its field and a summary at the top, with what was typed."""

    consent = forms.BooleanField(
        label=_(
            "I agree that the project office processes my data to organise this meeting "
            "(see the information clause above)."
        ),
        error_messages={"required": _("We cannot register you without this consent.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Leave this field empty."))
        return ""


class RegistrationAddForm(RegistrationDetailsForm):
    """ "Dodaj zgłoszenie": an organiser registers someone who signed up by phone or e-mail.
    The same fields and rules as the public form, for an event in the default language (the
    one registrations belong to); the booking rules (seats, waiting list, one registration
    per address) are applied by `book` through `booking.book_seat`, as for a visitor."""

    event = forms.ModelChoiceField(label=_("event"), queryset=None)
    language = forms.ChoiceField(
        label=_("language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the person gets."),
    )
    consent = forms.BooleanField(
        label=_(
            "The person agreed that the project office processes their data to organise "
            "this meeting."
        ),
        error_messages={"required": _("We cannot register anyone without their consent.")},
    )
    field_order = ["event", "language"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        # The event model through the registration's link (models.py imports this module).
        events = Registration.event.field.related_model.objects
        self.fields["event"].queryset = events.filter(locale=Locale.get_default()).order_by(
            "-start"
        )

    def clean(self):
        data = super().clean()
        event, people = data.get("event"), data.get("people")
        if event and people and people > max_people(event):
            self.add_error(
                "people",
                _("Give a number from 1 to %(max)s.") % {"max": max_people(event)},
            )
        return data

    def book(self):
        """Register the person for the chosen event (raises booking.RegistrationRefused)."""
        data = self.registration_data() | {"language": self.cleaned_data["language"]}
        return booking.book_seat(self.cleaned_data["event"], **data)


class RegistrationAdminForm(forms.ModelForm):
    """What an organiser may change on a registration in the admin: the names and the free
    text, and cancelling it, which goes through the booking rules so the freed seats reach
    the waiting list. Seats and order are never edited by hand."""

    class Meta:
        model = Registration
        fields = ["status", "companions", "needs_other"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        current = self.instance.status
        self.fields["status"].choices = [
            choice
            for choice in Registration.Status.choices
            if choice[0] in {current, Registration.Status.CANCELLED}
        ]

    def save(self, commit=True):
        cancelling = (
            self.instance.pk
            and "status" in self.changed_data
            and self.cleaned_data["status"] == Registration.Status.CANCELLED
        )
        if cancelling:
            self.instance.status = self.initial["status"]
        registration = super().save(commit=commit)
        if cancelling:
            booking.cancel(registration)
            registration.refresh_from_db()
        return registration


def registration_context(event, form=None):
    """What the event page shows about registration: why it is closed, or the form and
    how many seats are left."""
    source = booking.source_event(event)
    reason = booking.registration_closed_reason(source)
    if reason:
        return {"closed_reason": reason}
    return {
        "form": form or RegistrationForm(max_people=max_people(source)),
        # Nothing typed and no error: its fields look the same to everyone (kept as a fragment).
        "new_form": form is None,
        "free_seats": booking.free_seats(source),
        "consent_version": settings.REGISTRATION_CONSENT_VERSION,
        "retention_days": settings.REGISTRATION_RETENTION_DAYS,
    }


def max_people(event):
    """The largest group one registration may bring: the site's limit, or fewer seats."""
    if event.capacity:
        return min(settings.REGISTRATION_MAX_GROUP, event.capacity)
    return settings.REGISTRATION_MAX_GROUP
