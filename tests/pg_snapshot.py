"""Data-only copies of the PostgreSQL test database, taken with pg_dump and put back with
psql in about a second (Django's dumpdata/loaddata take ten to thirty).

Two uses: the browser tests' demo site (built once, restored for each test), and the rows
Wagtail's migrations create (root page, root collection, default site, groups), which a
transactional test's flush removes and which are put back after it, so a later test finds
the database as migrations left it whatever order the tests run in (pytest-xdist; see
pytest_runtest_teardown in tests/conftest.py for why Django's own tools do not do it).
"""

import shutil
import subprocess

from django.contrib.contenttypes.models import ContentType
from django.db import connection


def available():
    return connection.vendor == "postgresql"


def save(path):
    """Write every row of the test database (but the migration history) to `path`."""
    subprocess.run(  # noqa: S603
        [
            shutil.which("pg_dump") or "pg_dump",
            *_connection_args(),
            "--data-only",
            "--disable-triggers",
            "--exclude-table=django_migrations",
            f"--file={path}",
        ],
        check=True,
    )


def restore(path):
    """Empty every table (a flush leaves content types and permissions with new ids) and
    refill them from `path`. DELETE, not TRUNCATE: TRUNCATE gives each of the ~150 tables a
    new file, and a restore took 0.8 s instead of 0.15 for tables of a few rows; with the
    foreign keys' triggers off for the session
    (`session_replication_role`, as pg_dump's --disable-triggers does per table), the
    tables empty in any order."""
    tables = [
        name for name in connection.introspection.table_names() if name != "django_migrations"
    ]
    # The names are the database's own tables, not input.
    deletes = " ".join(f'DELETE FROM "{name}";' for name in tables)  # noqa: S608
    empty = f"SET session_replication_role = replica; {deletes}"
    subprocess.run(  # noqa: S603
        [
            shutil.which("psql") or "psql",
            *_connection_args(),
            "--quiet",
            "--set=ON_ERROR_STOP=1",
            f"--command={empty}",
            f"--file={path}",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    ContentType.objects.clear_cache()


def _connection_args():
    """The test database's address as libpq options (host and port may come from the
    DATABASE_URL's query string, which Django keeps in OPTIONS)."""
    params = connection.get_connection_params()
    names = {"dbname": "dbname", "host": "host", "port": "port", "user": "username"}
    return [f"--{option}={params[key]}" for key, option in names.items() if params.get(key)]
