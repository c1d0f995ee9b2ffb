from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.research.models import ReportPage


class Command(BaseCommand):
    help = "Recreate the Elasticsearch index of reports from the database (ELASTICSEARCH_URL)."

    def handle(self, *args, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL is not set: the database search needs no index.")
        # Imported once the setting is checked: es.py loads the Elasticsearch client.
        from portal.research.es import ReportDocument, connect_for_indexing

        connect_for_indexing()  # waits ELASTICSEARCH_INDEX_TIMEOUT, not a search's timeout
        index = ReportDocument._index
        index.delete(ignore_unavailable=True)
        ReportDocument.init()
        count = 0
        for report in ReportPage.objects.live().public().prefetch_related("zones"):  # not private
            ReportDocument.from_report(report).save()
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} reports."))
