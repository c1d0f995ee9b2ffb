"""Every address a publish makes stale, purged from the page cache and from Varnish.

The Varnish side is a real HTTP listener (`http.server` on a port of its own) that records
what it is sent, standing in for Varnish; the VCL that acts on PURGE and BAN, and the whole
chain through a real Varnish, are tested with the cluster (deploy/varnish). Tasks are
stored and never run here (django-tasks' dummy backend), as in production until the
db_worker's next poll: what the listener receives was sent by the publishing code itself.
"""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django_tasks import default_task_backend

from django.core.cache import caches

from portal.core.front_cache import affected_urls, one_ban_for_all
from portal.core.outages import forget_outages
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ProjectSettingsFactory,
    ZoneFactory,
    ZonePageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

# Ports of this module's listener (the project's test servers use 54442-54449).
LISTENER_PORTS = range(8700, 8740)
DEAD = "http://127.0.0.1:8749"  # a port of ours that nobody listens on


class Recorder(BaseHTTPRequestHandler):
    """Answers 200 to anything and remembers (method, path, Host)."""

    def answer(self):
        self.server.received.append((self.command, self.path, self.headers["Host"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = do_GET = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    """A listener on a free port of LISTENER_PORTS, configured as the one front cache."""
    server = None
    for port in LISTENER_PORTS:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), Recorder)
            break
        except OSError:
            continue
    assert server is not None, f"no free port in {LISTENER_PORTS}"
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    use_front_cache(settings, f"http://127.0.0.1:{server.server_address[1]}")
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def queued_purges():
    """The tasks left for a worker that would purge or ban a front cache (Wagtail's own or
    ours); other tasks (the search index) may be queued too."""
    modules = {"wagtail.contrib.frontend_cache.tasks", "portal.core.front_cache"}
    return [
        result for result in default_task_backend.results if result.task.func.__module__ in modules
    ]


def use_front_cache(settings, location):
    """`location` as the one Varnish; tasks only queued (none runs within the test)."""
    forget_outages()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.WAGTAILFRONTENDCACHE = {
        "varnish0": {"BACKEND": "portal.core.front_cache.VarnishBackend", "LOCATION": location}
    }
    settings.FRONTEND_CACHE_TIMEOUT = 1


@pytest.fixture
def news_tree(home, home_en):
    """Three zones, the pages of two, the news index in both languages and an article
    about those two zones, translated."""
    zones = [ZoneFactory(slug=slug) for slug in ("samorzady", "wtz", "biznes")]
    for zone in zones[:2]:
        ZonePageFactory(parent=home, zone=zone, slug=f"strefa-{zone.slug}")
    index = NewsIndexPageFactory(parent=home)
    translate(index, title="News", slug="news")
    article = NewsPageFactory(parent=index, slug="spotkanie", zones=zones[:2])
    translate(article, title="Meeting", slug="meeting", lead="About the meeting.")
    return article


NEWS_INDEX_PATHS = [
    "",
    "rss/",
    "atom/",
    *(f"{feed}/{zone}/" for feed in ("rss", "atom") for zone in ("samorzady", "wtz", "biznes")),
]
ZONE_PAGE_PATHS = [
    "",
    "badania/",
    "aktualnosci/",
    "wydarzenia/",
    "materialy/",
    "sukcesy/",
]


def under(base, paths):
    return {f"http://testserver{base}{path}" for path in paths}


ARTICLE_ADDRESSES = (
    under("/pl/aktualnosci/spotkanie/", [""])
    | under("/en/news/meeting/", [""])
    | under("/pl/aktualnosci/", NEWS_INDEX_PATHS)
    | under("/en/news/", NEWS_INDEX_PATHS)
    | under("/pl/strefa-samorzady/", ZONE_PAGE_PATHS)
    | under("/pl/strefa-wtz/", ZONE_PAGE_PATHS)
    | under("/pl/", [""])
    | under("/en/", [""])
    | under("/", ["sitemap.xml", "sitemap-pl.xml", "sitemap-en.xml"])
)


def test_the_addresses_of_a_news_article_in_two_zones(news_tree):
    assert affected_urls(news_tree) == ARTICLE_ADDRESSES


def test_the_english_translation_affects_the_same_addresses(news_tree):
    english = news_tree.get_translation(news_tree.get_translations().get().locale)
    assert affected_urls(english) == ARTICLE_ADDRESSES


def test_publishing_purges_every_address_from_varnish(
    news_tree, varnish, django_capture_on_commit_callbacks
):
    news_tree.title = "Spotkanie przesunięte"
    with django_capture_on_commit_callbacks(execute=True):
        news_tree.save_revision().publish()

    received = set(varnish.received)
    expected = {
        ("PURGE", url.removeprefix("http://testserver"), "testserver") for url in ARTICLE_ADDRESSES
    }
    assert received == expected
    assert len(varnish.received) == len(expected)  # each once
    # Nothing left for a worker to purge later: not Wagtail's own purge of the page either.
    assert queued_purges() == []


def test_saving_the_settings_bans_the_site_and_empties_the_page_cache(
    home, varnish, django_capture_on_commit_callbacks
):
    caches["pages"].set("page:something", "kept")

    with django_capture_on_commit_callbacks(execute=True):
        ProjectSettingsFactory(site=home.get_site())  # and its funding notice, a snippet

    assert set(varnish.received) == {("BAN", "/", "testserver")}
    assert caches["pages"].get("page:something") is None
    assert queued_purges() == []


def test_a_batch_of_publishes_ends_with_one_ban_and_publishing_purges_again_after_it(
    news_tree, varnish, django_capture_on_commit_callbacks
):
    """The demo loader's batch: no purge per publish inside it, one ban of the site and an
    empty page cache once it is committed, and the purges back for the next publish."""
    caches["pages"].set("page:something", "kept")

    with django_capture_on_commit_callbacks(execute=True), one_ban_for_all():
        for title in ("Spotkanie przesunięte", "Spotkanie odwołane"):
            news_tree.title = title
            news_tree.save_revision().publish()
        ProjectSettingsFactory(site=news_tree.get_site())

    assert varnish.received == [("BAN", "/", "testserver")]
    assert caches["pages"].get("page:something") is None
    assert queued_purges() == []

    varnish.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        news_tree.save_revision().publish()
    assert ("PURGE", "/pl/aktualnosci/spotkanie/", "testserver") in varnish.received


def test_renaming_a_zone_bans_the_site(home, varnish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        zone = ZoneFactory()
    varnish.received.clear()

    zone.name = "Strefa po zmianie"
    with django_capture_on_commit_callbacks(execute=True):
        zone.save()

    assert varnish.received == [("BAN", "/", "testserver")]


def test_a_varnish_that_is_down_does_not_stop_a_publish(
    client, settings, news_tree, django_capture_on_commit_callbacks, caplog
):
    use_front_cache(settings, DEAD)
    news_tree.title = "Opublikowane mimo wszystko"

    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        news_tree.save_revision().publish()

    assert "Opublikowane mimo wszystko" in client.get(news_tree.url).content.decode()
    warnings = [r.getMessage() for r in caplog.records if r.name == "portal.core.front_cache"]
    assert len(warnings) == 1
    assert "Varnish at 127.0.0.1:8749 unreachable" in warnings[0]


def test_a_varnish_that_is_down_does_not_keep_the_other_from_being_purged(
    settings, news_tree, varnish, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "down": {"BACKEND": "portal.core.front_cache.VarnishBackend", "LOCATION": DEAD},
        **settings.WAGTAILFRONTENDCACHE,
    }

    with django_capture_on_commit_callbacks(execute=True):
        news_tree.save_revision().publish()

    assert {path for _method, path, _host in varnish.received} == {
        url.removeprefix("http://testserver") for url in ARTICLE_ADDRESSES
    }
