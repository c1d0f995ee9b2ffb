"""Background work for the report search: a report's search text follows the text of its
files, and its Elasticsearch entry (when configured) follows the report. Each task takes
primary keys and reads the rows it needs, so it can wait in the queue for a worker."""

from django_tasks import task

from django.conf import settings

from portal.core.fragments import invalidate_fragments

from . import es
from .models import ReportPage, refresh_search_entries


@task()
def refresh_reports(report_ids):
    """Rebuild the search text (and the files' languages) of these reports from their
    files' current text, and their shown cover from their files' covers, then their
    search entries (PostgreSQL, ReportSearchEntry) and their Elasticsearch entries."""
    for report in ReportPage.objects.filter(pk__in=report_ids):
        report.refresh_search_text()
        report.refresh_shown_cover()
        ReportPage.objects.filter(pk=report.pk).update(
            search_text=report.search_text,
            languages=report.languages,
            shown_cover=report.shown_cover_id,
        )
        if settings.ELASTICSEARCH_URL:
            es.index_report(report)
    refresh_search_entries(ReportPage.objects.filter(pk__in=report_ids))
    # The files' languages are counted in the listing's cached facets.
    invalidate_fragments()


@task()
def update_report_index(report_id):
    """Index the report as it is now (published, unpublished or moved); a report deleted
    meanwhile is removed."""
    report = ReportPage.objects.filter(pk=report_id).first()
    if report is None:
        es.remove_report(report_id)
    else:
        es.index_report(report)


@task()
def remove_report_from_index(report_id):
    es.remove_report(report_id)
