"""The admin's document form (Wagtail imports it through WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.documents.forms import BaseDocumentForm

from zones.admin_forms import ZoneChoiceForm

from .text import TextStatus


class DocumentForm(ZoneChoiceForm, BaseDocumentForm):
    """The admin's document form, with the zones as checkboxes. A zone editor can only tag
    a document with their own zones; tags with other zones that a moderator set stay."""

    class Meta(BaseDocumentForm.Meta):
        widgets = {**BaseDocumentForm.Meta.widgets, "zones": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if self.instance.pk and "file" in self.fields:
            self.explain_text_status(self.fields["file"])
            self.describe_file_by_its_help()
        if self.is_bound and "language" in self.fields:
            self.keep_default_language_unless_sent()
        self.limit_zones_to(user)

    def keep_default_language_unless_sent(self):
        """Wagtail's multiple upload sends only the title and the collection with each file:
        the document then keeps its default language (Polish) instead of being held back as
        an unfinished upload until the editor sends the form again."""
        if self.add_prefix("language") not in self.data:
            self.fields["language"].required = False

    def add_error(self, field, error):
        """Report every error of the model except one about a file this form has no field
        for: Wagtail's multiple upload checks the form of a held-back upload (which has no
        file field) before it attaches the file, already checked on upload, so the model's
        check of the file type sees no file; Django would fail on an error it cannot show."""
        if field is None and hasattr(error, "error_dict") and "file" not in self.fields:
            error = ValidationError(
                {name: errors for name, errors in error.error_dict.items() if name != "file"}
            )
        super().add_error(field, error)

    def explain_text_status(self, field):
        """Say next to the file field what searching inside the file gives, when that is
        not simply "every word" (still being read, cut short, unreadable)."""
        message = text_status_message(self.instance)
        if message:
            field.help_text = f"{message} {field.help_text}".strip()

    def describe_file_by_its_help(self):
        """Point the file input at its help for screen readers. Wagtail's edit screen renders
        this input bare (`wagtaildocs/documents/_file_field.html`), so it gets Django's
        `aria-describedby` ("id_file_helptext"), while the help beside it carries Wagtail's
        id ("id_file-helptext"): the input was described by nothing."""
        field = self["file"]
        if field.help_text and field.id_for_label:
            field.field.widget.attrs["aria-describedby"] = f"{field.id_for_label}-helptext"

    def save(self, commit=True):
        """Save, leaving the files as they were if saving fails: a new file written to
        storage is removed again, and the file it replaces is deleted only once the change
        is committed (Wagtail deletes it first, so a failed save would lose it)."""
        replaced = self.original_file if commit and "file" in self.changed_data else None
        if replaced:
            self.original_file = None
        with self.instance.file_removed_on_failure():
            document = super().save(commit=commit)
        if replaced:
            transaction.on_commit(lambda: replaced.storage.delete(replaced.name))
        return document


def text_status_message(document):
    """The admin's message about a document's text, or "" when every word was read."""
    pages = document.pages_read()
    match document.text_status:
        case TextStatus.PENDING:
            return _(
                "The text of this PDF is being read in the background; searches will find "
                "words inside it shortly."
            )
        case TextStatus.TOO_LARGE:
            return ngettext(
                "This PDF is too large to read in full: searches will find words only on "
                "its first page.",
                "This PDF is too large to read in full: searches will find words only on "
                "its first %(pages)d pages.",
                pages,
            ) % {"pages": pages}
        case TextStatus.TIMED_OUT if not document.text:
            return _("Reading this PDF took too long, so searches will not find words inside it.")
        case TextStatus.TIMED_OUT:
            return ngettext(
                "Reading this PDF took too long: searches will find words only on its first page.",
                "Reading this PDF took too long: searches will find words only on its "
                "first %(pages)d pages.",
                pages,
            ) % {"pages": pages}
        case TextStatus.ENCRYPTED:
            return _(
                "This PDF is encrypted, so its text could not be read and searches will "
                "not find words inside it. Upload a copy without a password to fix it."
            )
        case TextStatus.FAILED:
            return _(
                "The text of this PDF could not be read (the file is damaged), so searches "
                "will not find words inside it. Upload a readable copy to fix it."
            )
    return ""
