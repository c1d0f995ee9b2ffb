import contextlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from io import StringIO

import pytest
import redis
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler as modelsearch_post_save

from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save
from django.test import SimpleTestCase, TestCase, TransactionTestCase, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, Locale, Page
from wagtail.signal_handlers import reference_index_auto_update_disabled
from wagtail.test.utils import WagtailPageTestCase

from portal.core.outages import forget_outages
from portal.core.signals import Receiver, receivers_paused
from portal.search.demo import site_index_paused
from tests import pg_snapshot, pg_template, sqlite_snapshot
from tests.factories import HomePageFactory, StandardPageFactory, make_site_root


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    """Uploaded files go to a folder of the test's own. Django test classes that build
    files once for all their tests (the demo) set MEDIA_ROOT themselves in setUpClass."""
    if request.cls is None or not issubclass(request.cls, SimpleTestCase):
        settings.MEDIA_ROOT = tmp_path / "media"


class OwnMediaTestCase(TestCase):
    """A Django TestCase whose class builds files once for all its tests (setUpTestData):
    they go to a temporary folder of the class's own, removed after it."""

    @classmethod
    def setUpClass(cls):
        cls.media = tempfile.mkdtemp(prefix=f"{cls.__name__}-media-")
        cls.enterClassContext(override_settings(MEDIA_ROOT=cls.media))
        cls.addClassCleanup(shutil.rmtree, cls.media, ignore_errors=True)
        super().setUpClass()


_migrated = {}


@pytest.fixture(scope="session", autouse=True)
def _migrated_rows(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of the rows migrations left in the test database (Wagtail's root page, root
    collection, default site and groups): a pg_dump file on PostgreSQL, an in-memory copy on
    SQLite. A transactional test ends by putting them back (see _back_to_migrated_rows)."""
    with django_db_blocker.unblock():
        if pg_snapshot.available():
            _migrated["sql"] = tmp_path_factory.mktemp("migrated") / "migrated.sql"
            pg_snapshot.save(_migrated["sql"])
        elif sqlite_snapshot.available():
            _migrated["sqlite"] = sqlite_snapshot.save()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", _back_to_migrated_rows)
        yield


_flush = TransactionTestCase._fixture_teardown


def _back_to_migrated_rows(test_case):
    """What ends a transactional test (browser tests, `live_server`, `transaction=True`):
    instead of Django's flush, which empties every table, migrations' rows included, and
    then recreates every content type and permission (post_migrate), the tables are
    refilled with the copy taken after migrating, so whatever test comes next finds the
    database as migrations left it, in any order pytest-xdist runs the files. Django's
    serialized_rollback would not do: it restores rows at the start of a transactional
    test, not after it. Test cases' own (Django's TestCase) roll back as before."""
    if "sql" in _migrated:
        pg_snapshot.restore(_migrated["sql"])
    elif "sqlite" in _migrated:
        sqlite_snapshot.restore(_migrated["sqlite"])
    else:
        _flush(test_case)


@pytest.fixture(scope="module", autouse=True)
def _wagtail_indexes(request):
    """Every save of a page, document or snippet runs two of Wagtail's tasks, at once in
    tests: its search index (the admin's search and choosers read it) and its reference index
    (the admin's usage counts and delete warnings; a PDF's text finds its reports through
    it). They were 13 % of the PostgreSQL stage's time (py-spy over `make pytest`), mostly in
    tests that read neither. A module marked `indexed` keeps both, as the site does; in the
    others a save is not indexed. Module scope: a test class's setUpTestData runs inside it."""
    if request.node.get_closest_marker("indexed"):
        yield
        return
    backends = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in django_settings.WAGTAILSEARCH_BACKENDS.items()
    }
    # The switch of Wagtail's disable_reference_index_auto_update(), set by hand: a test that
    # uses that context manager itself (the demo loader) ends it on its way out.
    reference_index_auto_update_disabled.value = True
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), search_index_receivers_paused():
        yield
    with contextlib.suppress(AttributeError):
        del reference_index_auto_update_disabled.value


