"""Forms of the Wagtail admin (imported lazily by Wagtail through settings)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

from zones.permissions import zones_restricted_for


class DocumentForm(BaseDocumentForm):
    """The admin's document form, with the zones as checkboxes. A zone editor can only tag
    a document with their own zones; tags with other zones that a moderator set stay."""

    class Meta(BaseDocumentForm.Meta):
        widgets = {**BaseDocumentForm.Meta.widgets, "zones": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.text_status == "failed":
            self.fields["file"].help_text = _(
                "The text of this PDF could not be read (the file is damaged or encrypted), "
                "so searches will not find words inside it. Upload a readable copy to fix it."
            )
        self.kept_zones = []
        allowed = zones_restricted_for(user)
        if allowed is None or "zones" not in self.fields:
            return
        if self.instance.pk:
            self.kept_zones = [
                zone for zone in self.instance.zones.all() if zone.translation_key not in allowed
            ]
        field = self.fields["zones"]
        field.queryset = field.queryset.filter(translation_key__in=allowed)
        field.help_text = _("The document is listed among the resources of these zones.")

    def clean_zones(self):
        return [*self.cleaned_data["zones"], *self.kept_zones]
