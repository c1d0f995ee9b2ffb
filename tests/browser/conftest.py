"""Playwright (pytest-playwright's fixtures) drives Debian's headless Chromium against
pytest-django's live server; each test builds the site it needs with the factories in
tests/factories.py.

`visit(page, path)` opens a public page and fails the test on any axe-core violation of
WCAG 2.1 A/AA, so every public page a browser test looks at is also checked.
"""

import hashlib
import inspect
import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.core.chromium import CHROMIUM_FLAGS
from tests.factories import (
    AccessibilityStatementPageFactory,
    HandbookPageFactory,
    ProjectSettingsFactory,
    StandardPageFactory,
    ZoneFactory,
    ZonePageFactory,
    translate,
)

HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
PHONE = {"width": 320, "height": 640}
# Only the violations come back with every node: the rules that pass, do not apply or need
# a person's review (which no test reads) come back with one node each instead of all of
# them, which spares axe and the trip from the browser most of their work on a large page.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread from the first browser test
    on; the Django ORM calls the tests make between browser steps are synchronous and safe,
    so allow them for the rest of the session (the loop stays until the session ends)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's headless shell of Chromium, not a downloaded one:
    the same Blink without the full browser around it, as Playwright itself runs headless
    tests. A new context costs it a seventh of the full browser's CPU, a page load and an axe
    run about two thirds (the full browser spent most of the suite's CPU)."""
    if not os.path.exists(HEADLESS_SHELL):
        pytest.fail(
            f"{HEADLESS_SHELL} is missing: `make test` installs Debian's "
            "chromium-headless-shell package."
        )
    return {**browser_type_launch_args, "executable_path": HEADLESS_SHELL, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Polish visitor on a desktop screen."""
    return {**browser_context_args, "locale": "pl-PL", "viewport": {"width": 1280, "height": 900}}


WAIT_MS = 15_000
# An assertion waits as long as an action: its default, 5 s, is not always enough on a
# loaded 2-core CI machine (the admin's live preview of an edited title took longer and failed).
expect.set_options(timeout=WAIT_MS)


@pytest.fixture
def page(page):
    page.set_default_timeout(WAIT_MS)
    return page


@pytest.fixture
def phone(browser, browser_context_args):
    """A tab on a 320px-wide phone (WCAG reflow)."""
    context = browser.new_context(**{**browser_context_args, "viewport": PHONE})
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    yield tab
    context.close()


# What axe's result depends on, as the page has it now: the document as it stands (open
# disclosures, messages, classes a script set), the window's size, print or screen, and
# the element with the focus (its :focus style). The stylesheets are the same all session.
AXE_INPUT = """() => [
    document.documentElement.outerHTML,
    window.innerWidth,
    window.innerHeight,
    matchMedia("print").matches,
    document.activeElement ? document.activeElement.outerHTML : "",
].join("\\u0000")"""
# The inputs axe found no violation in, this process (a pytest-xdist worker) so far.
_passed_axe = set()


def assert_accessible(page):
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. A document that
    already passed, the same to the byte at the same size, media and focus (a page a file
    visits again unchanged, such as the home page before and after a check of its menu),
    is not checked again: axe's result is a function of that input."""
    seen = hashlib.sha256(page.evaluate(AXE_INPUT).encode()).hexdigest()
    if seen in _passed_axe:
        return
    results = Axe().run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert violations == [], f"axe violations on {page.url}:\n{results.generate_report()}"
    _passed_axe.add(seen)


@pytest.fixture
def visit(live_server):
    def go(page, path, expect_status=200):
        response = page.goto(live_server.url + path)
        assert response.status == expect_status, f"{path} answered {response.status}"
        assert_accessible(page)
        return response

    return go


@pytest.fixture
def behaviours(request, subtests):
    """`behaviours(check, ...)` runs each check in a subtest of its own, named after the
    check, so one site built for a file serves all its checks and a failure names the
    behaviour. A check asks for what it needs by its parameters' names (`page`, `visit`,
    `phone`, `live_server`, any fixture), which are made when a check first asks for them."""

    def check_each(*checks):
        for check in checks:
            needs = inspect.signature(check).parameters
            with subtests.test(check.__name__.replace("_", " ")):
                check(**{name: request.getfixturevalue(name) for name in needs})

    return check_each


@pytest.fixture
def site(home, home_en):
    """The frame of every page, in Polish and English: the home page, the footer's office
    address, funding notice (with a logo) and link to the accessibility statement."""
    statement = AccessibilityStatementPageFactory(parent=home)
    translate(statement, title="Accessibility statement", slug="accessibility-statement")
    ProjectSettingsFactory(accessibility_page=statement)
    return home


@pytest.fixture
def about(site):
    """ "O projekcie" in the main menu, with its English translation."""
    page = StandardPageFactory(
        parent=site, title="O projekcie", slug="o-projekcie", show_in_menus=True
    )
    translate(page, title="About the project", slug="about-the-project")
    return page


ZONES = [
    ("samorzady", "Strefa Samorządów", "strefa-samorzadow", "Local government zone", "lg-zone"),
    ("wtz", "Strefa WTZ", "strefa-wtz", "WTZ zone", "wtz-zone"),
    ("biznes", "Strefa Biznesu", "strefa-biznesu", "Business zone", "business-zone"),
    ("wspolpraca", "Strefa Współpracy Międzynarodowej", "strefa-wspolpracy-miedzynarodowej",
     "International cooperation zone", "international-cooperation-zone"),
]  # fmt: skip


@pytest.fixture
def zones(site):
    """Four zones, each with its landing page in the menu, in Polish and English."""
    found = {}
    for order, (slug, name, page_slug, english, english_slug) in enumerate(ZONES):
        zone = ZoneFactory(slug=slug, name=name, sort_order=order)
        translate(zone, name=english, intro="A short introduction.", audience="Who it is for")
        page = ZonePageFactory(parent=site, zone=zone, slug=page_slug)
        translate(page, title=english, slug=english_slug, intro=f"About the {english}.")
        found[slug] = zone
    return found


@pytest.fixture
def handbook(site):
    """The model in the menu, its twelve steps, in Polish and English."""
    page = HandbookPageFactory(parent=site, show_in_menus=True)
    translate(page, title="Model", slug="model", intro="How the model works.")
    return page
