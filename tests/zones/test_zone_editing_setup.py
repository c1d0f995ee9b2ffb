"""The editing set-up: groups, collections, rights and the workflow, created idempotently."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)

from portal.events.organisers import set_up_organisers
from tests.factories import (
    EventIndexPageFactory,
    HandbookPageFactory,
    SuccessStoryIndexPageFactory,
    SuccessStoryPageFactory,
    translate,
)
from tests.zones.conftest import ZoneSiteTestCase
from tests.zones.test_zone_permissions import denied
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


def wagtail_defaults():
    """What of Wagtail's own groups and workflow is there (and active)."""
    groups = Group.objects.filter(name__in=["Moderators", "Editors"])
    workflows = Workflow.objects.filter(name="Moderators approval", active=True)
    return (
        sorted(groups.values_list("name", flat=True)),
        list(workflows.values_list("name", flat=True)),
        WorkflowPage.objects.filter(page__depth=1).count(),
    )


class EditingSetUpTests(ZoneSiteTestCase):
    """The set-up and its commands, run again on one zone site for the class (each test in a
    savepoint)."""

    def test_each_zone_gets_an_editors_group_and_a_collection(self):
        for zone in self.zone_site.zones.values():
            assert zone.editor_group.name == f"Redakcja: {zone.name}"
            assert zone.collection.name == zone.name
        assert Group.objects.filter(name="Moderacja").exists()

    def test_set_up_is_idempotent(self):
        call_command("set_up_zone_editing", stdout=io.StringIO())  # removes Wagtail's defaults
        before = counts()
        set_up_editing()
        output = io.StringIO()
        call_command("set_up_zone_editing", stdout=output)
        assert counts() == before
        assert "Strefa WTZ: group 'Redakcja: Strefa WTZ'" in output.getvalue()

    def test_every_home_page_gets_the_moderation_workflow(self):
        assert self.home.get_workflow().name == "Akceptacja moderacji"
        assert self.zone_site.pages["wtz"].get_workflow().name == "Akceptacja moderacji"

    def test_an_english_zone_page_made_later_is_editable_by_the_zone_editors(self):
        english_home = translate(self.home, title="Portal WTZ", slug="home")
        english = self.zone_site.pages["wtz"].copy_for_translation(english_home.locale)
        english.save_revision()
        self.client.force_login(self.zone_site.editors["wtz"])
        assert self.client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
        self.client.force_login(self.zone_site.editors["biznes"])
        assert self.client.get(f"/admin/pages/{english.pk}/edit/").status_code == 302

    def test_an_administrators_own_workflow_on_a_home_page_is_kept(self):
        own = Workflow.objects.create(name="Własny obieg")
        WorkflowPage.objects.filter(page=self.home).update(workflow=own)
        set_up_editing()
        assert self.home.get_workflow() == own

    def test_set_up_commands_remove_wagtails_default_groups_and_workflow(self):
        for command in ["set_up_zone_editing", "set_up_organisers"]:
            with self.subTest(command=command), transaction.atomic():
                assert wagtail_defaults() == (["Editors", "Moderators"], ["Moderators approval"], 1)
                call_command(command, "--keep-wagtail-defaults", stdout=io.StringIO())
                assert wagtail_defaults() == (["Editors", "Moderators"], ["Moderators approval"], 1)
                output = io.StringIO()
                call_command(command, stdout=output)
                assert wagtail_defaults() == ([], [], 0)
                assert "Removed Wagtail's default 'Moderators approval'" in output.getvalue()
                # Ours stay, and pages below the home page keep being moderated.
                assert Group.objects.filter(name="Moderacja").exists()
                page = self.zone_site.pages["wtz"]
                assert page.get_workflow().name == "Akceptacja moderacji"
                transaction.set_rollback(True)

    def test_running_both_commands_again_changes_nothing(self):
        call_command("set_up_zone_editing", stdout=io.StringIO())
        call_command("set_up_organisers", stdout=io.StringIO())
        before = counts()
        call_command("set_up_zone_editing", stdout=io.StringIO())
        call_command("set_up_organisers", stdout=io.StringIO())
        assert counts() == before

    def test_an_index_made_after_the_set_up_is_granted_by_running_it_again(self):
        """The success stories came after the editing set-up in the demo: a re-run gives
        zone editors their stories (only their zone's), and organisers a new events index."""
        zones, client = self.zone_site.zones, self.client
        handbook = HandbookPageFactory(parent=self.home)
        stories = SuccessStoryIndexPageFactory(parent=handbook)
        own = SuccessStoryPageFactory(parent=stories, zones=[zones["wtz"]])
        other = SuccessStoryPageFactory(parent=stories, zones=[zones["biznes"]])
        User = get_user_model()
        organiser = User.objects.create_user(username="organizator", password="x")
        organiser.groups.add(set_up_organisers())
        late_events = EventIndexPageFactory(parent=self.home)
        client.force_login(self.zone_site.editors["wtz"])
        assert denied(client.get(f"/admin/pages/{own.pk}/edit/"))
        assert not late_events.permissions_for_user(organiser).can_add_subpage()

        call_command("set_up_zone_editing", stdout=io.StringIO())
        call_command("set_up_organisers", stdout=io.StringIO())

        assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
        assert denied(client.get(f"/admin/pages/{other.pk}/edit/"))
        add_story = f"/admin/pages/add/handbook/successstorypage/{stories.pk}/"
        assert client.get(add_story).status_code == 200
        organiser = User.objects.get(pk=organiser.pk)  # Wagtail caches rights on the object
        assert late_events.permissions_for_user(organiser).can_add_subpage()
        assert late_events.permissions_for_user(organiser).can_publish()
