"""The statutory pages in a real browser: the privacy policy passes axe-core in both
languages, and the footer leads a visitor to the accessibility statement, which passes it too.
(The `site` fixture's statement is the statutory page type, so test_site.py's axe run over the
frame's pages checks it in Polish and English as well.)

One test builds the pages once and checks both behaviours in a subtest each (a failure names
the behaviour): building the site and resetting the database after a live-server test cost
more than the page loads."""

import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import (
    EasyReadPageFactory,
    PrivacyPolicyPageFactory,
    SignLanguagePageFactory,
    translate,
)

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(__file__).resolve().parents[2]
PA11Y = BASE_DIR / "node_modules" / "pa11y"
SCRIPT = Path(__file__).with_name("pa11y.mjs")


@pytest.fixture
def privacy(site):
    page = PrivacyPolicyPageFactory(parent=site)
    translate(page, title="Privacy policy", slug="privacy-policy")
    return page


def test_statutory_and_easy_read_pages_in_a_browser(privacy, easy_read, behaviours):
    """The behaviours below, one subtest each, on one site."""
    behaviours(
        statutory_pages_pass_axe_and_the_footer_leads_to_them,
        statutory_and_easy_read_pages_pass_pa11y_in_both_languages,
    )


def statutory_pages_pass_axe_and_the_footer_leads_to_them(page, visit):
    """The privacy policy in both languages, and the footer's link to the statement."""
    visit(page, "/pl/polityka-prywatnosci/")
    visit(page, "/en/privacy-policy/")
    page.locator(".site-footer__links").get_by_role("link", name="Accessibility statement").click()
    expect(page).to_have_url(re.compile("/en/accessibility-statement/$"))
    expect(page.locator("h1#a11y-deklaracja")).to_have_text("Accessibility statement")
    assert_accessible(page)


@pytest.fixture
def easy_read(site):
    """An easy-to-read page with the sign language page below it, in Polish and English."""
    section = EasyReadPageFactory(parent=site, title="Tekst łatwy do czytania", slug="etr")
    translate(section, title="Easy to read", slug="easy-to-read")
    sign = SignLanguagePageFactory(parent=section)
    translate(sign, title="Polish Sign Language", slug="polish-sign-language")
    return section


def statutory_and_easy_read_pages_pass_pa11y_in_both_languages(live_server):
    """pa11y's HTML_CodeSniffer rules (WCAG 2 AA), a second opinion beside axe, on Debian's
    Chromium, over the page types issue 18 added: the statement, the privacy policy, an
    easy-to-read page and the sign language page. npm's pa11y is installed with the lint
    tools (package.json)."""
    if not PA11Y.exists():
        pytest.fail("pa11y is missing: `make lint` installs it with `npm ci` (package.json).")
    addresses = [
        live_server.url + path
        for path in (
            "/pl/deklaracja-dostepnosci/",
            "/en/accessibility-statement/",
            "/pl/polityka-prywatnosci/",
            "/en/privacy-policy/",
            "/pl/etr/",
            "/en/easy-to-read/",
            "/pl/etr/polski-jezyk-migowy/",
            "/en/easy-to-read/polish-sign-language/",
        )
    ]
    run = subprocess.run(  # noqa: S603 -- our script, our addresses
        ["node", str(SCRIPT), *addresses],  # noqa: S607 -- Node from the PATH, like npm
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=BASE_DIR,
    )
    assert run.returncode == 0, run.stderr
    issues = json.loads(run.stdout)
    assert issues == dict.fromkeys(addresses, [])
