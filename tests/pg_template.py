"""A migrated template database on the tests' PostgreSQL server, named after a hash of every
installed app's migration files: each test database (one per pytest-xdist process, and the
cluster tests' own) is then a copy of it (CREATE DATABASE … TEMPLATE, well under a second)
instead of a fresh run of every migration (about 20 s of CPU each on CI's machine).

The first process to get here builds it, under an advisory lock the others wait on, with
`manage.py migrate` in a database of a temporary name renamed once complete; a server kept
between runs reuses it until a migration file changes. `make test` builds it before the
test processes start (`python -m tests.pg_template`, beside lint and check), so that none of
them waits the 20 s of the migration at its start.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import psycopg

import django
from django.apps import apps
from django.conf import settings
from django.db import connection

REPO = Path(__file__).resolve().parent.parent
# Any number of our own: the advisory lock that one process holds while it migrates.
BUILD_LOCK = 4_815_162


def migrations_key():
    """A short hash of every migration file of every installed app (ours and Wagtail's)."""
    digest = hashlib.sha256()
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def use_migrated_template():
    """On PostgreSQL, build the template if the server lacks it and make Django create the
    test database from it (its `migrate` then finds nothing to apply)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    test = database.setdefault("TEST", {})
    test["TEMPLATE"] = build_template()
    # The copy has every table and every migration applied: Django's `migrate` would only
    # load all migrations and replay their state to find nothing to do (2-3 s of CPU per
    # process); without migrations it finds every table there and creates none.
    test["MIGRATE"] = False


def build_template():
    """The template's name, after building it if the server lacks it."""
    name = f"portal_migrated_{migrations_key()}"
    server = _server_params()
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute("SELECT pg_advisory_lock(%s)", [BUILD_LOCK])
        try:
            if not _exists(admin, name):
                _build(admin, name, server)
        finally:
            admin.execute("SELECT pg_advisory_unlock(%s)", [BUILD_LOCK])
    return name


def _server_params():
    """Where the server listens (DATABASE_URL's host and port may sit in its query string,
    which Django keeps in OPTIONS), without connecting to the not yet created test database."""
    params = connection.get_connection_params()
    return {key: str(params[key]) for key in ("host", "port", "user") if params.get(key)}


def _exists(admin, name):
    found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


def _build(admin, name, server):
    """Migrate a new database under a temporary name, then give it its real one: a run
    stopped half-way leaves no template that looks complete."""
    building = f"{name}_building"
    admin.execute(f'DROP DATABASE IF EXISTS "{building}"')
    admin.execute(f'CREATE DATABASE "{building}"')
    address = "&".join(f"{key}={server[key]}" for key in ("host", "port") if key in server)
    url = f"postgres://{server.get('user', '')}@/{building}?{address}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True
    )
    admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')


if __name__ == "__main__":
    # `make pg-template`: the template on DATABASE_URL's server, ahead of the tests.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    print(f"Migrated template ready: {build_template()}")
