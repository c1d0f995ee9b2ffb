"""Issue 18 in a real browser: no layout shift on any page type at 360px, the sign language
video that calls its host only when asked, the reader options (high contrast, largest text)
chosen by clicking their links, and axe on the easy-to-read and sign language pages in both
languages and in high contrast. The statutory pages (issue 18 too): the privacy policy passes
axe in both languages, the footer leads a visitor to the accessibility statement, which passes
it too, and pa11y checks all these page types. (The `site` fixture's statement is the
statutory page type, so test_site.py's axe run over the frame's pages checks it in Polish and
English as well.)

The CLS walk builds a site of every page type of its own; the other behaviours share one
site, built once, each in a subtest of its own (a failure names the behaviour): building it
and resetting the database after a live-server test cost more than the page loads."""

import json
import os
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

import tests.core.test_query_budget as budget
from tests.factories import (
    EasyReadPageFactory,
    PrivacyPolicyPageFactory,
    SignLanguagePageFactory,
    translate,
)

from .conftest import HEADLESS_SHELL, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

NARROW_PHONE = {"width": 360, "height": 740}
CLS_LIMIT = 0.1  # Lighthouse's "good" ends there; the target is below 0.05
# The layout shifts of the page so far (buffered), but those right after the visitor's input,
# as Lighthouse counts them: read two frames after the load event, when the deferred script
# has run and painted.
CUMULATIVE_LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    const add = (entries) => entries.forEach((entry) => {
        if (!entry.hadRecentInput) { total += entry.value; }
    });
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({type: "layout-shift", buffered: true});
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
        add(observer.takeRecords());
        observer.disconnect();
        resolve(total);
    }, 50)));
})"""
# Feeds and files are not pages; an English page is the same page type as its Polish one.
NOT_PAGES = ("news_rss", "news_atom", "events_ical", "event_ical", "sitemap")
YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/PJMdemo0001?autoplay=1"
BASE_DIR = Path(__file__).resolve().parents[2]
PA11Y = BASE_DIR / "node_modules" / "pa11y"
SCRIPT = Path(__file__).with_name("pa11y.mjs")


@pytest.fixture
def easy_read(site):
    """The easy-to-read section (the home page's easy version) with the sign language page
    below it, in Polish and English."""
    section = EasyReadPageFactory(
        parent=site, title="Tekst łatwy do czytania", slug="etr", easy_read_of=site
    )
    translate(section, title="Easy to read", slug="easy-to-read")
    sign = SignLanguagePageFactory(parent=section)
    translate(sign, title="Polish Sign Language", slug="polish-sign-language")
    return SimpleNamespace(section=section, sign=sign)


@pytest.fixture
def privacy(site):
    page = PrivacyPolicyPageFactory(parent=site)
    translate(page, title="Privacy policy", slug="privacy-policy")
    return page


def every_page_type():
    """The site of the query-budget test (every page type once) plus the easy-to-read and
    sign language pages: (name, address) of each HTML page type."""
    case = SimpleNamespace()
    budget.SiteOfEveryPageType.setUpTestData.__func__(case)
    section = EasyReadPageFactory(parent=case.home, easy_read_of=case.home)
    sign = SignLanguagePageFactory(parent=section)
    addresses = [
        (name, address(case))
        for name, address, _grow in budget.PAGE_TYPES
        if name not in NOT_PAGES and not name.endswith("_en")
    ]
    return addresses + [("easy_read", section.url), ("sign_language", sign.url)]


def test_no_page_type_shifts_its_layout_on_a_360px_phone(phone, live_server):
    phone.set_viewport_size(NARROW_PHONE)
    shifts = {}
    for name, address in every_page_type():
        phone.goto(live_server.url + address)
        shifts[name] = round(phone.evaluate(CUMULATIVE_LAYOUT_SHIFT), 3)
    assert {name: shift for name, shift in shifts.items() if shift >= CLS_LIMIT} == {}, shifts
    # The reader bar is one row of its two links and the closed "Wygląd strony" below them
    # (it was four rows, 190 px, with the options always open).
    expect(phone.get_by_text("Wygląd strony")).to_be_visible()
    expect(phone.get_by_role("link", name="Kontrast: wysoki")).to_be_hidden()
    assert phone.evaluate("document.querySelector('.reader-bar').offsetHeight") <= 120
    # The menu started collapsed behind its button (which opens it), not open.
    toggle = phone.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(phone.locator("#main-nav-list")).to_be_hidden()
    toggle.press("Enter")
    expect(phone.locator("#main-nav-list")).to_be_visible()


def test_easy_read_statutory_pages_and_reader_options_in_a_browser(
    about, easy_read, privacy, behaviours
):
    """The behaviours below, one subtest each, on one site (the reader's choices last)."""
    behaviours(
        without_script_the_phone_menu_is_open_and_has_no_button,
        the_sign_language_video_calls_its_host_only_when_asked,
        easy_read_and_sign_language_pages_pass_axe_in_both_languages,
        statutory_pages_pass_axe_and_the_footer_leads_to_them,
        statutory_and_easy_read_pages_pass_pa11y_in_both_languages,
        reader_picks_high_contrast_and_the_largest_text_by_their_links,
    )


def without_script_the_phone_menu_is_open_and_has_no_button(
    browser, browser_context_args, live_server
):
    """With JavaScript off, the menu is simply open and the reader options still open."""
    context = browser.new_context(
        **{**browser_context_args, "viewport": NARROW_PHONE, "java_script_enabled": False}
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/pl/")
    expect(tab.get_by_role("link", name="O projekcie")).to_be_visible()
    expect(tab.get_by_role("button", name="Menu")).to_be_hidden()
    tab.get_by_text("Wygląd strony").click()  # a native disclosure: no script needed
    expect(tab.get_by_role("link", name="Kontrast: wysoki")).to_be_visible()
    context.close()


def the_sign_language_video_calls_its_host_only_when_asked(page, visit, live_server, easy_read):
    """No request leaves the site until the visitor plays the video."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(content_type="text/html", body="<title>Odtwarzacz</title>"),
    )
    visit(page, easy_read.sign.url)
    elsewhere = [url for url in requested if not url.startswith(live_server.url)]
    assert elsewhere == []
    expect(page.locator("iframe")).to_have_count(0)

    with page.expect_request(YOUTUBE_PLAYER):
        page.get_by_role("button", name="Odtwórz film: O portalu w PJM").click()
    expect(page.locator("iframe.sign-video__player")).to_have_attribute("src", YOUTUBE_PLAYER)
    expect(page.locator("iframe.sign-video__player")).to_have_attribute("title", "O portalu w PJM")


def easy_read_and_sign_language_pages_pass_axe_in_both_languages(page, visit, easy_read):
    """The pictograms' text alternatives and the video's button, in both languages."""
    visit(page, easy_read.section.url)
    expect(page.locator(".easy-read__line img").first).to_have_attribute("alt", "Praca")
    visit(page, "/en/easy-to-read/")
    expect(page.locator(".easy-read__line img").first).to_have_attribute("alt", "Work")
    visit(page, "/en/easy-to-read/polish-sign-language/")
    expect(page.get_by_role("button", name="Play the video: O portalu w PJM")).to_be_visible()


def statutory_pages_pass_axe_and_the_footer_leads_to_them(page, visit):
    """The privacy policy in both languages, and the footer's link to the statement."""
    visit(page, "/pl/polityka-prywatnosci/")
    visit(page, "/en/privacy-policy/")
    page.locator(".site-footer__links").get_by_role("link", name="Accessibility statement").click()
    expect(page).to_have_url(re.compile("/en/accessibility-statement/$"))
    expect(page.locator("h1#a11y-deklaracja")).to_have_text("Accessibility statement")
    assert_accessible(page)


def statutory_and_easy_read_pages_pass_pa11y_in_both_languages(live_server):
    """pa11y's HTML_CodeSniffer rules (WCAG 2 AA), a second opinion beside axe, on Debian's
    Chromium (its headless shell, as the other browser tests: half the full browser's CPU
    for these eight pages), over the page types issue 18 added: the statement, the privacy
    policy, an easy-to-read page and the sign language page. npm's pa11y is installed with
    the lint tools (package.json)."""
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
        env={**os.environ, "CHROMIUM": HEADLESS_SHELL},
    )
    assert run.returncode == 0, run.stderr
    issues = json.loads(run.stdout)
    assert issues == dict.fromkeys(addresses, [])


def reader_picks_high_contrast_and_the_largest_text_by_their_links(page, visit, easy_read):
    """The choices stay on the page the reader was on, hold on the next page and pass axe."""
    visit(page, easy_read.section.url)
    display = page.locator(".reader-bar summary")
    high_contrast = page.get_by_role("link", name="Kontrast: wysoki")
    expect(high_contrast).to_be_hidden()  # the options wait behind their summary
    display.click()
    # The option leads back to the same address: wait for that page, not for the address
    # (which the page before it already had).
    with page.expect_navigation():
        high_contrast.click()
    expect(page).to_have_url(re.compile(f"{easy_read.section.url}$"))
    display.click()
    with page.expect_navigation():
        page.get_by_role("link", name="Rozmiar tekstu: A++ największy").click()
    expect(page).to_have_url(re.compile(f"{easy_read.section.url}$"))

    expect(page.locator("html")).to_have_css("font-size", "24px")
    expect(page.locator("body")).to_have_css("color", "rgb(0, 0, 0)")
    assert_accessible(page)
    page.goto(page.url.replace(easy_read.section.url, easy_read.sign.url))
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert_accessible(page)
    page.goto(page.url.replace(easy_read.sign.url, "/pl/"))
    display.click()  # axe over the open options too
    expect(page.get_by_role("link", name="Kontrast: wysoki")).to_be_visible()
    assert_accessible(page)
