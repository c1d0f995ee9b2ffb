"""Playwright drives Debian's Chromium against pytest-django's live server.

`visit(page, url)` opens a public page and fails the test on any axe-core violation of
WCAG 2.1 A/AA, so every public page a browser test looks at is also checked.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from django.core.management import call_command

from wagtail.models import Page, Site

from tests import pg_snapshot

CHROMIUM = "/usr/bin/chromium"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the Django ORM calls the
    # tests make between browser steps are synchronous and safe, so allow them while the
    # browser is open, and only then.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield from _launch_chromium()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _launch_chromium():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def assert_accessible(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert violations == [], f"axe violations on {page.url}:\n{results.generate_report()}"


@pytest.fixture
def visit(live_server):
    def go(page, path, expect_status=200):
        response = page.goto(live_server.url + path)
        assert response.status == expect_status, f"{path} answered {response.status}"
        assert_accessible(page)
        return response

    return go


# The demo site is built once per test run and saved (database rows and media files); the
# next browser test, whose database was flushed after the previous one, loads the copy
# instead of building it again. On PostgreSQL the copy is a data-only pg_dump restored by
# psql in about a second; elsewhere Django's dumpdata/loaddata (ten times slower).
_saved_demo = {}
DEMO_DUMP_EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailcore.pagelogentry",  # history, which keeps the ids of deleted pages
    "wagtailcore.modellogentry",
]


@pytest.fixture
def demo_site(request, transactional_db, settings, tmp_path_factory):
    """The full demo site (zones, footer settings, logos, English pages), so axe sees
    every part of the layout a visitor does."""
    if _saved_demo and ("sql" in _saved_demo or not Page.objects.exclude(depth=1).exists()):
        shutil.copytree(_saved_demo["media"], settings.MEDIA_ROOT, dirs_exist_ok=True)
        _restore(_saved_demo)
        return Site.objects.get(is_default_site=True)
    request.getfixturevalue("locales")
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    if not _saved_demo:
        saved = tmp_path_factory.mktemp("demo")
        _saved_demo.update(_save(saved))
        shutil.copytree(settings.MEDIA_ROOT, saved / "media")
        _saved_demo["media"] = str(saved / "media")
    return Site.objects.get(is_default_site=True)


def _save(folder):
    if pg_snapshot.available():
        dump = folder / "demo.sql"
        pg_snapshot.save(dump)
        return {"sql": str(dump)}
    # Permissions that migrations made are matched by name on load (natural keys);
    # every other row keeps its primary key.
    call_command(
        "dumpdata",
        "auth.permission",
        natural_primary=True,
        natural_foreign=True,
        output=str(folder / "permissions.json"),
        verbosity=0,
    )
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=DEMO_DUMP_EXCLUDE,
        output=str(folder / "demo.json"),
        verbosity=0,
    )
    return {"rows": [str(folder / "permissions.json"), str(folder / "demo.json")]}


def _restore(saved):
    """Put the saved demo back (on PostgreSQL whatever the database holds)."""
    if "sql" in saved:
        pg_snapshot.restore(saved["sql"])
    else:
        call_command("loaddata", *saved["rows"], verbosity=0)
