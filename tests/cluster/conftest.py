"""The cluster of `make cluster` (deploy/cluster.py), started once for the tests of this
folder: Varnish in front of two gunicorn app servers with production settings, a db_worker
and Redis, on a database of its own in the tests' PostgreSQL server, with the small
content set (`--content minimal`)."""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
import requests

from django.db import connection

REPO = Path(__file__).resolve().parent.parent.parent
CLUSTER_SCRIPT = REPO / "deploy" / "cluster.py"
# Varnish, app1, app2 (`make pytest-cluster` sets them; these are its defaults).
PORTS = os.environ.get("CLUSTER_TEST_PORTS", "8090,8091,8092").split(",")
REDIS_PORT = os.environ.get("CLUSTER_TEST_REDIS_PORT", "6390")
# Registration POSTs one visitor may send within ten minutes, on all nodes together.
REGISTRATION_LIMIT = 5
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(scope="session")
def cluster(django_db_setup):
    """The running cluster: its addresses, state folder and database (cluster.json), and
    the admin's password. Stopped, by PID, at the end of the session."""
    if connection.vendor != "postgresql":
        pytest.skip("the cluster runs on PostgreSQL: `make pytest-cluster` starts one")
    # Not under pytest's private temporary folder: Varnish's compiler, running as the
    # varnish user, reads the generated backends.vcl there.
    state = REPO / ".tmp" / f"cluster-test-{os.getpid()}"
    password = secrets.token_urlsafe(12)
    database_url = _new_database(f"portal_cluster_{os.getpid()}")
    env = {
        **os.environ,
        "ADMIN_PASSWORD": password,
        "REGISTRATION_RATE_LIMIT": str(REGISTRATION_LIMIT),
        # The tests play the TLS proxy in front of Varnish: they name the visitor in
        # X-Forwarded-For, Varnish appends its own client.
        "TRUSTED_PROXY_COUNT": "2",
    }
    varnish, app1, app2 = PORTS
    command = [sys.executable, CLUSTER_SCRIPT, "start", "--state", state, "--content", "minimal"]
    command += ["--varnish-port", varnish, "--app-ports", f"{app1},{app2}"]
    command += ["--redis-port", REDIS_PORT, "--database-url", database_url]
    command += ["--static-settings", "tests.cluster.static_settings"]
    try:
        subprocess.run([str(part) for part in command], env=env, cwd=REPO, check=True)
        description = json.loads((state / "cluster.json").read_text())
        yield {**description, "state": state, "admin_password": password}
    finally:
        subprocess.run([sys.executable, CLUSTER_SCRIPT, "stop", "--state", state], check=False)
        shutil.rmtree(state, ignore_errors=True)
        _drop_database(database_url)


def _server_params():
    """Where the tests' PostgreSQL server listens (DATABASE_URL), without using Django's
    connection: these tests never touch the test database."""
    params = connection.get_connection_params()
    return {key: params[key] for key in ("host", "port", "user") if params.get(key)}


def _new_database(name):
    """A database for the cluster on the tests' PostgreSQL server, a copy (CREATE DATABASE …
    TEMPLATE) of the migrated template of the tests' databases (tests/pg_template.py, which
    `make test`'s PostgreSQL run has built on the same server): the cluster's `migrate`
    then finds every migration applied instead of running them all (about 20 s)."""
    template = connection.settings_dict["TEST"]["TEMPLATE"]
    with psycopg.connect(dbname="postgres", autocommit=True, **_server_params()) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    params = {"port": 5432, **_server_params()}
    return f"postgres://{params['user']}@/{name}?host={params['host']}&port={params['port']}"


def _drop_database(database_url):
    name = database_url.split("@/")[1].split("?")[0]
    with psycopg.connect(dbname="postgres", autocommit=True, **_server_params()) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def cluster_db(cluster):
    """A connection to the cluster's database, to count what the app servers stored."""
    name = cluster["database_url"].split("@/")[1].split("?")[0]
    with psycopg.connect(dbname=name, autocommit=True, **_server_params()) as db:
        yield db


def csrf_of(response):
    """The CSRF cookie a page set and the token its form carries."""
    return response.cookies["csrftoken"], CSRF_INPUT.search(response.text).group(1)


def admin_session(cluster, login_node, post_node):
    """Sign in as the admin: the form from `login_node`, the POST to `post_node`. Returns
    the cookies the browser would keep (production cookies are Secure: the tests send them
    over plain HTTP themselves)."""
    form = requests.get(f"{login_node}/admin/login/", timeout=30)
    csrf_cookie, token = csrf_of(form)
    answer = requests.post(
        f"{post_node}/admin/login/",
        data={
            "username": "admin",
            "password": cluster["admin_password"],
            "csrfmiddlewaretoken": token,
        },
        cookies={"csrftoken": csrf_cookie},
        allow_redirects=False,
        timeout=30,
    )
    # Signing in gives a new CSRF cookie; its value is a valid token for the admin's forms.
    csrf_cookie = answer.cookies.get("csrftoken", csrf_cookie)
    return answer, {"csrftoken": csrf_cookie, "sessionid": answer.cookies.get("sessionid", "")}
