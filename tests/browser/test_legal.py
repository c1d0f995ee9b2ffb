"""The statutory pages in a real browser: the privacy policy passes axe-core in both
languages, and the footer leads a visitor to the accessibility statement, which passes it too.
(The `site` fixture's statement is the statutory page type, so test_site.py's axe run over the
frame's pages checks it in Polish and English as well.)"""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PrivacyPolicyPageFactory, translate

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def privacy(site):
    page = PrivacyPolicyPageFactory(parent=site)
    translate(page, title="Privacy policy", slug="privacy-policy")
    return page


def test_statutory_pages_pass_axe_and_the_footer_leads_to_them(page, visit, privacy):
    visit(page, "/pl/polityka-prywatnosci/")
    visit(page, "/en/privacy-policy/")
    page.locator(".site-footer__links").get_by_role("link", name="Accessibility statement").click()
    expect(page).to_have_url(re.compile("/en/accessibility-statement/$"))
    expect(page.locator("h1#a11y-deklaracja")).to_have_text("Accessibility statement")
    assert_accessible(page)
