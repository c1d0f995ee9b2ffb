"""The Content-Security-Policy in a real browser: public pages and Wagtail's admin work
under their policies with no violation, and what an attacker injects does not run."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    PollFactory,
    StandardPageFactory,
    warsaw,
)

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

# Every frame of the page records the policy violations it reports.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


class ViolationWatch:
    """What the browser refused on a page: the console's "Refused to ..." messages and the
    securitypolicyviolation events of every frame."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._note_console)

    def _note_console(self, message):
        if "Content Security Policy" in message.text or message.text.startswith("Refused to"):
            self.console.append(message.text)

    def found(self):
        """The violations reported so far (console) and on the frames now open (events)."""
        events = []
        for frame in self.page.frames:
            events += frame.evaluate("window.cspViolations || []")
        return self.console + events


@pytest.fixture
def watch(page):
    return ViolationWatch(page)


def test_public_pages_run_under_the_strict_policy_with_no_violation(
    browser, watch, page, visit, home
):
    index = EventIndexPageFactory(parent=home)
    meeting = EventPageFactory(
        parent=index,
        title="Spotkanie w Koninie",
        registration_opens=warsaw(days=-3),
        registration_closes=warsaw(days=5),
    )
    poll = PollFactory(choices=[("Tak", 12), ("Nie", 18)])
    about = StandardPageFactory(
        parent=home, title="O projekcie", slug="o-projekcie", show_in_menus=True,
        body=[("poll", {"poll": poll, "heading": ""})],
    )  # fmt: skip

    response = visit(page, "/pl/")
    policy = response.header_value("content-security-policy")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy

    page.set_viewport_size({"width": 375, "height": 800})  # the phone menu: site.js runs
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(page.get_by_role("link", name="O projekcie")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="O projekcie")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert watch.found() == []

    visit(page, meeting.url)  # the registration form
    expect(page.locator("#id_name")).to_be_visible()
    assert watch.found() == []

    visit(page, about.url)  # the poll: vote, then the results with their bars
    page.get_by_label("Tak").check()
    page.locator(f"#poll-{poll.pk} button[type=submit]").click()
    bar = page.locator(f"#poll-{poll.pk} .poll__bar").first
    fill = bar.locator(".poll__bar-fill")
    expect(fill).to_have_attribute("width", "42%")
    share = fill.bounding_box()["width"] / bar.bounding_box()["width"]
    assert 0.40 < share < 0.43  # the bar is drawn to its length without a style attribute
    assert_accessible(page)
    assert watch.found() == []


def test_a_script_or_style_injected_into_a_public_page_is_refused(watch, page, visit, home):
    visit(page, "/pl/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            document.body.insertAdjacentHTML(
                "beforeend", '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');
        }"""
    )

    assert page.evaluate("window.injected") is None
    color = page.evaluate("getComputedStyle(document.getElementById('styled')).color")
    assert color != "rgb(255, 0, 0)"
    refused = " ".join(watch.found())
    assert "script-src" in refused and "style-src" in refused


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser(
        username="redaktor", email="redaktor@example.org", password="haslo-redaktora-2026"
    )


def test_editor_works_in_the_admin_and_the_userbar_with_no_violation_nor_third_party_request(
    watch, page, live_server, home, editor
):
    index = EventIndexPageFactory(parent=home)
    meeting = EventPageFactory(parent=index, title="Spotkanie w Kaliszu")
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "haslo-redaktora-2026")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("main")).to_be_visible()

    page.goto(f"{live_server.url}/admin/pages/{index.pk}/")  # the page explorer
    expect(page.get_by_role("link", name="Spotkanie w Kaliszu").first).to_be_visible()

    response = page.goto(f"{live_server.url}/admin/pages/{meeting.pk}/edit/")  # the editor
    assert "unsafe-inline" in response.header_value("content-security-policy")
    expect(page.locator("#id_title")).to_have_value("Spotkanie w Kaliszu")
    page.fill("#id_title", "Spotkanie w Kaliszu i Ostrowie")
    page.locator("[data-side-panel-toggle=preview]").click()  # the preview, as it is typed
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Spotkanie w Kaliszu i Ostrowie")
    page.get_by_role("button", name=re.compile("Zapisz szkic|Save draft")).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("zaktualizowana|updated"))
    assert watch.found() == []

    # Back on the public site, signed in: the strict policy, and Wagtail's userbar works.
    response = page.goto(live_server.url + meeting.url)
    assert "unsafe-inline" not in response.header_value("content-security-policy")
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    expect(page.locator("wagtail-userbar").get_by_role("menuitem").first).to_be_visible()

    assert watch.found() == []
    assert hosts == {urlsplit(live_server.url).netloc}
