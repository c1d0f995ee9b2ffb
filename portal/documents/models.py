"""The document library: files with what a reader needs before opening them, listed among
the zones' resources and attached to reports, news and projects."""

from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.search import index

from portal.core.images import image_reference
from zones.models import Zone

from .tasks import read_document_text, render_document_cover
from .text import TextStatus


class PortalDocument(AbstractDocument):
    """A file in the site's document library, with what a reader needs before opening it:
    a description, its language and, for the zones' resources, its kind and zones.

    A document tagged with zones is listed among those zones' resources. The zones are the
    source-language (Polish) zones; every translation of a zone page finds them through
    the zone's translation key.
    """

    class Language(models.TextChoices):
        POLISH = "pl", _("Polish")
        ENGLISH = "en", _("English")
        SEVERAL = "mul", _("Several languages")

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Document template")
        PRESENTATION = "presentation", _("Presentation")
        REPORT = "report", _("Report")
        FILM = "film", _("Film")

    description = models.TextField(_("description"), max_length=600, blank=True)
    language = models.CharField(
        _("language"), max_length=3, choices=Language.choices, default=Language.POLISH
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    zones = models.ManyToManyField(
        Zone,
        verbose_name=_("zones"),
        blank=True,
        related_name="documents",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text=_("The document is listed among the resources of these zones."),
    )

    TextStatus = TextStatus  # what reading the file's text gave (text.py)
    TEXT_FIELDS = ("text", "page_count", "text_status")

    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    text = models.TextField(
        _("text"), blank=True, editable=False, help_text=_("Pages are separated by form feeds.")
    )
    text_status = models.CharField(
        _("text search"), max_length=10, choices=TextStatus.choices, blank=True, editable=False
    )

    # The file's first page (a PDF's), drawn by a background task when the file changes.
    cover = image_reference(verbose_name=_("cover"))

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "description",
        "language",
        "kind",
        "zones",
        "tags",
    )

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("text"),
        index.FilterField("kind"),
        index.FilterField("language"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        """Save; a new file's text is read and its cover drawn by background tasks once the
        save is committed (not inside the upload request, and not again when only the title
        changes), and
        a file this save wrote is removed again if the save fails."""
        new_file = self.file_is_new()
        if new_file:
            is_pdf = self.file_extension.lower() == "pdf"
            self.text, self.page_count = "", None
            self.text_status = TextStatus.PENDING if is_pdf else TextStatus.NONE
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *self.TEXT_FIELDS}
        with self.file_removed_on_failure():
            super().save(*args, **kwargs)
        if new_file:
            transaction.on_commit(partial(read_document_text.enqueue, self.pk))
            transaction.on_commit(partial(render_document_cover.enqueue, self.pk))

    def file_is_new(self):
        """Whether saving now would store a file the database does not hold yet for this
        document (a new document, or a file replaced)."""
        if not self.file:
            return False
        if self._state.adding:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        return self.file.name != stored

    @contextmanager
    def file_removed_on_failure(self):
        """If the block fails (say the database refuses a value), remove the file it wrote
        to storage, or the file of a new document that no other document holds (Wagtail's
        multiple upload writes it just before saving): a failed upload leaves no orphan
        under MEDIA_ROOT. The block runs in a savepoint, so the database can still be
        asked after the failure."""
        name_before, adding = self.file.name, self._state.adding
        try:
            with transaction.atomic():
                yield
        except Exception:
            name = self.file.name
            if name and (name != name_before or adding and not self.file_is_held(name)):
                self.file.storage.delete(name)
            raise

    def file_is_held(self, name):
        """Whether a saved document other than this one holds the file `name`."""
        return type(self).objects.filter(file=name).exclude(pk=self.pk).exists()

    def pages(self):
        """The extracted text, page by page (page 1 first)."""
        return self.text.split("\f") if self.text else []

    def pages_read(self):
        """How many pages the stored text comes from. Meant for a text cut short
        (TOO_LARGE, TIMED_OUT), which always holds at least its first page."""
        return self.text.count("\f") + 1
