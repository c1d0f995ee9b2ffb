"""The admin wears the portal's identity: its name and logo on the sign-in page and in the
sidebar, its icon and name in the browser tab, its colours through Wagtail's theming."""

import pytest

from tests.html import one, parse, select, text_of

pytestmark = pytest.mark.django_db


def test_sign_in_page_names_the_portal_and_shows_its_logo(client):
    response = client.get("/admin/login/")

    assert text_of(one(response, "main h1")) == "Zaloguj się do Portalu WTZ"
    assert text_of(one(response, "title")) == "Zaloguj się - Portal WTZ"
    logo = one(response, ".login-logo img")
    assert logo["src"].endswith("img/logo.svg")
    assert text_of(one(response, ".login-logo")) == "Portal WTZ"
    assert not [
        svg for svg in select(response, "svg[aria-label]") if svg["aria-label"] == "Wagtail"
    ]


def test_every_admin_screen_has_the_portals_icon_logo_and_colours(admin_client):
    response = admin_client.get("/admin/")

    page = parse(response)
    assert text_of(one(page, "title")).endswith("- Portal WTZ")
    assert one(page, 'link[rel="icon"]')["href"].endswith("img/favicon.svg")
    # The sidebar (a React component) takes its logo from this template.
    sidebar_logo = one(page, "template[data-wagtail-sidebar-branding-logo]")
    assert "img/logo.svg" in sidebar_logo.decode_contents()
    stylesheets = [link["href"] for link in select(page, 'link[rel="stylesheet"]')]
    assert any(href.endswith("css/admin.css") for href in stylesheets)
