"""An in-memory copy of the SQLite test database, taken and put back with SQLite's own
backup API in milliseconds: the SQLite counterpart of pg_snapshot, for the rows Wagtail's
migrations create, which a transactional test's flush removes (see pytest_runtest_teardown
in tests/conftest.py). It lets the SQLite smoke run use two processes: a file's
transactional test no longer leaves the next file on that process without a root page."""

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.db import connection


def available():
    return connection.vendor == "sqlite"


def save():
    """A copy of the whole test database (schema, rows and sequences) in memory."""
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    return copy


def restore(copy):
    """Overwrite the test database with `copy`, page by page; content type ids go back to
    what they were, so the cache of them is dropped."""
    connection.ensure_connection()
    copy.backup(connection.connection)
    ContentType.objects.clear_cache()
