"""The editing set-up: groups, collections, rights and the workflow, created idempotently."""

import io

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)

from zones.editing import set_up_editing

pytestmark = pytest.mark.django_db


def counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
    )


def test_each_zone_gets_an_editors_group_and_a_collection(zone_site):
    for zone in zone_site.zones.values():
        assert zone.editor_group.name == f"Redakcja: {zone.name}"
        assert zone.collection.name == zone.name
    assert Group.objects.filter(name="Moderacja").exists()


def test_set_up_is_idempotent(zone_site):
    before = counts()
    set_up_editing()
    output = io.StringIO()
    call_command("set_up_zone_editing", stdout=output)
    assert counts() == before
    assert "Strefa WTZ: group 'Redakcja: Strefa WTZ'" in output.getvalue()


def test_every_home_page_gets_the_moderation_workflow(zone_site, home):
    assert home.get_workflow().name == "Akceptacja moderacji"
    assert zone_site.pages["wtz"].get_workflow().name == "Akceptacja moderacji"


def test_an_english_zone_page_made_later_is_editable_by_the_zone_editors(
    client, zone_site, home_en, locales
):
    english = zone_site.pages["wtz"].copy_for_translation(locales["en"])
    english.save_revision()
    client.force_login(zone_site.editors["wtz"])
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
    client.force_login(zone_site.editors["biznes"])
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 302


def test_an_administrators_own_workflow_on_a_home_page_is_kept(zone_site, home):
    own = Workflow.objects.create(name="Własny obieg")
    WorkflowPage.objects.filter(page=home).update(workflow=own)
    set_up_editing()
    assert home.get_workflow() == own
