"""Zone editors touch only their own zone; their changes go live after a moderator approves.

These tests drive the real Wagtail admin views (edit, publish, submit, approve)."""

import itertools

import pytest

from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import DocumentFactory, NewsIndexPageFactory, NewsPageFactory, translate
from tests.html import one, text_of
from tests.mail_servers import hanging_smtp, refusing_smtp, smtp_settings
from tests.zones.conftest import ZoneSiteTestCase, zone_page_form
from zones.editing import set_up_editing
from zones.models import ZonePage
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
    """Wagtail answers a forbidden admin view with a 403, or with a redirect to the admin's
    dashboard and a message (a successful edit redirects elsewhere)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


class ZoneEditingTests(ZoneSiteTestCase, WagtailPageTestCase):
    """What zone editors and the moderator may do in the admin, each test on the class's
    zone site (built once; each test's changes are rolled back). The reach tests try every
    editor against every other zone (a subtest per pair, each request a read or a refused
    write)."""

    def test_zone_editor_cannot_open_another_zones_page_or_resources(self):
        for mine, other in OTHER_ZONE_PAIRS:
            with self.subTest(mine=mine, other=other):
                self.client.force_login(self.zone_site.editors[mine])
                page = self.zone_site.pages[other]
                assert denied(self.client.get(f"/admin/pages/{page.pk}/edit/"))
                form = edit_form(page, intro="Zmiana")
                assert denied(self.client.post(f"/admin/pages/{page.pk}/edit/", form))
                document = self.zone_site.documents[other]
                assert denied(self.client.get(f"/admin/documents/edit/{document.pk}/"))
                page.refresh_from_db()
                assert page.get_latest_revision_as_object().intro != "Zmiana"

    def test_zone_editor_can_open_their_own_zones_page_and_resources(self):
        for mine in SLUGS:
            with self.subTest(mine=mine):
                self.client.force_login(self.zone_site.editors[mine])
                page = self.zone_site.pages[mine]
                assert self.client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
                document = self.zone_site.documents[mine]
                url = f"/admin/documents/edit/{document.pk}/"
                assert self.client.get(url).status_code == 200

    def test_zone_editor_cannot_edit_news_tagged_only_with_another_zone(self):
        _index, articles = make_news(self.zone_site, self.home)
        for mine, other in OTHER_ZONE_PAIRS:
            with self.subTest(mine=mine, other=other):
                self.client.force_login(self.zone_site.editors[mine])
                assert denied(self.client.get(f"/admin/pages/{articles[other].pk}/edit/"))
                url = f"/admin/pages/{articles[mine].pk}/edit/"
                assert self.client.get(url).status_code == 200
                assert denied(self.client.get(f"/admin/pages/{articles[None].pk}/edit/"))

    def test_a_group_right_on_the_whole_tree_does_not_open_another_zone(self):
        """The zone rule sits in Wagtail's permission layer, not only in the group's scope: a
        zone editor given edit rights on the home page still cannot edit another zone."""
        editor = self.zone_site.editors["wtz"]
        GroupPagePermission.objects.create(
            group=self.zone_site.zones["wtz"].editor_group,
            page=self.home,
            permission=GroupPagePermission.objects.filter(permission__codename="change_page")
            .first()
            .permission,
        )
        other = Page.objects.get(pk=self.zone_site.pages["biznes"].pk)
        assert not other.permissions_for_user(editor).can_edit()
        assert isinstance(other.permissions_for_user(editor), ZonePermissionTester)
        assert self.home.permissions_for_user(editor).can_edit()

    def test_zone_editor_cannot_publish(self):
        self.client.force_login(self.zone_site.editors["wtz"])
        page = self.zone_site.pages["wtz"]
        self.client.post(
            f"/admin/pages/{page.pk}/edit/",
            edit_form(page, intro="Nowy wstęp redakcji", **{"action-publish": "publish"}),
        )
        page.refresh_from_db()
        assert page.intro != "Nowy wstęp redakcji"
        assert page.get_latest_revision_as_object().intro == "Nowy wstęp redakcji"  # a draft
        assert "Nowy wstęp redakcji" not in self.client.get(page.url).content.decode()

    def test_moderator_can_publish_any_zone(self):
        self.client.force_login(self.zone_site.moderator)
        page = self.zone_site.pages["biznes"]
        response = self.client.post(
            f"/admin/pages/{page.pk}/edit/",
            edit_form(page, intro="Wstęp po moderacji", **{"action-publish": "publish"}),
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.intro == "Wstęp po moderacji"

    def test_zone_editors_change_goes_live_only_after_moderator_approval(self):
        page = self.zone_site.pages["wtz"]
        self.client.force_login(self.zone_site.editors["wtz"])
        response = self.client.post(
            f"/admin/pages/{page.pk}/edit/",
            edit_form(page, intro="Wstęp do akceptacji", **{"action-submit": "submit"}),
        )
        assert response.status_code == 302
        state = page.workflow_states.get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.workflow.name == "Akceptacja moderacji"
        assert "Wstęp do akceptacji" not in self.client.get(page.url).content.decode()

        # The editor cannot approve their own change.
        task_state = state.current_task_state
        approve = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
        self.client.post(approve, {"comment": ""})
        page.refresh_from_db()
        assert page.intro != "Wstęp do akceptacji"

        self.client.force_login(self.zone_site.moderator)
        response = self.client.post(approve, {"comment": ""})
        assert response.status_code in (200, 302)
        page.refresh_from_db()
        assert page.intro == "Wstęp do akceptacji"
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert "Wstęp do akceptacji" in self.client.get(page.url).content.decode()

    def test_zone_editor_sees_only_their_zone_in_the_document_library(self):
        self.client.force_login(self.zone_site.editors["wtz"])
        DocumentFactory(title="Dokument bez strefy")
        listed = text_of(one(self.client.get("/admin/documents/"), "main"))
        assert "Materiał wtz" in listed
        assert "Materiał biznes" not in listed
        assert "Dokument bez strefy" not in listed

    def test_zone_editor_cannot_change_which_zone_a_page_belongs_to(self):
        self.client.force_login(self.zone_site.editors["wtz"])
        page = self.zone_site.pages["wtz"]
        zone_field = one(self.client.get(f"/admin/pages/{page.pk}/edit/"), '[name="zone"]')
        assert zone_field.has_attr("disabled")
        response = self.client.post(
            f"/admin/pages/{page.pk}/edit/",
            edit_form(page, zone=self.zone_site.zones["biznes"].pk, intro="Wstęp z inną strefą"),
        )
        assert response.status_code == 302  # saved as a draft…
        page.refresh_from_db()
        latest = page.get_latest_revision_as_object()
        assert latest.intro == "Wstęp z inną strefą"
        assert latest.zone == self.zone_site.zones["wtz"]  # …but still in its own zone

    def test_zone_editor_adds_a_page_below_their_own_zone_only(self):
        self.client.force_login(self.zone_site.editors["wtz"])
        data = nested_form_data(
            {"title": "Dla kadry", "slug": "dla-kadry", "intro": "", "body": streamfield([])}
            | {"comments": inline_formset([])}
        )
        own = self.zone_site.pages["wtz"]
        response = self.client.post(f"/admin/pages/add/core/standardpage/{own.pk}/", data)
        assert response.status_code == 302
        assert Page.objects.child_of(own).filter(slug="dla-kadry", live=False).exists()
        other = self.zone_site.pages["biznes"]
        response = self.client.post(f"/admin/pages/add/core/standardpage/{other.pk}/", data)
        assert denied(response)
        assert not Page.objects.child_of(other).exists()

    def test_zone_editor_tags_documents_with_their_own_zone_only(self):
        document = self.zone_site.documents["wtz"]
        document.zones.add(self.zone_site.zones["samorzady"])  # set by a moderator
        self.client.force_login(self.zone_site.editors["wtz"])
        url = f"/admin/documents/edit/{document.pk}/"
        html = self.client.get(url).content.decode()
        assert "Strefa WTZ" in html
        assert "Strefa Biznesu" not in html
        response = self.client.post(
            url,
            {
                "title": document.title,
                "collection": document.collection_id,
                "language": "pl",
                "kind": "guide",
                "zones": [self.zone_site.zones["wtz"].pk, self.zone_site.zones["biznes"].pk],
                "tags": "",
            },
        )
        assert response.status_code in (200, 302)
        slugs = set(document.zones.values_list("slug", flat=True))
        assert slugs == {"wtz", "samorzady"}  # biznes refused, the moderator's tag kept

    def test_zone_pages_cannot_be_copied(self):
        self.client.force_login(self.zone_site.moderator)
        page = self.zone_site.pages["wtz"]
        response = self.client.get(f"/admin/pages/{page.pk}/copy/", follow=True)
        assert "Strony strefy nie można skopiować" in response.content.decode()
        response = self.client.post(
            f"/admin/pages/{page.pk}/copy/",
            {"new_title": "Kopia", "new_slug": "kopia", "new_parent_page": self.home.pk},
        )
        assert not Page.objects.filter(slug="kopia").exists()

    def test_moving_a_zone_page_to_another_zone_moves_the_editors_rights(self):
        page = self.zone_site.pages["wtz"]
        self.zone_site.pages["biznes"].delete()
        page.zone = self.zone_site.zones["biznes"]
        page.save_revision().publish()
        self.client.force_login(self.zone_site.editors["biznes"])
        assert self.client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
        self.client.force_login(self.zone_site.editors["wtz"])
        assert denied(self.client.get(f"/admin/pages/{page.pk}/edit/"))

    def test_zone_editor_works_below_a_shared_index_but_cannot_edit_the_index(self):
        """The news index belongs to every zone: its title and introduction are the
        moderators' to change, though the zone editors' rights are granted on it."""
        index, articles = make_news(self.zone_site, self.home)
        data = nested_form_data(
            {"title": index.title, "slug": index.slug, "intro": "Tylko nasza strefa"}
        )
        for mine in SLUGS:
            with self.subTest(mine=mine):
                self.client.force_login(self.zone_site.editors[mine])
                assert denied(self.client.get(f"/admin/pages/{index.pk}/edit/"))
                assert denied(self.client.post(f"/admin/pages/{index.pk}/edit/", data))
                assert denied(self.client.post(f"/admin/pages/{index.pk}/unpublish/"))
                url = f"/admin/pages/{articles[mine].pk}/edit/"
                assert self.client.get(url).status_code == 200
                add = f"/admin/pages/add/news/newspage/{index.pk}/"
                assert self.client.get(add).status_code == 200
        index.refresh_from_db()
        assert index.get_latest_revision_as_object().intro != "Tylko nasza strefa"
        assert index.live
        self.client.force_login(self.zone_site.moderator)
        assert self.client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200

    def test_zone_editor_writes_news_for_their_own_zone_only(self):
        index, _articles = make_news(self.zone_site, self.home)
        self.client.force_login(self.zone_site.editors["wtz"])
        url = f"/admin/pages/add/news/newspage/{index.pk}/"
        form = self.client.get(url).content.decode()
        assert "Strefa WTZ" in form
        assert "Strefa Biznesu" not in form
        data = nested_form_data(
            {
                "title": "Nowość",
                "slug": "nowosc",
                "date": "2026-11-20",
                "lead": "Zajawka",
                "image_alt": "",
                "body": streamfield([]),
                "attachments": streamfield([]),
                "comments": inline_formset([]),
            }
        )
        response = self.client.post(url, {**data, "zones": [self.zone_site.zones["biznes"].pk]})
        assert response.status_code == 200  # refused: not one of their zones
        response = self.client.post(url, data)
        assert response.status_code == 200  # refused: no zone at all
        response = self.client.post(url, {**data, "zones": [self.zone_site.zones["wtz"].pk]})
        assert response.status_code == 302
        created = Page.objects.get(slug="nowosc").specific
        assert [zone.slug for zone in created.zones.all()] == ["wtz"]
        assert not created.live

    def test_moderator_adds_a_zone_page_without_a_server_error(self):
        self.zone_site.pages["wtz"].delete()
        self.client.force_login(self.zone_site.moderator)
        zone = self.zone_site.zones["wtz"]
        data = zone_page_form(
            title="Strefa WTZ", slug="strefa-wtz-nowa", zone=zone.pk, intro="Wstęp"
        )
        self.assertCanCreate(self.home, ZonePage, data, publish=False)
        assert Page.objects.child_of(self.home).filter(slug="strefa-wtz-nowa").exists()

    def test_editor_cannot_turn_a_translation_into_an_alias_without_publish_rights(self):
        translate(self.home, title="Portal WTZ", slug="home")
        english = translate(self.zone_site.pages["wtz"])
        self.client.force_login(self.zone_site.editors["wtz"])
        response = self.client.post(f"/admin/localize/page/{english.pk}/convert_to_alias/")
        assert denied(response)
        english.refresh_from_db()
        assert english.alias_of_id is None

    def test_moderation_goes_through_while_the_mail_server_refuses(self):
        self.moderate_while_the_mail_server_fails(refusing_smtp)

    def test_moderation_goes_through_while_the_mail_server_hangs(self):
        self.moderate_while_the_mail_server_fails(hanging_smtp)

    def moderate_while_the_mail_server_fails(self, mail_server):
        """Wagtail e-mails the moderators on submission and the editor on approval; a mail
        server that refuses or never answers must not fail either action."""
        client, site = self.client, self.zone_site
        editor, moderator = site.editors["wtz"], site.moderator
        for user in (editor, moderator):
            user.email = f"{user.username}@example.org"
            user.save()
        page = site.pages["wtz"]
        with mail_server() as server, self.settings(**smtp_settings(server, timeout=0.5)):
            client.force_login(editor)
            response = client.post(
                f"/admin/pages/{page.pk}/edit/",
                edit_form(page, intro="Wstęp mimo awarii poczty", **{"action-submit": "submit"}),
            )
            assert response.status_code == 302
            assert server.connections == 1  # the notice to the moderators was tried
            task_state = page.workflow_states.get().current_task_state
            client.force_login(moderator)
            response = client.post(
                f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
                {"comment": ""},
            )
            assert response.status_code in (200, 302)
            assert server.connections == 2  # and the one to the editor
        page.refresh_from_db()
        assert page.intro == "Wstęp mimo awarii poczty"


def make_news(zone_site, home):
    """A news index (zone editors get their rights there from the editing set-up) and one
    article per zone, plus one with no zone."""
    index = NewsIndexPageFactory(parent=home)
    set_up_editing()
    articles = {
        slug: NewsPageFactory(parent=index, title=f"Artykuł {slug}", zones=[zone])
        for slug, zone in zone_site.zones.items()
    }
    articles[None] = NewsPageFactory(parent=index, title="Artykuł bez strefy")
    return index, articles
