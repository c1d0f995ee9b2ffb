"""Production keeps each worker's database connection between requests: opening one per
request cost a third of a simple page's CPU (a PostgreSQL backend to start; SQLite reads
the whole schema again). DATABASE_URL can still say otherwise."""

import os
import subprocess
import sys

import pytest

from tests.core.test_settings_and_commands import PRODUCTION_ENV, ROOT


def production_conn_max_age(database_url):
    """CONN_MAX_AGE of portal.settings.production, imported in a fresh interpreter."""
    env = {**os.environ, **PRODUCTION_ENV, "DATABASE_URL": database_url}
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import portal.settings.production as s; print(s.DATABASES['default']['CONN_MAX_AGE'])",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(result.stdout.strip())


@pytest.mark.parametrize(
    ("database_url", "kept_seconds"),
    [
        ("sqlite:////tmp/portal-wtz-deploy-check.sqlite3", 60),
        ("postgres://portal@/portal?host=/run/postgresql", 60),
        ("postgres://portal@/portal?host=/run/postgresql&conn_max_age=0", 0),
        ("postgres://portal@/portal?host=/run/postgresql&conn_max_age=300", 300),
    ],
)
def test_production_keeps_connections_unless_database_url_says_otherwise(
    database_url, kept_seconds
):
    assert production_conn_max_age(database_url) == kept_seconds
