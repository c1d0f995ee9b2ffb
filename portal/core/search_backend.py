"""Wagtail's Elasticsearch 8 backend, with the database answering while Elasticsearch is down.

Used for the admin's searches (pages, documents, images, snippets) when ELASTICSEARCH_URL
is set. Wagtail's backend answers 500 when the server cannot be reached. Here the search is
done by Wagtail's database fallback backend instead. That backend matches words in the
models' own columns and needs no index, so it finds what exists even though only
Elasticsearch was kept up to date. Updating the index while the server is down is skipped
with a warning: saving still works, and `manage.py update_index` catches up afterwards.
The warnings come at most once a minute per process (portal.core.outages).

The report search (portal.research.es) goes through `with_elasticsearch` too, so both
share one `outage`: after a failure, the process leaves Elasticsearch alone for
ELASTICSEARCH_RETRY_AFTER seconds, and a server that accepts connections but never answers
costs one ELASTICSEARCH_TIMEOUT every few seconds, not one per search.

The search request is lazy: `search()` only builds a results object, and Elasticsearch is
asked when the results are read (`_do_search`, `_do_count`, `facet`), so that is where the
fallback happens.
"""

import logging

from elasticsearch import ApiError, TransportError

from django.conf import settings

from wagtail.search.backends.database.fallback import DatabaseSearchBackend
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

from .outages import Outage

logger = logging.getLogger(__name__)

# Elasticsearch unreachable or too slow (TransportError: ConnectionError, ConnectionTimeout)
# or answering with a server error, such as the 503 of a red cluster. An ApiError below 500
# means the request is wrong: that is a bug, and it still raises.
UNAVAILABLE = (TransportError, ApiError)

outage = Outage(
    logger,
    "Elasticsearch unavailable, searches are answered by the database and index updates "
    "skipped (run update_index and rebuild_report_index when it is back)",
)


def with_elasticsearch(call, fallback, about=""):
    """`call()`, or `fallback()` when Elasticsearch is unavailable, or was less than
    ELASTICSEARCH_RETRY_AFTER seconds ago (then it is not asked at all). `about` says in
    the warning what was not done, such as which report was not indexed."""
    if outage.ongoing(settings.ELASTICSEARCH_RETRY_AFTER):
        return fallback()
    try:
        return call()
    except UNAVAILABLE as error:
        if isinstance(error, ApiError) and error.meta.status < 500:
            raise
        outage.report(f"{about}: {error}" if about else error)
        return fallback()


class SearchResultsWithDatabaseFallback(Elasticsearch8SearchResults):
    def _do_search(self):
        search = super()._do_search
        # The parent yields as it reads; list() makes the request happen here.
        return with_elasticsearch(lambda: list(search()), lambda: list(self._from_database()))

    def _do_count(self):
        return with_elasticsearch(super()._do_count, lambda: self._from_database().count())

    def facet(self, field_name):
        facet = super().facet
        return with_elasticsearch(
            lambda: facet(field_name), lambda: self._from_database().facet(field_name)
        )

    def _from_database(self):
        """The same query, filters, order and slice, answered by the database."""
        compiler = self.query_compiler
        results = self.backend.database.search(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )[self.start : self.stop]
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results


class ElasticsearchWithDatabaseFallback(Elasticsearch8SearchBackend):
    results_class = SearchResultsWithDatabaseFallback

    def __init__(self, params):
        super().__init__(params)
        self.database = DatabaseSearchBackend({})

    def add(self, obj):
        self._update_index(super().add, obj)

    def add_bulk(self, model, obj_list):
        self._update_index(super().add_bulk, model, obj_list)

    def delete(self, obj):
        self._update_index(super().delete, obj)

    def _update_index(self, update, *args):
        with_elasticsearch(lambda: update(*args), lambda: None)


SearchBackend = ElasticsearchWithDatabaseFallback
