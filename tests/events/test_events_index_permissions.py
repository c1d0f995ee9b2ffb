"""Organisers run events below the events index, but may not take the section itself off
the site: unpublishing, deleting, moving or password-protecting the index is left to the
moderators."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def edit_form(index, **changes):
    """The events index's edit form as the admin posts it, with the saved values, then
    `changes`; published, as an organiser with publish rights on the index would."""
    data = {
        "title": index.title,
        "slug": index.slug,
        "intro": index.intro,
        "seo_title": index.seo_title,
        "search_description": index.search_description,
        "show_in_menus": "on" if index.show_in_menus else "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")
    )


def test_organiser_cannot_unpublish_delete_move_or_restrict_the_events_index(
    client, organiser, events_index
):
    # An index with no events yet: Wagtail's own rules alone would let the organiser
    # delete it (a leaf they may edit and publish).
    client.force_login(organiser)

    assert refused(client.post(f"/admin/pages/{events_index.pk}/unpublish/"))
    assert refused(client.post(f"/admin/pages/{events_index.pk}/delete/"))
    assert refused(client.get(f"/admin/pages/{events_index.pk}/move/"))
    assert refused(client.get(f"/admin/pages/{events_index.pk}/privacy/"))
    explorer = client.get(f"/admin/pages/{events_index.get_parent().pk}/").content.decode()
    assert f"/admin/pages/{events_index.pk}/unpublish/" not in explorer
    assert f"/admin/pages/{events_index.pk}/delete/" not in explorer
    assert f"/admin/pages/{events_index.pk}/move/" not in explorer

    events_index.refresh_from_db()  # still there, still live
    assert events_index.live


def test_moderator_may_move_unpublish_and_delete_the_events_index(client, moderator, events_index):
    client.force_login(moderator)

    assert client.get(f"/admin/pages/{events_index.pk}/move/").status_code == 200
    client.post(f"/admin/pages/{events_index.pk}/unpublish/")
    events_index.refresh_from_db()
    assert not events_index.live
    client.post(f"/admin/pages/{events_index.pk}/delete/")
    assert not Page.objects.filter(pk=events_index.pk).exists()


def test_organiser_still_publishes_an_event_below_the_index(client, organiser, events_index):
    draft = EventPageFactory(parent=events_index, title="Spotkanie w Lesznie", live=False)
    client.force_login(organiser)

    response = client.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {})

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert events_index.permissions_for_user(organiser).can_add_subpage()


@pytest.fixture
def menu_index(events_index):
    events_index.show_in_menus = True
    events_index.save_revision().publish()
    return events_index


def test_organiser_cannot_move_expire_or_hide_the_section_by_editing_the_index(
    client, organiser, menu_index
):
    next_week = (timezone.localtime() + datetime.timedelta(days=7)).strftime("%Y-%m-%d %H:%M")
    client.force_login(organiser)
    url = f"/admin/pages/{menu_index.pk}/edit/"

    for change in ({"slug": "gdzie-indziej"}, {"expire_at": next_week}, {"show_in_menus": ""}):
        client.post(url, edit_form(menu_index, **change))

        menu_index.refresh_from_db()
        assert (menu_index.slug, menu_index.expire_at, menu_index.show_in_menus) == (
            "wydarzenia",
            None,
            True,
        ), change
    assert client.get(menu_index.url).status_code == 200
    assert "Tylko moderatorzy mogą to zmienić" in client.get(url).content.decode()


def test_organiser_still_edits_the_introduction_of_the_index(client, organiser, menu_index):
    client.force_login(organiser)

    response = client.post(
        f"/admin/pages/{menu_index.pk}/edit/",
        edit_form(menu_index, intro="Spotkania informacyjno-promocyjne w całej Polsce."),
    )

    assert response.status_code == 302
    menu_index.refresh_from_db()
    assert menu_index.intro == "Spotkania informacyjno-promocyjne w całej Polsce."
    assert menu_index.live


def test_moderator_may_move_the_section_to_another_address(client, moderator, menu_index):
    client.force_login(moderator)

    response = client.post(
        f"/admin/pages/{menu_index.pk}/edit/", edit_form(menu_index, slug="spotkania")
    )

    assert response.status_code == 302
    menu_index.refresh_from_db()
    assert menu_index.slug == "spotkania"
