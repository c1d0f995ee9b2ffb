"""Subscribing to a zone in a real browser: the form on the zone page, the confirmation
e-mail (captured), its link and the button that confirms; axe on every page on the way."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.core import mail

from portal.subscriptions.models import Subscription
from tests.factories import ZoneFactory, ZonePageFactory

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"https?://\S+/subskrypcja/potwierdz/\S+/")


def test_double_opt_in_from_a_zone_page_with_the_emailed_link(page, visit, site):
    wtz = ZoneFactory(slug="wtz", name="Strefa WTZ")
    ZoneFactory(slug="biznes", name="Strefa Biznesu")
    zone_page = ZonePageFactory(parent=site, zone=wtz)
    visit(page, zone_page.url)  # axe on the zone page with both forms

    form = page.locator(".subscribe--zone form")
    expect(form.get_by_label("Strefa WTZ")).to_be_checked()
    expect(form.get_by_label("Strefa Biznesu")).not_to_be_checked()
    form.get_by_label("Twój adres e-mail").fill("anna@example.org")
    form.get_by_label("Raz w tygodniu").check()
    form.get_by_label("Zgadzam się").check()
    form.get_by_role("button", name="Zapisz się").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sprawdź skrzynkę pocztową")
    assert_accessible(page)
    assert Subscription.objects.get().status == Subscription.Status.PENDING
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]

    link = urlsplit(LINK.search(message.body).group(0)).path
    visit(page, link)  # axe on the confirmation page
    page.get_by_role("button", name="Tak, potwierdzam subskrypcję").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Subskrypcja potwierdzona")
    assert_accessible(page)
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert [zone.slug for zone in subscription.zones.all()] == ["wtz"]
    assert subscription.frequency == Subscription.Frequency.WEEKLY
