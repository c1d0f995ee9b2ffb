"""The page cache for anonymous visitors: what it keeps, who it answers, what empties it.

Each test runs on the real cache backends (local memory; Redis for the outage) through the
test client, the whole middleware stack included. A change written straight to the database
(`update`, no publish) is how a test tells a cached answer from a fresh one.
"""

import gzip

import pytest

from django.core.cache import caches
from django.test import Client

from portal.core.outages import forget_outages
from portal.core.page_cache import page_key
from tests.core import test_redis_outage
from tests.events.test_registration import form_data
from tests.factories import PollFactory, ProjectSettingsFactory, StandardPageFactory
from tests.html import select

pytestmark = pytest.mark.django_db

TIMEOUT = test_redis_outage.TIMEOUT
# An event whose page carries the registration form, and so a CSRF token.
meeting = test_redis_outage.meeting


def csrf_token(response):
    """The CSRF token of the page's first form."""
    return select(response, 'form input[name="csrfmiddlewaretoken"]')[0]["value"]


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache on, as in production, and empty."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.BROWSER_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page as the admin does: the purge runs once the change is committed."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return run


def kept(path, language="pl"):
    """Whether the page cache holds the test client's `path`."""
    return caches["pages"].get(page_key("testserver", path, language)) is not None


def change_quietly(page, **fields):
    """Change a page in the database without publishing (nothing is purged)."""
    type(page).objects.filter(pk=page.pk).update(**fields)


def test_an_anonymous_visitor_is_answered_from_the_cache(client, standard_page):
    first = client.get(standard_page.url)
    change_quietly(standard_page, title="Zmieniony po cichu")

    again = client.get(standard_page.url)

    assert again.status_code == 200
    assert kept(standard_page.url)
    assert b"O projekcie" in again.content
    assert b"Zmieniony po cichu" not in again.content
    assert again.content == first.content


def test_a_publish_shows_on_the_next_request(client, standard_page, publish):
    client.get(standard_page.url)
    standard_page.title = "Nowy tytuł strony"

    publish(standard_page)

    assert b"Nowy tytu\xc5\x82 strony" in client.get(standard_page.url).content


def test_a_publish_refreshes_the_parent_listing_too(client, home, standard_page, publish):
    """The home page's menu lists the page: its title changes there on the next request."""
    assert b"O projekcie" in client.get(home.url).content
    standard_page.title = "Projekt w skrócie"

    publish(standard_page)

    assert "Projekt w skrócie" in client.get(home.url).content.decode()


