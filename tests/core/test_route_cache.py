"""The page an address leads to, the locales and which parts of the tree are private come
from the cache (portal/core/routing.py, portal/core/lookups.py); whatever editors change
shows on the very next request all the same."""

from django.test import TestCase

from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory, build_home


class TestCachedRoutesFollowEditors(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.home_en = build_home()
        cls.about = StandardPageFactory(parent=cls.home, title="O projekcie", slug="o-projekcie")
        cls.team = StandardPageFactory(parent=cls.about, title="Zespół", slug="zespol")
        cls.other = StandardPageFactory(parent=cls.home, title="Inna", slug="inna")

    def warm(self):
        """Visit the pages, so their routes are in the cache."""
        for address in ("/pl/o-projekcie/", "/pl/o-projekcie/zespol/", "/pl/inna/"):
            assert self.client.get(address).status_code == 200

    def test_an_unpublished_page_is_not_found_at_once(self):
        self.warm()
        self.team.unpublish()
        assert self.client.get("/pl/o-projekcie/zespol/").status_code == 404

    def test_a_page_with_a_new_slug_answers_at_its_new_address_only(self):
        self.warm()
        self.team.slug = "nasz-zespol"
        self.team.save_revision().publish()
        assert self.client.get("/pl/o-projekcie/zespol/").status_code == 404
        assert self.client.get("/pl/o-projekcie/nasz-zespol/").status_code == 200

    def test_a_moved_page_answers_at_its_new_address_only(self):
        self.warm()
        self.team.move(self.other, pos="last-child")
        old = self.client.get("/pl/o-projekcie/zespol/")
        # Wagtail leaves a redirect at a moved page's old address (or nothing there).
        assert old.status_code == 404 or old["Location"] == "/pl/inna/zespol/"
        assert self.client.get("/pl/inna/zespol/").status_code == 200

    def test_a_deleted_page_is_not_found_at_once(self):
        self.warm()
        self.team.delete()
        assert self.client.get("/pl/o-projekcie/zespol/").status_code == 404

    def test_a_section_made_private_asks_visitors_to_log_in(self):
        self.warm()
        PageViewRestriction.objects.create(
            page=self.about, restriction_type=PageViewRestriction.LOGIN
        )
        for address in ("/pl/o-projekcie/", "/pl/o-projekcie/zespol/"):
            response = self.client.get(address)
            assert response.status_code == 302, address
            assert "login" in response["Location"], address
        assert self.client.get("/pl/inna/").status_code == 200

    def test_a_section_made_public_again_is_shown_to_visitors(self):
        restriction = PageViewRestriction.objects.create(
            page=self.about, restriction_type=PageViewRestriction.LOGIN
        )
        assert self.client.get("/pl/o-projekcie/zespol/").status_code == 302
        restriction.delete()
        assert self.client.get("/pl/o-projekcie/zespol/").status_code == 200
