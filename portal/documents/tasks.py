"""The document library's background work: reading a new file's text and drawing its cover
after its upload is committed (a worker with the database backend, the request itself with
the immediate one)."""

from django_tasks import task

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.search import index

from .cover import render_cover
from .signals import document_cover_changed, document_text_changed
from .text import read_file_text


@task()
def read_document_text(document_id):
    """Read the text of a document's file and store it with its page count and status, then
    announce the change and re-index the document (last: PostgreSQL refuses an index entry
    over 1 MB, which only very varied text reaches). Nothing happens if the document was
    deleted or got another file meanwhile (that file's own task reads it)."""
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return
    result = read_file_text(document)
    values = {"text": result.text, "page_count": result.page_count, "text_status": result.status}
    if not Document.objects.filter(pk=document.pk, file=document.file.name).update(**values):
        return
    for name, value in values.items():
        setattr(document, name, value)
    document_text_changed.send(sender=Document, document=document)
    index.insert_or_update_object(document)


@task()
def render_document_cover(document_id):
    """Draw the first page of a document's PDF as its cover image, replacing the cover of
    its previous file, then announce the change. A file that cannot be drawn leaves the
    document without a cover. Nothing is kept if the document was deleted or got another
    file meanwhile (that file's own task draws it)."""
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return
    old_cover_id = document.cover_id
    cover = render_cover(document)
    updated = Document.objects.filter(pk=document.pk, file=document.file.name).update(cover=cover)
    if not updated:
        if cover is not None:
            cover.delete()
        return
    if old_cover_id is not None and old_cover_id != getattr(cover, "pk", None):
        get_image_model().objects.filter(pk=old_cover_id).delete()
    document.cover = cover
    document_cover_changed.send(sender=Document, document=document)
