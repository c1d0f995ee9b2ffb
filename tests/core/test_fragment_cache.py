"""The frame of every page (menu, footer, language links) comes from the fragment cache,
and whatever editors change in it shows on the very next request, in both languages."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from wagtail.models import Page

from portal.core.models import Partner, ProjectSettings
from tests.factories import ProjectSettingsFactory, StandardPageFactory, build_home, translate
from tests.html import one, parse, texts


def menu(response):
    return texts(parse(response), ".main-nav a")


def fresh(page):
    """`page` as the database has it now (a translation made by `translate` is live there,
    not in the object it returned)."""
    return Page.objects.get(pk=page.pk).specific


def footer(response):
    return one(parse(response), ".site-footer").get_text(" ", strip=True)


class TestTheFrameFollowsEditors(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.home_en = build_home()
        cls.settings = ProjectSettingsFactory(office_name="Biuro projektu")
        cls.partner = Partner.objects.create(
            settings=cls.settings, name="Fundacja Startowa", role="leader"
        )
        cls.about = StandardPageFactory(
            parent=cls.home, title="O projekcie", slug="o-projekcie", show_in_menus=True
        )
        cls.about_en = translate(cls.about, title="About the project", slug="about-the-project")
        cls.other = StandardPageFactory(parent=cls.home, title="Inna", slug="inna")

    def warm(self):
        """Fill the fragment caches of both languages, and check what they hold."""
        assert menu(self.client.get("/pl/")) == ["O projekcie"]
        assert menu(self.client.get("/en/")) == ["About the project"]

    def test_a_published_menu_page_shows_in_both_languages(self):
        self.warm()
        news = StandardPageFactory(
            parent=self.home, title="Nowości", slug="nowosci", show_in_menus=True
        )
        translate(news, title="What's new", slug="whats-new")
        assert menu(self.client.get("/pl/")) == ["O projekcie", "Nowości"]
        assert menu(self.client.get("/en/")) == ["About the project", "What's new"]

    def test_a_renamed_menu_page_shows_its_new_title_in_both_languages(self):
        self.warm()
        for page, title in [(self.about, "O nas"), (self.about_en, "About us")]:
            page.title = title
            page.save_revision().publish()
        assert menu(self.client.get("/pl/")) == ["O nas"]
        assert menu(self.client.get("/en/")) == ["About us"]

    def test_an_unpublished_menu_page_leaves_the_menu_of_its_language(self):
        self.warm()
        fresh(self.about_en).unpublish()
        assert menu(self.client.get("/en/")) == []
        assert menu(self.client.get("/pl/")) == ["O projekcie"]
        fresh(self.about).unpublish()
        assert menu(self.client.get("/pl/")) == []

    def test_a_menu_page_moved_away_leaves_the_menu(self):
        self.warm()
        fresh(self.about).move(fresh(self.other), pos="last-child")
        assert menu(self.client.get("/pl/")) == []

    def test_a_deleted_menu_page_leaves_the_menu(self):
        self.warm()
        fresh(self.about_en).delete()
        assert menu(self.client.get("/en/")) == []

    def test_changed_settings_show_in_the_footer_in_both_languages(self):
        self.warm()
        settings = ProjectSettings.objects.get()
        settings.office_name = "Nowe biuro projektu"
        settings.save()
        assert "Nowe biuro projektu" in footer(self.client.get("/pl/"))
        assert "Nowe biuro projektu" in footer(self.client.get("/en/"))

    def test_a_changed_partner_shows_in_the_footer_in_both_languages(self):
        self.warm()
        partner = Partner.objects.get(pk=self.partner.pk)
        partner.name = "Nowy lider"
        partner.save()
        Partner.objects.create(settings=partner.settings, name="Gmina Konin", role="partner")
        for url in ["/pl/", "/en/"]:
            text = footer(self.client.get(url))
            assert "Nowy lider" in text
            assert "Gmina Konin" in text
            assert "Fundacja Startowa" not in text

    def test_a_changed_funding_notice_shows_in_the_footer(self):
        self.warm()
        notice = ProjectSettings.objects.get().funding_notice
        notice.text = "<p>Nowa informacja o dofinansowaniu.</p>"
        notice.save()
        assert "Nowa informacja o dofinansowaniu." in footer(self.client.get("/pl/"))

    def test_an_editor_gets_the_same_header_and_footer_as_a_visitor(self):
        editor = get_user_model().objects.create_superuser(
            username="redaktorka-z-nazwiskiem", password="x"
        )
        self.client.force_login(editor)
        signed_in = parse(self.client.get(self.about.url))
        self.client.logout()
        anonymous = parse(self.client.get(self.about.url))
        for part in [".site-header", ".site-footer", ".breadcrumbs"]:
            assert str(one(signed_in, part)) == str(one(anonymous, part))
        assert "redaktorka" not in str(one(anonymous, ".site-header"))
