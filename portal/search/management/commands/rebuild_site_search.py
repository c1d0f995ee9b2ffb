from django.conf import settings
from django.core.management.base import BaseCommand

from portal.search import es
from portal.search.entries import rebuild
from portal.search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Index every live page, the model's steps and every document again for the site "
        "search (and send them to Elasticsearch when ELASTICSEARCH_URL is set)."
    )

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"{count} search entries indexed.")
        if settings.ELASTICSEARCH_URL:
            es.rebuild_indexes(list(SearchEntry.objects.values_list("pk", flat=True)))
            self.stdout.write("Elasticsearch indexes rebuilt.")
