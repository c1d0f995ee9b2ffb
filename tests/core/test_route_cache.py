"""The page an address leads to, the locales and which parts of the tree are private come
from the cache (portal/core/routing.py, portal/core/lookups.py); whatever editors change
shows on the very next request all the same."""

from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from portal.core.fragments import (
    VERSION_KEY,
    SiteFromCacheMiddleware,
    current_version,
    invalidate_fragments,
)
from portal.core.routing import live_page
from portal.events.models import EventPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
    ZoneFactory,
    ZonePageFactory,
    build_home,
)
from zones.models import ZonePage


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


class TestRedirectingSubviewRoutes(TestCase):
    """A registration POST answers with a redirect: its route is kept like a page's, so a
    rush of bookings does not walk the page tree once per booking."""

    @classmethod
    def setUpTestData(cls):
        cls.home, _home_en = build_home()
        index = EventIndexPageFactory(parent=cls.home)
        cls.event = EventPageFactory(parent=index, title="Spotkanie", slug="spotkanie")

    def test_the_second_request_to_a_redirecting_subview_skips_the_tree_walk(self):
        address = f"{self.event.url}zapis/"  # a GET there sends the visitor to the event
        with CaptureQueriesContext(connection) as first:
            assert self.client.get(address).status_code == 302
        with CaptureQueriesContext(connection) as second:
            response = self.client.get(address)
        assert (response.status_code, response["Location"]) == (302, self.event.url)
        # The first request looks the pages along the address up by their url_path; the
        # cached route fetches the event by its id.
        assert any('."url_path" IN' in query["sql"] for query in first.captured_queries)
        assert not any('."url_path" IN' in query["sql"] for query in second.captured_queries)


class TestThePageOfACachedRoute(TestCase):
    """A cached route's page comes from a query compiled once per page type
    (`routing.live_page`): the same page, with the same values, as the ORM's own query."""

    @classmethod
    def setUpTestData(cls):
        cls.home, _home_en = build_home()
        index = EventIndexPageFactory(parent=cls.home)
        cls.event = EventPageFactory(parent=index, title="Spotkanie", slug="spotkanie")
        cls.other = EventPageFactory(parent=index, title="Drugie", slug="drugie", capacity=7)
        cls.zone_page = ZonePageFactory(parent=cls.home, zone=ZoneFactory(name="Strefa WTZ"))

    def test_each_page_comes_with_the_values_the_database_holds(self):
        for page in (self.event, self.other):
            found = live_page(EventPage, page.pk)
            expected = EventPage.objects.get(pk=page.pk)
            assert found == expected
            assert {
                field.attname: getattr(found, field.attname)
                for field in EventPage._meta.concrete_fields
            } == {
                field.attname: getattr(expected, field.attname)
                for field in EventPage._meta.concrete_fields
            }
        assert live_page(EventPage, self.other.pk).capacity == 7

    def test_a_published_change_is_read_at_once(self):
        live_page(EventPage, self.event.pk)
        self.event.title = "Spotkanie przeniesione"
        self.event.save_revision().publish()
        assert live_page(EventPage, self.event.pk).title == "Spotkanie przeniesione"
        response = self.client.get(self.event.url)
        assert "Spotkanie przeniesione" in response.content.decode()

    def test_a_page_not_live_or_gone_is_none(self):
        self.other.unpublish()
        assert live_page(EventPage, self.other.pk) is None
        assert live_page(EventPage, self.event.pk + 10_000) is None

    def test_the_related_rows_the_page_type_names_come_with_the_page(self):
        page = live_page(ZonePage, self.zone_page.pk)
        with CaptureQueriesContext(connection) as queries:
            assert page.zone.name == "Strefa WTZ"
        assert len(queries) == 0


class TestTheFragmentVersionOfARequest(TestCase):
    """Every key of what editors change carries the fragment version (portal/core/fragments.py):
    a request reads it from the cache once, also for Wagtail's look-ups, which are asked
    without the request."""

    @classmethod
    def setUpTestData(cls):
        cls.home, _home_en = build_home()
        cls.page = StandardPageFactory(parent=cls.home, title="O projekcie", slug="o-projekcie")

    def test_a_page_reads_the_version_once(self):
        assert self.client.get("/pl/o-projekcie/").status_code == 200
        read = []
        get = cache.get

        def counting_get(key, *args, **kwargs):
            read.append(key)
            return get(key, *args, **kwargs)

        with mock.patch.object(cache, "get", counting_get):
            assert self.client.get("/pl/o-projekcie/").status_code == 200
        assert read.count(VERSION_KEY) == 1
        assert any(key.startswith("portal:lookup:") for key in read)

    def test_a_request_that_changes_the_site_reads_the_new_version(self):
        seen = {}

        def view(request):
            seen["before"] = current_version()
            invalidate_fragments()
            seen["after"] = current_version()
            seen["keyed"] = current_version(request)  # the keys made with the request
            return HttpResponse()

        SiteFromCacheMiddleware(view)(RequestFactory().get("/pl/"))
        assert seen["before"] != seen["after"] == cache.get(VERSION_KEY)
        assert seen["keyed"] == seen["after"]
