from urllib.parse import urlencode

from django import forms


class AccessibleErrorsMixin:
    """Tie each field's error message to its input (aria-describedby, aria-invalid), so a
    screen reader announces the message with the field. The templates print the message
    with the id `<field id>-error`."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field_id = self[name].id_for_label
                described_by = [f"{field_id}-error"]
                if self.fields[name].help_text:
                    described_by.append(f"{field_id}_helptext")
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(described_by)


class ListingFilterForm(AccessibleErrorsMixin, forms.Form):
    """The form of a listing's FilterSet (see portal.core.filters), the GET form above the
    list: each message is tied to its field, and the pagination links keep the filters."""

    @property
    def query_string(self):
        """The valid filters as a query string, for the pagination links (an unknown value
        is dropped there, so the other pages of the list do work)."""
        self.is_valid()
        values = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }
        return urlencode(values)

    @property
    def is_blank(self):
        """Whether the visitor gave none of its fields a value: the form then looks the same
        to everyone on that listing (so its rendering may be kept; a filled one is not, or
        every query string would keep one)."""
        return not any(self.data.get(name) for name in self.fields)

    @property
    def is_filtered(self):
        return self.is_valid() and any(
            value not in (None, "") for value in self.cleaned_data.values()
        )