def test_an_unpublished_page_is_gone_on_the_next_request(
    client, standard_page, django_capture_on_commit_callbacks
):
    assert client.get(standard_page.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        standard_page.unpublish()

    assert client.get(standard_page.url).status_code == 404


def test_a_cacheable_page_says_public_and_is_revalidated_with_304(client, standard_page):
    response = client.get(standard_page.url)
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60", "s-maxage=600"}
    assert response.has_header("Last-Modified")

    from_cache = client.get(standard_page.url, HTTP_IF_NONE_MATCH=response["ETag"])

    assert from_cache.status_code == 304
    assert from_cache.content == b""
    assert from_cache["ETag"] == response["ETag"]


def test_a_browser_that_accepts_gzip_gets_the_cached_page_compressed_and_revalidated(
    client, standard_page
):
    plain = client.get(standard_page.url)
    compressed = client.get(standard_page.url, HTTP_ACCEPT_ENCODING="gzip, br")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    assert gzip.decompress(compressed.content) == plain.content
    revalidated = client.get(
        standard_page.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"]
    )
    assert revalidated.status_code == 304


@pytest.mark.parametrize("accept_encoding", ["", "gzip"])
def test_a_page_from_the_cache_has_the_headers_of_the_rendered_one(
    client, settings, standard_page, accept_encoding
):
    """The page cache answers before the policies, gzip and ETag middleware run: a page from
    it still carries their headers, and the app server's name."""
    settings.PORTAL_NODE = "app1"
    rendered = client.get(standard_page.url, HTTP_ACCEPT_ENCODING=accept_encoding)
    change_quietly(standard_page, title="Zmieniony po cichu")

    from_cache = client.get(standard_page.url, HTTP_ACCEPT_ENCODING=accept_encoding)

    assert b"Zmieniony po cichu" not in from_cache.content
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options"):
        assert from_cache[name] and from_cache[name] == rendered[name]
    assert from_cache["X-Portal-Node"] == "app1"
    # Gzip pads each copy with random bytes, so only the compressed length may differ.
    length = {"Content-Length": ""}
    assert {**from_cache.headers, **length} == {**rendered.headers, **length}


def test_a_changed_page_does_not_match_the_old_etag(client, standard_page, publish):
    etag = client.get(standard_page.url)["ETag"]
    standard_page.intro = "Inny wstęp."
    publish(standard_page)

    response = client.get(standard_page.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_nobody_receives_another_visitors_csrf_token_or_cookie(meeting):
    anna, piotr = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    for_anna = anna.get(meeting.url)
    for_piotr = piotr.get(meeting.url)

    annas_token, piotrs_token = csrf_token(for_anna), csrf_token(for_piotr)
    assert annas_token != piotrs_token
    assert annas_token not in for_piotr.content.decode()
    assert for_anna.cookies["csrftoken"].value != for_piotr.cookies["csrftoken"].value
    for response in (for_anna, for_piotr):
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
    # Piotr's own token, from the page he was given, is the one that lets him sign up.
    signed_up = piotr.post(
        meeting.url + "zapis/", {**form_data(), "csrfmiddlewaretoken": piotrs_token}
    )
    assert signed_up.status_code == 302


def test_editors_never_see_a_cached_page(client, admin_client, standard_page):
    client.get(standard_page.url)
    change_quietly(standard_page, title="Zmiana w toku")

    for_editor = admin_client.get(standard_page.url)

    assert b"Zmiana w toku" in for_editor.content
    assert "private" in for_editor["Cache-Control"]
    assert b"Zmiana w toku" not in client.get(standard_page.url).content


def test_an_editors_view_never_fills_the_cache(client, admin_client, standard_page):
    for_editor = admin_client.get(standard_page.url)
    assert b"wagtail-userbar" in for_editor.content

    for_visitor = client.get(standard_page.url)

    assert b"wagtail-userbar" not in for_visitor.content
    assert "public" in for_visitor["Cache-Control"]


def test_the_admin_and_a_preview_are_never_cached(admin_client, standard_page):
    response = admin_client.get(f"/admin/pages/{standard_page.pk}/edit/preview/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not kept(response.wsgi_request.path)


def test_a_filtered_listing_is_rendered_each_time_and_revalidated(client, home, standard_page):
    response = client.get(standard_page.url + "?utm_source=newsletter")
    change_quietly(standard_page, title="Po zmianie")

    assert response["Cache-Control"] == "no-cache"
    assert b"Po zmianie" in client.get(standard_page.url + "?utm_source=newsletter").content


def test_a_404_is_not_kept(client, home):
    response = client.get("/pl/nie-ma-takiej-strony/")

    assert response.status_code == 404
    assert response["Cache-Control"] == "no-cache"
    assert not kept("/pl/nie-ma-takiej-strony/")


def use_redis_page_cache(settings, server):
    """The production backend for the page cache, on the test's Redis server."""
    forget_outages()
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "portal.core.redis_cache.RedisCacheSkippedWhenDown",
            "LOCATION": server.url,
            "OPTIONS": {
                "socket_connect_timeout": TIMEOUT,
                "socket_timeout": TIMEOUT,
                "RETRY_AFTER": 0,
            },
        },
    }


def test_pages_come_from_redis_and_answer_200_while_it_is_stopped(
    client, settings, redis_server, standard_page
):
    use_redis_page_cache(settings, redis_server)
    client.get(standard_page.url)
    change_quietly(standard_page, title="Zmieniony po cichu")
    assert b"O projekcie" in client.get(standard_page.url).content, "served from Redis"
    assert redis_server.client().keys("*page:*")

    redis_server.stop()
    responses = [client.get(standard_page.url) for _ in range(3)]

    assert [response.status_code for response in responses] == [200] * 3
    assert b"Zmieniony po cichu" in responses[-1].content


def test_a_moved_page_leaves_its_old_address_and_listing(
    client, home, standard_page, django_capture_on_commit_callbacks
):
    other = StandardPageFactory(parent=home, title="Dla mediów", slug="dla-mediow")
    old_url = standard_page.url
    assert client.get(old_url).status_code == 200
    assert b"O projekcie" in client.get(home.url).content

    with django_capture_on_commit_callbacks(execute=True):
        standard_page.move(other, pos="last-child")

    moved = client.get(old_url)  # Wagtail leaves a redirect behind, not the cached page
    assert (moved.status_code, moved["Location"]) == (301, "/pl/dla-mediow/o-projekcie/")
    assert client.get("/pl/dla-mediow/o-projekcie/").status_code == 200
    assert b"O projekcie" not in client.get(home.url).content, "no longer in the menu"


def test_a_deleted_page_is_gone_on_the_next_request(
    client, standard_page, django_capture_on_commit_callbacks
):
    url = standard_page.url
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        standard_page.delete()

    assert client.get(url).status_code == 404


def test_a_settings_change_shows_on_every_cached_page(
    client, standard_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        office = ProjectSettingsFactory(office_name="Biuro przy Rynku")
    assert b"Biuro przy Rynku" in client.get(standard_page.url).content

    office.office_name = "Biuro na Wildzie"
    with django_capture_on_commit_callbacks(execute=True):
        office.save()

    assert b"Biuro na Wildzie" in client.get(standard_page.url).content


def test_a_page_from_the_cache_costs_no_query(client, home, django_assert_num_queries):
    client.get(home.url)

    with django_assert_num_queries(0):
        response = client.get(home.url)

    assert response.status_code == 200


def test_a_voters_page_with_the_results_is_never_served_to_a_visitor_who_has_not_voted(home):
    """After a vote the poll's page shows its results (no form, no token) from the voter's
    cookie: kept in the cache, it would hide the form from everybody else."""
    poll = PollFactory(choices=[("Tak", 1), ("Nie", 2)])
    page = StandardPageFactory(
        parent=home, slug="sonda", body=[("poll", {"poll": poll, "heading": ""})]
    )
    voter = Client(enforce_csrf_checks=False)
    choice = poll.choices.get(label="Tak")
    voted = voter.post(f"/pl/sonda/{poll.pk}/", {"choice": choice.pk, "next": page.url})
    assert voted.status_code == 303

    voters_page = voter.get(page.url)
    assert "private" in voters_page["Cache-Control"]
    assert not kept(page.url)

    somebody_else = Client().get(page.url)
    assert select(somebody_else, 'form input[name="choice"]')
