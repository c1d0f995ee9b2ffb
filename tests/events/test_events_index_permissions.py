"""Organisers run events below the events index, but may not take the section itself off
the site: unpublishing, deleting, moving or password-protecting the index is left to the
moderators."""

import pytest

from wagtail.models import Page

from portal.events.organisers import set_up_organisers
from tests.factories import EventPageFactory
from zones.editing import set_up_moderators

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(django_user_model, events_index):
    user = django_user_model.objects.create_user(username="organizator", password="x")
    user.groups.add(set_up_organisers())
    return user


@pytest.fixture
def moderator(django_user_model, events_index):
    user = django_user_model.objects.create_user(username="moderacja", password="x")
    user.groups.add(set_up_moderators())
    return user


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