@contextlib.contextmanager
def search_index_receivers_paused():
    """Without AUTO_UPDATE, Wagtail's search index still reads each saved object back (a
    task per save, two queries) before it finds no backend to send it to; and the site
    search's own index (portal/search/signals.py) makes its entries for each page published
    and document saved. Neither receiver runs here (the demo's build pauses the site index
    the same way)."""
    handlers = [Receiver(post_save, modelsearch_post_save, model) for model in get_indexed_models()]
    with receivers_paused(handlers), site_index_paused():
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (rate limits, rendered fragments) and, like a new
    process, knows of no outage of Redis or Elasticsearch."""
    cache.clear()
    forget_outages()


def make_locales():
    """Both languages, plus the root page and root collection that Wagtail's migrations
    create: a transactional (browser) test flushes the database, so make sure they exist."""
    polish = Locale.objects.get_or_create(language_code="pl")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=polish))
    return {"pl": polish, "en": english}


@pytest.fixture
def locales(db):
    return make_locales()


@pytest.fixture
def home(locales):
    """The Polish home page as the default site's root, on PORTAL_BASE_URL (configure_site),
    like the real site."""
    return make_home()


def make_home():
    """The `home` fixture's page, for a TestCase's setUpTestData too (locales first)."""
    page = HomePageFactory(parent=Page.get_first_root_node())
    make_site_root(page)
    call_command("configure_site", stdout=StringIO())
    return page


@pytest.fixture
def public_address(settings, home):
    """The site published at https://portal.example.org (PORTAL_BASE_URL, written to the
    default Site by configure_site) while the test client still asks http://testserver."""
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    call_command("configure_site", stdout=StringIO())
    return settings.PORTAL_BASE_URL


@pytest.fixture
def home_en(home, locales):
    """The English translation of the home page."""
    page = home.copy_for_translation(locales["en"])
    page.title = "Portal WTZ"
    page.slug = "home"
    page.hero_title = "Social cooperatives beside workshops"
    page.zones_heading = "Choose your zone"
    page.save_revision().publish()
    return page


@pytest.fixture
def standard_page(home):
    return StandardPageFactory(
        parent=home, title="O projekcie", slug="o-projekcie", show_in_menus=True
    )


@pytest.fixture
def page_tests(client):
    """Wagtail's page-type assertions (assertCanCreate, assertCanCreateAt,
    assertAllowedParentPageTypes…) in a pytest test: they post to the admin through `client`,
    so log in first whoever should create the page."""
    checks = WagtailPageTestCase()
    checks.client = client
    return checks


def query_counts(client, url):
    """The queries one GET of `url` runs with every cache empty (cold) and right after
    (warm: the fragment caches filled)."""
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    return len(cold.captured_queries), len(warm.captured_queries)


def queries_do_not_grow(client, url, grow):
    """Check that a page costs a fixed number of queries: count them cold and warm, let
    `grow()` add rows, and require the same counts. Returns them (cold, warm). A first
    request each time makes what is made once for good (content types a process keeps,
    renditions of new images)."""
    client.get(url)
    before = query_counts(client, url)
    grow()
    client.get(url)
    after = query_counts(client, url)
    assert after == before, f"{url}: queries (cold, warm) went from {before} to {after}"
    return after


@pytest.fixture
def assert_queries_do_not_grow(client):
    """queries_do_not_grow(client, url, grow) as `check(url, grow)`."""

    def check(url, grow):
        return queries_do_not_grow(client, url, grow)

    return check


# Ports for servers a test starts (redis-server); a free one is taken.
TEST_SERVER_PORTS = range(54442, 54450)


def free_port():
    """A port no server listens on. A stopped server leaves its port in TIME_WAIT for a
    minute; redis-server binds with SO_REUSEADDR, so the probe does too, or the eight
    ports would run out when tests stop servers in quick succession."""
    for port in TEST_SERVER_PORTS:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {TEST_SERVER_PORTS}")


class RedisServer:
    """A throw-away Debian redis-server (no persistence) that a test can stop, start again,
    or freeze (SIGSTOP: it still accepts connections but never answers, like a hung one)."""

    def __init__(self, port):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.02)

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=1)

    def stop(self):
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)  # in case it was frozen
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def refuse_writes(self):
        """Fill it up: with a memory limit below what it uses (and no eviction, the
        default) Redis still answers reads but refuses every write with an OOM error,
        as a full production Redis does."""
        self.client().config_set("maxmemory", 1)


@pytest.fixture
def redis_server():
    """A running redis-server on a free port, stopped after the test."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed: `make system-deps` installs it")
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """Test databases on PostgreSQL are copies of a migrated template (tests/pg_template.py)."""
    pg_template.use_migrated_template()
