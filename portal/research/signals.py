"""Keeping the search up to date: a PDF's text is read when the document is saved; a
report's search text follows its files; the Elasticsearch index (when configured) follows
publish, unpublish, move and delete."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ReportPage
from .text import extract_pdf_text

logger = logging.getLogger(__name__)
Document = get_document_model()


@receiver(post_save, sender=Document)
def read_pdf_text(sender, instance, raw=False, **kwargs):
    """Store the text of a PDF, page by page. A damaged or encrypted file is kept, marked
    as not readable (the admin shows it), and nothing else is affected."""
    if raw or getattr(instance, "_reading_text", False):
        return
    is_pdf = instance.file_extension.lower() == "pdf"
    try:
        with instance.open_file() as file:
            pages, count = extract_pdf_text(file) if is_pdf else ([], None)
        status = Document.TextStatus.INDEXED if is_pdf else Document.TextStatus.NONE
    except ValueError as error:
        logger.warning("Text of document %s could not be read: %s", instance.pk, error)
        pages, count, status = [], None, Document.TextStatus.FAILED
    text = "\f".join(pages)
    if (text, count, status) == (instance.text, instance.page_count, instance.text_status):
        return
    Document.objects.filter(pk=instance.pk).update(text=text, page_count=count, text_status=status)
    instance.text, instance.page_count, instance.text_status = text, count, status
    refresh_reports(reports_using(instance))


def reports_using(document):
    """The reports whose files include `document` (from Wagtail's reference index)."""
    ids = [ref.object_id for ref in ReferenceIndex.get_references_to(document)]
    return ReportPage.objects.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])


def refresh_reports(reports):
    for report in reports:
        report.refresh_search_text()
        ReportPage.objects.filter(pk=report.pk).update(
            search_text=report.search_text, languages=report.languages
        )
        update_index(report)


@receiver(pre_delete, sender=Document)
def remember_reports_of_deleted_document(sender, instance, **kwargs):
    instance._reports = list(reports_using(instance))


@receiver(post_delete, sender=Document)
def refresh_reports_of_deleted_document(sender, instance, **kwargs):
    """A deleted file's words must no longer find the report."""
    reports = getattr(instance, "_reports", [])
    transaction.on_commit(
        lambda: refresh_reports(ReportPage.objects.filter(pk__in=[r.pk for r in reports]))
    )


def update_index(report):
    if not settings.ELASTICSEARCH_URL:
        return
    from .es import index_report

    index_report(report)


@receiver(page_published, sender=ReportPage)
@receiver(page_unpublished, sender=ReportPage)
@receiver(post_page_move, sender=ReportPage)
def follow_report(sender, instance, **kwargs):
    update_index(ReportPage.objects.get(pk=instance.pk))


@receiver(post_delete, sender=ReportPage)
def forget_report(sender, instance, **kwargs):
    if settings.ELASTICSEARCH_URL:
        from .es import remove_report

        remove_report(instance.pk)
