"""Keeping the report search up to date, in background tasks (tasks.py) enqueued once the
change is committed: a report's search text follows the text of its files (the document
library reads a PDF's text and sends `document_text_changed`); the Elasticsearch index,
when configured, follows publish, unpublish, move and delete."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core.fragments import invalidate_fragments
from portal.documents.signals import document_cover_changed, document_text_changed

from . import tasks
from .models import ReportPage

Document = get_document_model()


def reports_using(document):
    """The ids of the reports whose files include `document` (Wagtail's reference index)."""
    ids = [ref.object_id for ref in ReferenceIndex.get_references_to(document)]
    reports = ReportPage.objects.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])
    return list(reports.values_list("pk", flat=True))


def refresh_later(report_ids):
    if report_ids:
        transaction.on_commit(partial(tasks.refresh_reports.enqueue, report_ids))


@receiver(document_text_changed, sender=Document)
def refresh_reports_of_read_document(sender, document, **kwargs):
    """The words of a file's new text find the reports that include it."""
    refresh_later(reports_using(document))


@receiver(document_cover_changed, sender=Document)
def refresh_reports_of_drawn_cover(sender, document, **kwargs):
    """A file's new cover shows on the reports that include it (unless an editor chose one)."""
    refresh_later(reports_using(document))


@receiver(pre_delete, sender=Document)
def remember_reports_of_deleted_document(sender, instance, **kwargs):
    instance._report_ids = reports_using(instance)


@receiver(post_delete, sender=Document)
def refresh_reports_of_deleted_document(sender, instance, **kwargs):
    """A deleted file's words must no longer find the report."""
    refresh_later(getattr(instance, "_report_ids", []))


@receiver(page_published, sender=ReportPage)
@receiver(page_unpublished, sender=ReportPage)
@receiver(post_page_move, sender=ReportPage)
def follow_report(sender, instance, **kwargs):
    if settings.ELASTICSEARCH_URL:
        transaction.on_commit(partial(tasks.update_report_index.enqueue, instance.pk))


@receiver(post_delete, sender=ReportPage)
def forget_report(sender, instance, **kwargs):
    if settings.ELASTICSEARCH_URL:
        transaction.on_commit(partial(tasks.remove_report_from_index.enqueue, instance.pk))


@receiver(post_save, sender=ReportPage)
@receiver(post_delete, sender=ReportPage)
@receiver(page_published, sender=ReportPage)
@receiver(page_unpublished, sender=ReportPage)
@receiver(post_page_move, sender=ReportPage)
def forget_listing_counts(sender, instance, update_fields=None, **kwargs):
    """The listing's cached counts (search.ReportGroups) are kept under the fragment
    version. Wagtail's signals replace it at once, inside the editor's transaction; a
    listing asked for in between would store counts of the old rows under the new version,
    so the version is replaced again once the change is committed. A save that writes
    only other fields (Wagtail's bookkeeping of a new draft) changes no count."""
    if update_fields is not None and not {"live", "kind", "zone_ids"} & set(update_fields):
        return
    transaction.on_commit(invalidate_fragments)
