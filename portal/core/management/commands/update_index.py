"""Wagtail's `update_index`, with a longer Elasticsearch timeout.

The site's client gives up after ELASTICSEARCH_TIMEOUT (2 s), so that a visitor's search is
soon answered by the database instead. A rebuild creates indexes and sends a thousand
objects per bulk request, which can take longer: here the client waits
ELASTICSEARCH_INDEX_TIMEOUT (30 s). portal.core comes before wagtail.search in
INSTALLED_APPS, so this command replaces Wagtail's.
"""

from django.conf import settings
from django.test.utils import override_settings

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex


class Command(WagtailUpdateIndex):
    def handle(self, *args, **options):
        backends = {
            name: {**config, "TIMEOUT": settings.ELASTICSEARCH_INDEX_TIMEOUT}
            if "TIMEOUT" in config
            else config
            for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            super().handle(*args, **options)
