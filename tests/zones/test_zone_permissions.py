"""Zone editors touch only their own zone; their changes go live after a moderator approves.

These tests drive the real Wagtail admin views (edit, publish, submit, approve)."""

import itertools

import pytest

from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import DocumentFactory
from zones.permissions import ZonePermissionTester

pytestmark = pytest.mark.django_db

SLUGS = ["samorzady", "wtz", "biznes", "wspolpraca"]
OTHER_ZONE_PAIRS = [(mine, other) for mine, other in itertools.permutations(SLUGS, 2)]


def edit_form(page, **changes):
    """The POST data of the page editor's form, as the admin's JavaScript would send it."""
    page = page.get_latest_revision_as_object()
    data = {
        "title": page.title,
        "slug": page.slug,
        "zone": page.zone_id,
        "intro": page.intro,
        "benefits_heading": page.benefits_heading,
        "benefits": streamfield([("benefit", dict(block.value)) for block in page.benefits]),
        "featured": streamfield([]),
        "contact_name": page.contact_name,
        "contact_role": page.contact_role,
        "contact_email": page.contact_email,
        "contact_phone": page.contact_phone,
        "faq": streamfield(
            [
                (
                    "question",
                    {
                        "question": block.value["question"],
                        "answer": rich_text(block.value["answer"].source),
                    },
                )
                for block in page.faq
            ]
        ),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def denied(response):
    """Wagtail answers a forbidden admin view with a 403, or a redirect and a message."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "/admin/" in response["Location"]


@pytest.mark.parametrize(("mine", "other"), OTHER_ZONE_PAIRS)
def test_zone_editor_cannot_open_another_zones_page_or_resources(client, zone_site, mine, other):
    client.force_login(zone_site.editors[mine])
    page = zone_site.pages[other]
    assert denied(client.get(f"/admin/pages/{page.pk}/edit/"))
    assert denied(client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, intro="Zmiana")))
    document = zone_site.documents[other]
    assert denied(client.get(f"/admin/documents/edit/{document.pk}/"))
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro != "Zmiana"


@pytest.mark.parametrize("mine", SLUGS)
def test_zone_editor_can_open_their_own_zones_page_and_resources(client, zone_site, mine):
    client.force_login(zone_site.editors[mine])
    page = zone_site.pages[mine]
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    document = zone_site.documents[mine]
    assert client.get(f"/admin/documents/edit/{document.pk}/").status_code == 200


def test_a_group_right_on_the_whole_tree_does_not_open_another_zone(client, zone_site, home):
    """The zone rule sits in Wagtail's permission layer, not only in the group's scope: a
    zone editor given edit rights on the home page still cannot edit another zone."""
    editor = zone_site.editors["wtz"]
    GroupPagePermission.objects.create(
        group=zone_site.zones["wtz"].editor_group,
        page=home,
        permission=GroupPagePermission.objects.filter(permission__codename="change_page")
        .first()
        .permission,
    )
    other = Page.objects.get(pk=zone_site.pages["biznes"].pk)
    assert not other.permissions_for_user(editor).can_edit()
    assert isinstance(other.permissions_for_user(editor), ZonePermissionTester)
    assert home.permissions_for_user(editor).can_edit()


def test_zone_editor_cannot_publish(client, zone_site):
    client.force_login(zone_site.editors["wtz"])
    page = zone_site.pages["wtz"]
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(page, intro="Nowy wstęp redakcji", **{"action-publish": "publish"}),
    )
    page.refresh_from_db()
    assert page.intro != "Nowy wstęp redakcji"
    assert page.get_latest_revision_as_object().intro == "Nowy wstęp redakcji"  # a draft
    assert "Nowy wstęp redakcji" not in client.get(page.url).content.decode()


def test_moderator_can_publish_any_zone(client, zone_site):
    client.force_login(zone_site.moderator)
    page = zone_site.pages["biznes"]
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(page, intro="Wstęp po moderacji", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.intro == "Wstęp po moderacji"


def test_zone_editors_change_goes_live_only_after_moderator_approval(client, zone_site):
    page = zone_site.pages["wtz"]
    client.force_login(zone_site.editors["wtz"])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(page, intro="Wstęp do akceptacji", **{"action-submit": "submit"}),
    )
    assert response.status_code == 302
    state = page.workflow_states.get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Akceptacja moderacji"
    assert "Wstęp do akceptacji" not in client.get(page.url).content.decode()

    # The editor cannot approve their own change.
    task_state = state.current_task_state
    approve = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    client.post(approve, {"comment": ""})
    page.refresh_from_db()
    assert page.intro != "Wstęp do akceptacji"

    client.force_login(zone_site.moderator)
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.intro == "Wstęp do akceptacji"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "Wstęp do akceptacji" in client.get(page.url).content.decode()


def test_zone_editor_sees_only_their_zone_in_the_document_library(client, zone_site):
    client.force_login(zone_site.editors["wtz"])
    DocumentFactory(title="Dokument bez strefy")
    html = client.get("/admin/documents/").content.decode()
    assert "Materiał wtz" in html
    assert "Materiał biznes" not in html
    assert "Dokument bez strefy" not in html


def test_zone_editor_cannot_change_which_zone_a_page_belongs_to(client, zone_site):
    client.force_login(zone_site.editors["wtz"])
    page = zone_site.pages["wtz"]
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="zone"' not in html
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(page, zone=zone_site.zones["biznes"].pk),
    )
    assert page.get_latest_revision_as_object().zone == zone_site.zones["wtz"]
