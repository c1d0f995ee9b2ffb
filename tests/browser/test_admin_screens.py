"""axe-core finds no WCAG 2.1 A/AA violation on the admin screens the project adds: the
sign-in page in the portal's identity, the dashboard with each role's panels, the
registrations' listing, record, add, edit and cancel screens, the news index's listing with
its zone column, and the zones' listing. One page load per screen."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.events.booking import book_seat
from portal.events.organisers import set_up_organisers
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ZoneFactory,
    ZonePageFactory,
    registration_data,
    warsaw,
)
from zones.editing import MODERATORS, set_up_editing

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "haslo-do-panelu-2026"


@pytest.fixture
def admin_site(home):
    """A zone with its editor, a news item waiting for a moderator and a draft, a meeting
    with one confirmed and one waiting registration, and an administrator who is also a
    moderator and an organiser."""
    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    ZonePageFactory(parent=home, zone=zone)
    news = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    set_up_editing()
    zone.refresh_from_db()
    users = get_user_model().objects
    editor = users.create_user(username="redakcja", password=PASSWORD)
    editor.groups.add(zone.editor_group)
    admin = users.create_superuser("admin", "admin@example.org", PASSWORD)
    admin.groups.add(Group.objects.get(name=MODERATORS), set_up_organisers())
    submitted = NewsPageFactory(parent=news, title="Nowa spółdzielnia", zones=[zone])
    submitted.save_revision(user=editor)
    submitted.get_workflow().start(submitted, editor)
    NewsPageFactory(parent=news, title="Szkic", zones=[zone]).save_revision(user=editor)
    meeting = EventPageFactory(
        parent=events,
        title="Spotkanie w Kole",
        capacity=1,
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
        zones=[zone],
    )
    registrations = [
        book_seat(meeting, notify=False, **registration_data(name))
        for name in ["Anna Nowak", "Jan Kowalski"]
    ]
    return {"registration": registrations[0], "zone": zone, "news": news}


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_the_admin_screens_the_project_adds_have_no_axe_violation(
    page, browser, browser_context_args, live_server, admin_site
):
    page.goto(f"{live_server.url}/admin/login/")
    assert_accessible(page)

    sign_in(page, live_server, "admin")  # the dashboard: moderator's and organiser's panels
    expect(page.get_by_role("heading", name="Czeka na akceptację")).to_be_visible()
    expect(page.get_by_role("heading", name="Nadchodzące spotkania")).to_be_visible()
    assert_accessible(page)
    registration = admin_site["registration"]
    for path in [
        "/admin/registrations/",
        f"/admin/registrations/inspect/{registration.pk}/",
        "/admin/registrations/new/",  # "Dodaj zgłoszenie"
        f"/admin/registrations/edit/{registration.pk}/",
        f"/admin/registrations/delete/{registration.pk}/",  # the organiser cancels it
        f"/admin/pages/{admin_site['news'].pk}/",  # the news with their zone column
        "/admin/snippets/zones/zone/",
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page)

    editor = browser.new_context(**browser_context_args).new_page()
    sign_in(editor, live_server, "redakcja")  # the dashboard: the zone editor's panels
    expect(editor.get_by_role("heading", name="Moje strefy")).to_be_visible()
    assert_accessible(editor)
    editor.context.close()
