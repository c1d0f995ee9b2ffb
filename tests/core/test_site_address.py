"""The site knows its own address: `configure_site` writes PORTAL_BASE_URL to the default
Site, a deploy check notices when they disagree, and the links in every page's <head> and in
the sitemap lead there whatever host a request came in on."""

import re
from io import StringIO

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Site

from tests.html import one, select

pytestmark = pytest.mark.django_db

PUBLIC = "https://portal.example.org"
# The test client's own host, and the address `make run` serves.
OTHER_HOSTS = ["testserver", "127.0.0.1:8000"]


def configure_site():
    out = StringIO()
    call_command("configure_site", stdout=out)
    return out.getvalue()


def default_site():
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def translated(standard_page, home_en, locales):
    english = standard_page.copy_for_translation(locales["en"])
    english.title, english.slug = "About the project", "about-the-project"
    english.save_revision().publish()
    return standard_page, english


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:8000",
        "https://portal.example.org",
        "http://portal.example.org",
        "http://[::1]:8000",
    ],
)
def test_configure_site_writes_an_address_wagtail_gives_back_exactly(settings, home, address):
    settings.PORTAL_BASE_URL = address
    assert f"now {address} " in configure_site()
    assert default_site().root_url == address
    assert home.get_full_url() == f"{address}/pl/"


def test_configure_site_changes_nothing_when_the_site_is_already_right(settings, home):
    settings.PORTAL_BASE_URL = PUBLIC
    configure_site()
    with CaptureQueriesContext(connection) as queries:
        said = configure_site()
    assert said == f"The default Site is already {PUBLIC}; nothing changed.\n"
    assert not [query for query in queries if query["sql"].startswith("UPDATE")]


def test_configure_site_names_an_unnamed_site_and_keeps_a_given_name(settings, home):
    site = default_site()
    site.site_name = ""
    site.save()
    settings.PORTAL_BASE_URL = PUBLIC
    configure_site()
    assert default_site().site_name == "Portal WTZ"

    Site.objects.filter(pk=site.pk).update(site_name="Portal WTZ (szkolenia)", port=8000)
    assert "changed: port." in configure_site()
    assert default_site().site_name == "Portal WTZ (szkolenia)"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("https://portal.example.org:8443", "https only on port 443"),
        ("http://portal.example.org:443", "https only on port 443"),
        ("https://example.org/portal", "no path"),
        ("portal.example.org", "http:// or https://"),
        ("ftp://portal.example.org", "http:// or https://"),
    ],
)
def test_configure_site_refuses_an_address_wagtail_cannot_give_back(
    settings, home, address, reason
):
    settings.PORTAL_BASE_URL = address
    with pytest.raises(CommandError, match=reason):
        configure_site()
    assert default_site().root_url == "http://testserver"  # left as it was


def test_configure_site_refuses_the_address_of_another_site(settings, home):
    Site.objects.create(hostname="portal.example.org", port=443, root_page=home)
    settings.PORTAL_BASE_URL = PUBLIC
    with pytest.raises(CommandError, match="Another Site already has https://portal.example.org"):
        configure_site()
    assert default_site().root_url == "http://testserver"


def test_deploy_check_fails_until_configure_site_writes_the_address(settings, home):
    settings.PORTAL_BASE_URL = PUBLIC

    def deploy_check():
        call_command(
            "check", "--deploy", "--database", "default", "--tag", "sites", stdout=StringIO()
        )

    with pytest.raises(SystemCheckError) as failure:
        deploy_check()
    assert "The default Site is http://testserver but PORTAL_BASE_URL is" in str(failure.value)
    assert "manage.py configure_site" in str(failure.value)
    configure_site()
    deploy_check()  # passes now


def test_deploy_check_refuses_an_address_wagtail_cannot_serve(settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org:8443"
    with pytest.raises(SystemCheckError, match="https only on port 443"):
        call_command("check", "--deploy", "--tag", "sites", stdout=StringIO())


def hreflang_links(head):
    """{language: address} of the head's alternate links to the page's translations."""
    return {link["hreflang"]: link["href"] for link in select(head, "link[hreflang]")}


@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_canonical_og_url_and_hreflang_lead_to_the_site_address(
    client, public_address, translated, host
):
    with translation.override("pl"):
        head = one(client.get("/pl/o-projekcie/", HTTP_HOST=host), "head")
    assert one(head, 'link[rel="canonical"]')["href"] == f"{PUBLIC}/pl/o-projekcie/"
    assert one(head, 'meta[property="og:url"]')["content"] == f"{PUBLIC}/pl/o-projekcie/"
    assert hreflang_links(head) == {
        "pl": f"{PUBLIC}/pl/o-projekcie/",
        "en": f"{PUBLIC}/en/about-the-project/",
        "x-default": f"{PUBLIC}/pl/o-projekcie/",
    }
    links = [
        address
        for element in select(head, "[href], [content]")
        for address in (element.get("href", ""), element.get("content", ""))
        if re.match(r"\w+://", address)
    ]
    assert len(links) >= 5
    assert [link for link in links if not link.startswith(f"{PUBLIC}/")] == []


def test_an_explicit_default_port_gives_the_same_links_as_wagtail(client, settings, translated):
    settings.PORTAL_BASE_URL = "https://portal.example.org:443/"
    configure_site()
    head = one(client.get("/pl/o-projekcie/"), "head")
    assert one(head, 'link[rel="canonical"]')["href"] == f"{PUBLIC}/pl/o-projekcie/"
    assert hreflang_links(head)["pl"] == f"{PUBLIC}/pl/o-projekcie/"


@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_sitemap_locations_lead_to_the_site_address(client, public_address, translated, host):
    xml = "".join(
        client.get(path, HTTP_HOST=host).content.decode()
        for path in ("/sitemap.xml", "/sitemap-pl.xml", "/sitemap-en.xml")
    )
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert f"{PUBLIC}/sitemap-pl.xml" in locations
    assert f"{PUBLIC}/pl/o-projekcie/" in locations
    assert f"{PUBLIC}/en/about-the-project/" in locations
    assert [url for url in locations if not url.startswith(f"{PUBLIC}/")] == []
