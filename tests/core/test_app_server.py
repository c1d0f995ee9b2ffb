"""What an app server of several says about itself: X-Portal-Node and the /healthz probe
that Varnish sends (deploy/varnish/default.vcl)."""

import pytest

pytestmark = pytest.mark.django_db


def test_every_response_names_the_app_server_that_made_it(client, settings, home):
    settings.PORTAL_NODE = "app7"

    page = client.get("/pl/")
    missing = client.get("/pl/no-such-page/")

    assert page.headers["X-Portal-Node"] == "app7"
    assert missing.headers["X-Portal-Node"] == "app7"


def test_without_a_node_name_no_header_is_sent(client, settings, home):
    settings.PORTAL_NODE = ""

    assert "X-Portal-Node" not in client.get("/pl/").headers


def test_the_health_probe_answers_ok_and_is_never_cached(client):
    answer = client.get("/healthz")

    assert answer.status_code == 200 and answer.content == b"ok\n"
    assert answer.headers["Cache-Control"] == "no-store"


def test_the_health_probe_answers_on_plain_http_whatever_the_host(client, settings):
    # Production: only the public host is allowed, and http is redirected to https; the
    # probe comes over http with the app server's own address.
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    answer = client.get("/healthz", HTTP_HOST="10.0.0.11:8000")

    assert answer.status_code == 200
    assert client.get("/pl/", HTTP_HOST="10.0.0.11:8000").status_code == 400
