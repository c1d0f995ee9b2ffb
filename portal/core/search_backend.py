"""Wagtail's Elasticsearch 8 backend, with the database answering while Elasticsearch is down.

Used for the admin's searches (pages, documents, images, snippets) when ELASTICSEARCH_URL
is set. Wagtail's backend answers 500 when the server cannot be reached. Here the search is
done by Wagtail's database fallback backend instead. That backend matches words in the
models' own columns and needs no index, so it finds what exists even though only
Elasticsearch was kept up to date. Updating the index while the server is down is skipped
with a warning: saving still works, and `manage.py update_index` catches up afterwards.
The warnings come at most once a minute per process (portal.core.outages).

The search request is lazy: `search()` only builds a results object, and Elasticsearch is
asked when the results are read (`_do_search`, `_do_count`, `facet`), so that is where the
fallback happens.
"""

import logging

from elasticsearch import ConnectionError, ConnectionTimeout

from wagtail.search.backends.database.fallback import DatabaseSearchBackend
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

from .outages import Outage

logger = logging.getLogger(__name__)

UNREACHABLE = (ConnectionError, ConnectionTimeout)

search_outage = Outage(logger, "Elasticsearch unreachable, the admin searches the database")
index_outage = Outage(
    logger, "Elasticsearch unreachable, index not updated (run update_index when it is back)"
)


class SearchResultsWithDatabaseFallback(Elasticsearch8SearchResults):
    def _do_search(self):
        try:
            # The parent yields as it reads; list() makes the request happen here.
            return list(super()._do_search())
        except UNREACHABLE as error:
            search_outage.report(error)
            return list(self._from_database())

    def _do_count(self):
        try:
            return super()._do_count()
        except UNREACHABLE as error:
            search_outage.report(error)
            return self._from_database().count()

    def facet(self, field_name):
        try:
            return super().facet(field_name)
        except UNREACHABLE as error:
            search_outage.report(error)
            return self._from_database().facet(field_name)

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
        try:
            update(*args)
        except UNREACHABLE as error:
            index_outage.report(error)


SearchBackend = ElasticsearchWithDatabaseFallback
