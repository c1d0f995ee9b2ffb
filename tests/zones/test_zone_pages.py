"""What a visitor finds on a zone page and its sub-views."""

import pytest
from pytest_django.asserts import assertInHTML

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import translation

from wagtail import hooks
from wagtail.models import PageViewRestriction

from portal.documents.resources import resources_for_zone
from tests.factories import DocumentFactory, StandardPageFactory, translate
from tests.html import links, one, parse, select, switcher_href, text_of, texts
from tests.zones.conftest import ZoneSiteTestCase, listing_query_counts, zone_page_form
from zones.listings import ZoneListing, registered_listings
from zones.models import ZonePage

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


class ZonePageTests(ZoneSiteTestCase):
    """What a visitor and an editor meet on the zone pages, on one zone site for the class."""

    def test_zone_page_shows_its_own_benefits_faq_and_resources_only(self):
        for slug in ["samorzady", "wtz", "biznes", "wspolpraca"]:
            with self.subTest(slug=slug):
                page = parse(self.client.get(self.zone_site.pages[slug].url))
                assert texts(page, ".benefits__item h3") == [f"Korzyść {slug}"]
                assert texts(page, ".faq__question") == [f"Pytanie o {slug}?"]
                assert texts(page, "#section-resources + * .resource__title") == [
                    f"Materiał {slug}"
                ]

    def test_faq_items_are_disclosure_widgets_that_need_no_script(self):
        item = one(self.client.get(self.zone_site.pages["wtz"].url), "details.faq__item")
        assertInHTML('<summary class="faq__question">Pytanie o wtz?</summary>', str(item))
        assert text_of(one(item, ".faq__answer")) == "Odpowiedź wtz"  # inside the <details>

    def test_zone_page_shows_the_contact_person(self):
        card = one(self.client.get(self.zone_site.pages["wtz"].url), ".contact-card")
        assert text_of(one(card, ".contact-card__name")) == "Jan Kontaktowy"
        hrefs = [href for _, href in links(card)]
        assert hrefs == ["mailto:kontakt@example.org", "tel:610000000"]

    def test_resources_section_is_absent_rather_than_empty(self):
        self.zone_site.documents["biznes"].delete()
        page = parse(self.client.get(self.zone_site.pages["biznes"].url))
        assert select(page, "#section-resources") == []
        assert "Wszystkie materiały tej strefy" not in texts(page, "a")

    def about_page(self):
        """The `standard_page` fixture's page: "O projekcie" in the main menu."""
        return StandardPageFactory(
            parent=self.home, title="O projekcie", slug="o-projekcie", show_in_menus=True
        )

    def test_featured_pages_show_only_live_ones(self):
        standard_page = self.about_page()
        withdrawn = StandardPageFactory(parent=self.home, title="Wycofana strona")
        page = self.zone_site.pages["wtz"]
        page.featured = [("page", standard_page), ("page", withdrawn)]
        page.save_revision().publish()
        withdrawn.unpublish()
        featured = one(self.client.get(page.url), "section.featured")
        assert one(featured, "h2")["id"] == "featured-heading"
        assert links(featured) == [("O projekcie", standard_page.url)]

    def test_home_page_cards_link_to_the_zone_pages(self):
        cards = links(self.client.get("/pl/"), "a.zone-card__link")
        assert cards == [(page.zone.name, page.url) for page in self.zone_site.pages.values()]

    def test_main_menu_gathers_the_zones_under_one_entry(self):
        menu = one(self.client.get(self.about_page().url), "nav.main-nav")
        (group,) = select(menu, "details")
        summary = one(group, "summary")
        assert text_of(summary) == "Strefy"
        assert one(summary, "svg.main-nav__chevron")["aria-hidden"] == "true"  # its icon is silent
        assert links(group) == [(page.title, page.url) for page in self.zone_site.pages.values()]

    def test_a_second_page_for_the_same_zone_and_language_is_refused(self):
        duplicate = ZonePage(
            title="Druga strefa WTZ",
            slug="druga-wtz",
            zone=self.zone_site.zones["wtz"],
            intro="Wstęp",
        )
        with pytest.raises(ValidationError) as refused:
            self.home.add_child(instance=duplicate)
        assert refused.value.message_dict["zone"] == ["Ta strefa ma już stronę w tym języku."]

    def test_admin_says_why_a_second_zone_page_is_refused(self):
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@example.com", "password")
        )
        response = self.client.post(
            f"/admin/pages/add/zones/zonepage/{self.home.pk}/",
            zone_page_form(
                title="Druga strefa WTZ",
                slug="druga-wtz",
                zone=self.zone_site.zones["wtz"].pk,
                intro="Wstęp",
            ),
        )
        assert response.status_code == 200
        assert "Ta strefa ma już stronę w tym języku." in text_of(parse(response))
        assert ZonePage.objects.filter(slug="druga-wtz").count() == 0

    def test_resources_sub_view_lists_filters_and_paginates(self):
        zone = self.zone_site.zones["wtz"]
        for number in range(11):
            DocumentFactory(title=f"Wzór {number:02d}", kind="template", zones=[zone])
        url = self.zone_site.pages["wtz"].url + "materialy/"
        first = parse(self.client.get(url))
        assert "12 materiałów" in text_of(first)
        assert len(select(first, "li.resource")) == 10
        assert len(select(self.client.get(url + "?page=2"), "li.resource")) == 2
        guides = parse(self.client.get(url + "?kind=guide"))
        assert "1 materiał" in text_of(guides)
        assert texts(guides, ".resource__title") == ["Materiał wtz"]

    def test_zone_page_and_its_resources_cost_the_same_queries_for_3_and_13_resources(self):
        zone, page = self.zone_site.zones["wtz"], self.zone_site.pages["wtz"]
        DocumentFactory.create_batch(2, zones=[zone])
        urls = [page.url, page.url + "materialy/"]
        before = listing_query_counts(self.client, urls)
        DocumentFactory.create_batch(10, zones=[zone])
        after = listing_query_counts(self.client, urls)
        assert after == before, f"queries (cold, warm) went from {before} to {after}"
        assert len(select(self.client.get(urls[1]), "li.resource")) == 10  # and a next page

    def test_resources_show_file_type_size_and_language(self):
        response = self.client.get(self.zone_site.pages["wtz"].url + "materialy/")
        meta = texts(response, ".resource__meta > span:not(.zone-mark)")
        assert meta == ["Poradnik", "PDF, 13 bajtów", "Język: polski"]  # text_of folds the nbsp

    def test_bad_listing_input_is_a_4xx_not_a_500(self):
        cases = [("?page=abc", 404), ("?page=0", 404), ("?page=99", 404), ("?kind=unknown", 400)]
        for query, status in cases:
            with self.subTest(query=query):
                url = self.zone_site.pages["wtz"].url + "materialy/" + query
                assert self.client.get(url).status_code == status

    def test_unknown_filter_value_is_explained_next_to_the_filter(self):
        url = self.zone_site.pages["wtz"].url + "materialy/?kind=unknown&language=en"
        page = parse(self.client.get(url))
        assert one(page, "select[name=kind]")["aria-describedby"] == "id_kind-error"
        assert one(page, "#id_kind-error").get_text(strip=True)
        assert texts(page, ".resource__title") == ["Materiał wtz"]  # the list is shown unfiltered
        assert one(page, "select[name=language] option[selected]")["value"] == "en"  # kept

    def test_unknown_sub_view_is_404(self):
        assert self.client.get(self.zone_site.pages["wtz"].url + "nie-ma/").status_code == 404

    def test_pagination_drops_an_unknown_filter_value(self):
        DocumentFactory.create_batch(11, zones=[self.zone_site.zones["wtz"]])
        url = self.zone_site.pages["wtz"].url + "materialy/?kind=zzz&language=pl"
        hrefs = [href for _, href in links(self.client.get(url), ".pagination a")]
        assert set(hrefs) == {"?language=pl&page=2"}  # page 2 and "Next"

    def test_menu_marks_the_zone_as_ancestor_on_its_sub_view(self):
        page = self.zone_site.pages["wtz"]
        response = self.client.get(page.url + "materialy/")
        (link,) = select(response, f'nav.main-nav a[href="{page.url}"]')
        assert link["class"] == ["is-ancestor"]
        assert not link.has_attr("aria-current")

    def test_featured_private_pages_are_not_recommended(self):
        standard_page = self.about_page()
        PageViewRestriction.objects.create(page=standard_page, restriction_type="login")
        page = self.zone_site.pages["wtz"]
        page.featured = [("page", standard_page)]
        page.save_revision().publish()
        assert select(self.client.get(page.url), "#featured-heading") == []

    def english_home(self):
        """The home page's English translation (the `home_en` fixture's page)."""
        return translate(self.home, title="Portal WTZ", slug="home")

    def test_english_zone_page_lists_the_same_resources_under_a_translated_address(self):
        english_home = self.english_home()
        english = self.zone_site.pages["wtz"].copy_for_translation(english_home.locale)
        english.title = "WTZ Zone"
        english.slug = "wtz-zone"
        english.save_revision().publish()
        with translation.override("en"):
            response = self.client.get("/en/wtz-zone/resources/")
        assert response.status_code == 200
        page = parse(response)
        assert texts(page, ".resource__title") == ["Materiał wtz"]
        assert "Language: Polish" in texts(page, ".resource__meta span")
        assert self.client.get("/en/wtz-zone/materialy/").status_code == 404

    def test_a_family_plugs_its_sub_view_and_section_in_through_the_hook(self):
        forget_zone_routes()
        self.addCleanup(forget_zone_routes)

        def ideas_view(page, request):
            return HttpResponse(f"Pomysły strefy {page.zone.slug}")

        def ideas_listing():
            return ZoneListing(
                name="ideas",
                route="pomysly/",
                title="Pomysły",
                all_label="Wszystkie pomysły",
                view=ideas_view,
                latest=lambda page, limit: list(resources_for_zone(page)[:limit]),
                section_template="documents/includes/resource_list.html",
                order=1,
            )

        page = self.zone_site.pages["wtz"]
        with hooks.register_temporarily("register_zone_listing", ideas_listing):
            assert [listing.name for listing in registered_listings()] == [
                "ideas",
                "reports",
                "news",
                "events",
                "resources",
                "stories",
            ]
            assert self.client.get(page.url + "pomysly/").content.decode() == "Pomysły strefy wtz"
            html = self.client.get(page.url).content.decode()
            assertInHTML('<h2 id="section-ideas">Pomysły</h2>', html)
            assert ("Wszystkie pomysły", f"{page.url}pomysly/") in links(html)
            sections = [heading["id"] for heading in select(html, ".zone-section > h2")]
            assert sections.index("section-ideas") < sections.index("section-resources")
        forget_zone_routes()
        assert self.client.get(page.url + "pomysly/").status_code == 404

    def test_language_switcher_keeps_the_sub_view(self):
        english_home = self.english_home()
        english = self.zone_site.pages["wtz"].copy_for_translation(english_home.locale)
        english.slug = "wtz-zone"
        english.save_revision().publish()
        html = self.client.get(self.zone_site.pages["wtz"].url + "materialy/").content.decode()
        alternate = one(html, 'link[rel=alternate][hreflang="en"]')
        assert alternate["href"] == "http://testserver/en/wtz-zone/resources/"
        assert self.client.get(switcher_href(html, "en"))["Location"] == "/en/wtz-zone/resources/"


def forget_zone_routes():
    """ZonePage caches its URL resolver: forget it around a test that adds a listing."""
    if "_routablepage_urlresolver" in ZonePage.__dict__:
        del ZonePage._routablepage_urlresolver
