"""Every response carries the Content-Security-Policy and Permissions-Policy headers, and the
admin sends nothing about editors to third parties."""

import pytest

from django.contrib.auth import get_user_model

from tests.html import select

pytestmark = pytest.mark.django_db


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def test_public_page_runs_only_the_sites_own_scripts_and_styles(client, home):
    policy = directives(client.get("/pl/"))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["font-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == policy["form-action"] == policy["base-uri"] == ["'self'"]


def test_admin_gets_the_policy_wagtail_needs_and_no_more(client, home):
    policy = directives(client.get("/admin/login/"))

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["default-src"] == policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.parametrize("path", ["/pl/", "/pl/nie-ma-takiej-strony/", "/admin/login/"])
def test_every_response_forbids_browser_features_the_site_does_not_use(client, home, path):
    header = client.get(path)["Permissions-Policy"]

    features = dict(item.strip().split("=") for item in header.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()"


def test_admin_dashboard_loads_no_gravatar_and_checks_for_no_update(client, home):
    editor = get_user_model().objects.create_superuser(
        username="redaktor", email="redaktor@example.org", password="haslo-redaktora-2026"
    )
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "gravatar.com" not in html  # it would send a hash of the e-mail address
    # the script that asks releases.wagtail.org
    assert not select(html, '[data-controller*="w-upgrade"]')
    assert "releases.wagtail" not in html
