"""PostgreSQL briefly down: the site answers its own 503 page, and recovers without a restart.

Requests go through Django's WSGI handler, as under gunicorn (the test client keeps its
connection open across requests, which a server does not). The database "goes away" for
real: the address of the socket is pointed at an empty directory, and the connection a
server process keeps is killed from a second connection, as a restart of PostgreSQL does.
"""

import pytest

from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection, connections
from django.test import RequestFactory

from portal.core.views import server_error

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (`make pytest` starts one): the test cuts its socket",
    ),
]


def visit(path):
    """Status, headers and text of `path`, served the way a WSGI server serves it."""
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=int(status.split()[0]), headers=dict(headers))

    body = WSGIHandler()(RequestFactory().get(path).environ, start_response)
    try:
        text = b"".join(body).decode()
    finally:
        body.close()  # the end of the request: Django closes or keeps the connection
    return started["status"], started["headers"], text


@pytest.fixture
def database_settings():
    """The connection's settings, put back after the test (which may cut them)."""
    saved = dict(connection.settings_dict)
    yield connection.settings_dict
    connection.close()
    connection.settings_dict.update(saved)


def test_an_unreachable_database_gives_the_sites_503_page_then_pages_come_back(
    home, database_settings, tmp_path
):
    assert visit(home.url)[0] == 200

    connection.close()
    socket_directory = database_settings["HOST"]
    database_settings["HOST"] = str(tmp_path)  # no PostgreSQL socket there
    status, headers, text = visit(home.url)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Serwis jest chwilowo niedostępny" in text
    assert "Spróbuj ponownie za minutę" in text

    database_settings["HOST"] = socket_directory
    assert visit(home.url)[0] == 200


def test_a_restarted_database_costs_no_failed_request(home, database_settings):
    """A server keeps its connection between requests (conn_max_age); after PostgreSQL
    restarts, that connection is dead. The health check (CONN_HEALTH_CHECKS, on by
    default in the settings) notices before the page uses it and reconnects."""
    database_settings["CONN_MAX_AGE"] = 60
    connection.close()
    assert visit(home.url)[0] == 200
    kept = connection.connection
    assert kept is not None, "the connection is kept for the next request"

    second = connections.create_connection("default")
    with second.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [kept.info.backend_pid])
    second.close()

    assert visit(home.url)[0] == 200
    assert connection.connection is not kept


def test_a_query_that_times_out_is_a_bug_shown_as_500_not_an_outage():
    """A statement timeout is an OperationalError too, but the database answered: the
    site's handler gives Django's 500 page, so the error is not mistaken for an outage."""
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 1")
        try:
            cursor.execute("SELECT pg_sleep(1)")
        except OperationalError:
            response = server_error(RequestFactory().get("/"))  # as Django calls it
        finally:
            cursor.execute("SET statement_timeout = 0")  # the connection outlives the test

    assert response.status_code == 500
    assert "Retry-After" not in response.headers
