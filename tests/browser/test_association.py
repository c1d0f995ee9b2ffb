"""The association's pages in a real browser: from "O projekcie" to the projects and along
their previous/next links, the partnership page, and the contact form with a mistake
corrected; axe on every page type in both languages.

One test builds the pages once and checks each behaviour in a subtest of its own (a failure
names the behaviour): building the pages and resetting the database after a live-server
test cost more than the page loads, so the module pays them once."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from wagtail.contrib.forms.models import FormSubmission

from tests.factories import (
    ContactPageFactory,
    DocumentFactory,
    PartnershipPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    translate,
)

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

SIECI = "W sieci dobrych połączeń"
WTZ = "Innowacyjny model aktywizacji zawodowej uczestników WTZ"
MUFLON = "Partnerstwo MUFLON"


@pytest.fixture
def projects(about):
    """Three projects below "O projekcie", started in 2008, 2010 and 2012; the middle one
    with a partner and a document; all in English too."""
    index = ProjectIndexPageFactory(parent=about)
    translate(index, title="Projects carried out", slug="projects-carried-out")
    pages = {}
    for year, title in [(2008, MUFLON), (2010, WTZ), (2012, SIECI)]:
        pages[title] = ProjectPageFactory(
            parent=index, title=title, start_date=datetime.date(year, 1, 1)
        )
    wtz = pages[WTZ]
    wtz.documents = [("document", DocumentFactory(title="Raport końcowy projektu"))]
    wtz.save_revision().publish()
    translate(pages[SIECI], title="Network of good connections", slug="network-of-good-connections")
    return pages


@pytest.fixture
def partnership(about):
    page = PartnershipPageFactory(parent=about)
    translate(page, title="Partnership", slug="partnership")
    return page


@pytest.fixture
def contact(site, about):
    """The contact page, last in the menu, in both languages."""
    page = ContactPageFactory(parent=site)
    translate(page, title="Contact", slug="contact", intro="Write to us.")
    return page


def test_the_association_in_a_browser(projects, partnership, contact, behaviours):
    """The behaviours below, one subtest each, on one site (the contact form is sent last)."""
    behaviours(
        visitor_walks_from_about_to_the_projects_and_along_prev_next,
        association_pages_pass_axe_in_both_languages,
        visitor_corrects_a_mistake_and_sends_the_contact_form,
    )


def visitor_walks_from_about_to_the_projects_and_along_prev_next(page, visit):
    """From "O projekcie" to the projects, newest first, and along previous/next."""
    visit(page, "/pl/o-projekcie/")
    page.locator(".section-pages").get_by_role("link", name="Projekty realizowane").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Projekty realizowane")
    assert_accessible(page)
    expect(page.locator(".project-item__title")).to_have_text([SIECI, WTZ, MUFLON])

    page.get_by_role("link", name=SIECI).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SIECI)
    assert_accessible(page)
    expect(page.locator("a[rel=next]")).to_have_count(0)  # the newest project: no next
    page.locator("a[rel=prev]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WTZ)
    page.locator("a[rel=prev]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MUFLON)
    expect(page.locator("a[rel=prev]")).to_have_count(0)  # the oldest: no previous
    page.locator("a[rel=next]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WTZ)
    expect(page.locator(".resource-list a")).to_have_count(1)  # its document


ASSOCIATION_PAGES = [
    "/pl/o-projekcie/partnerstwo/",
    "/en/about-the-project/",
    "/en/about-the-project/projects-carried-out/",
    "/en/about-the-project/projects-carried-out/network-of-good-connections/",
    "/en/about-the-project/partnership/",
    "/en/contact/",
]


def association_pages_pass_axe_in_both_languages(page, visit):
    """The partnership page and each page type in English (the Polish ones on the walk)."""
    for path in ASSOCIATION_PAGES:
        visit(page, path)


def visitor_corrects_a_mistake_and_sends_the_contact_form(page, visit):
    """A wrong address is named next to its field, nothing typed is lost, and the corrected
    form is sent once."""
    visit(page, "/pl/kontakt/")  # axe on the empty form
    expect(page.locator(".main-nav a").last).to_have_text("Kontakt")
    page.fill("#id_imie", "Anna Nowak")
    page.fill("#id_email", "anna-at-example.org")
    page.fill("#id_wiadomosc", "Chcemy założyć spółdzielnię przy naszym WTZ.")
    page.check("#id_zgoda")
    page.locator("main form button[type=submit]").click()

    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#id_email-error")).to_be_visible()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_wiadomosc")).to_have_value(
        "Chcemy założyć spółdzielnię przy naszym WTZ."
    )  # nothing lost
    expect(page.locator("#id_zgoda")).to_be_checked()
    assert_accessible(page)  # axe on the form with errors
    assert FormSubmission.objects.count() == 0

    page.fill("#id_email", "anna@example.org")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/pl/kontakt/$"))
    expect(page.locator("main [role=status]")).to_contain_text("Dziękujemy")
    assert_accessible(page)  # axe on the thank-you page
    assert FormSubmission.objects.get().form_data["email"] == "anna@example.org"
