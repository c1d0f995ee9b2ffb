"""The contact form: built by Wagtail from the fields an editor set up on the contact page,
with the site's rules added (limits with clear messages, input purposes, a honeypot)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.core.forms import AccessibleErrorsMixin

SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 5000


def _too_long_message():
    return _("Write at most %(limit_value)d characters (you wrote %(show_value)d).")


class ContactFormBase(AccessibleErrorsMixin, BaseForm):
    """What every contact form has besides the editor's fields: a honeypot."""

    HONEYPOT = "website"

    # A field people never see (the template hides it); bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self):
        """True when the honeypot was filled in: the message is then silently dropped."""
        return bool(self.cleaned_data.get(self.HONEYPOT))

    def submission_data(self):
        """What is stored and e-mailed: the editor's fields, not the honeypot."""
        return {name: value for name, value in self.cleaned_data.items() if name != self.HONEYPOT}


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with limits on text (a clear message, never a database error
    or a 500) and the input purpose (`autocomplete`) an editor chose for each field."""

    def create_singleline_field(self, field, options):
        return forms.CharField(
            max_length=SINGLE_LINE_MAX_LENGTH,
            error_messages={"max_length": _too_long_message()},
            **options,
        )

    def create_multiline_field(self, field, options):
        formfield = forms.CharField(
            max_length=MULTI_LINE_MAX_LENGTH,
            error_messages={"max_length": _too_long_message()},
            widget=forms.Textarea(attrs={"rows": 8}),
            **options,
        )
        # The browser would cut a pasted text short without saying so; the server says it.
        formfield.widget.attrs.pop("maxlength", None)
        return formfield

    def create_email_field(self, field, options):
        return forms.EmailField(
            error_messages={"invalid": _("Give an e-mail address like name@example.org.")},
            **options,
        )

    def create_checkbox_field(self, field, options):
        formfield = super().create_checkbox_field(field, options)
        if field.required:
            formfield.error_messages["required"] = _("Tick this box to send the message.")
        return formfield

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            autocomplete = getattr(field, "autocomplete", "")
            name = field.clean_name or field.get_field_clean_name()
            if autocomplete and name in formfields:
                formfields[name].widget.attrs["autocomplete"] = autocomplete
        return formfields

    def get_form_class(self):
        return type("ContactForm", (ContactFormBase,), self.formfields)
