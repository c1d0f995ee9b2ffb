from django import forms

from wagtail.documents.forms import BaseDocumentForm


class AccessibleErrorsMixin:
    """Tie each field's error message to its input (aria-describedby, aria-invalid), so a
    screen reader announces the message with the field. The templates print the message
    with the id `<field id>-error`."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].id_for_label}-error"


class DocumentForm(BaseDocumentForm):
    """The admin's document form, with the zones as checkboxes rather than a list box."""

    class Meta(BaseDocumentForm.Meta):
        widgets = {**BaseDocumentForm.Meta.widgets, "zones": forms.CheckboxSelectMultiple}
