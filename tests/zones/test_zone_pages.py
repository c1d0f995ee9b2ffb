"""What a visitor finds on a zone page and its sub-views."""

import pytest
from pytest_django.asserts import assertInHTML

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import translation

from wagtail import hooks
from wagtail.models import PageViewRestriction

from portal.documents.resources import resources_for_zone
from tests.factories import DocumentFactory, StandardPageFactory
from tests.html import links, one, parse, select, switcher_href, text_of, texts
from tests.zones.conftest import zone_page_form
from zones.listings import ZoneListing, registered_listings
from zones.models import ZonePage

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


@pytest.mark.parametrize("slug", ["samorzady", "wtz", "biznes", "wspolpraca"])
def test_zone_page_shows_its_own_benefits_faq_and_resources_only(client, zone_site, slug):
    page = parse(client.get(zone_site.pages[slug].url))
    assert texts(page, ".benefits__item h3") == [f"Korzyść {slug}"]
    assert texts(page, ".faq__question") == [f"Pytanie o {slug}?"]
    assert texts(page, "#section-resources + * .resource__title") == [f"Materiał {slug}"]


def test_faq_items_are_disclosure_widgets_that_need_no_script(client, zone_site):
    item = one(client.get(zone_site.pages["wtz"].url), "details.faq__item")
    assertInHTML('<summary class="faq__question">Pytanie o wtz?</summary>', str(item))
    assert text_of(one(item, ".faq__answer")) == "Odpowiedź wtz"  # inside the <details>


def test_zone_page_shows_the_contact_person(client, zone_site):
    card = one(client.get(zone_site.pages["wtz"].url), ".contact-card")
    assert text_of(one(card, ".contact-card__name")) == "Jan Kontaktowy"
    hrefs = [href for _, href in links(card)]
    assert hrefs == ["mailto:kontakt@example.org", "tel:610000000"]


def test_resources_section_is_absent_rather_than_empty(client, zone_site):
    zone_site.documents["biznes"].delete()
    page = parse(client.get(zone_site.pages["biznes"].url))
    assert select(page, "#section-resources") == []
    assert "Wszystkie materiały tej strefy" not in texts(page, "a")


def test_featured_pages_show_only_live_ones(client, zone_site, standard_page, home):
    withdrawn = StandardPageFactory(parent=home, title="Wycofana strona")
    page = zone_site.pages["wtz"]
    page.featured = [("page", standard_page), ("page", withdrawn)]
    page.save_revision().publish()
    withdrawn.unpublish()
    featured = one(client.get(page.url), "section.featured")
    assert one(featured, "h2")["id"] == "featured-heading"
    assert links(featured) == [("O projekcie", standard_page.url)]


def test_home_page_cards_link_to_the_zone_pages(client, zone_site, home):
    cards = links(client.get("/pl/"), "a.zone-card__link")
    assert cards == [(page.zone.name, page.url) for page in zone_site.pages.values()]


def test_main_menu_gathers_the_zones_under_one_entry(client, zone_site, standard_page):
    menu = one(client.get(standard_page.url), "nav.main-nav")
    (group,) = select(menu, "details")
    assertInHTML("<summary>Strefy</summary>", str(group))
    assert links(group) == [(page.title, page.url) for page in zone_site.pages.values()]


def test_a_second_page_for_the_same_zone_and_language_is_refused(zone_site, home):
    duplicate = ZonePage(
        title="Druga strefa WTZ", slug="druga-wtz", zone=zone_site.zones["wtz"], intro="Wstęp"
    )
    with pytest.raises(ValidationError) as refused:
        home.add_child(instance=duplicate)
    assert refused.value.message_dict["zone"] == ["Ta strefa ma już stronę w tym języku."]


def test_admin_says_why_a_second_zone_page_is_refused(admin_client, zone_site, home):
    response = admin_client.post(
        f"/admin/pages/add/zones/zonepage/{home.pk}/",
        zone_page_form(
            title="Druga strefa WTZ",
            slug="druga-wtz",
            zone=zone_site.zones["wtz"].pk,
            intro="Wstęp",
        ),
    )
    assert response.status_code == 200
    assert "Ta strefa ma już stronę w tym języku." in text_of(parse(response))
    assert ZonePage.objects.filter(slug="druga-wtz").count() == 0


def test_resources_sub_view_lists_filters_and_paginates(client, zone_site):
    zone = zone_site.zones["wtz"]
    for number in range(11):
        DocumentFactory(title=f"Wzór {number:02d}", kind="template", zones=[zone])
    url = zone_site.pages["wtz"].url + "materialy/"
    first = parse(client.get(url))
    assert "12 materiałów" in text_of(first)
    assert len(select(first, "li.resource")) == 10
    assert len(select(client.get(url + "?page=2"), "li.resource")) == 2
    guides = parse(client.get(url + "?kind=guide"))
    assert "1 materiał" in text_of(guides)
    assert texts(guides, ".resource__title") == ["Materiał wtz"]


def test_resources_show_file_type_size_and_language(client, zone_site):
    meta = texts(client.get(zone_site.pages["wtz"].url + "materialy/"), ".resource__meta span")
    assert meta == ["Poradnik", "PDF, 13 bajtów", "Język: polski"]  # text_of folds the nbsp


def test_english_zone_page_lists_the_same_resources_under_a_translated_address(
    client, zone_site, home_en, locales
):
    english = zone_site.pages["wtz"].copy_for_translation(locales["en"])
    english.title = "WTZ Zone"
    english.slug = "wtz-zone"
    english.save_revision().publish()
    with translation.override("en"):
        response = client.get("/en/wtz-zone/resources/")
    assert response.status_code == 200
    page = parse(response)
    assert texts(page, ".resource__title") == ["Materiał wtz"]
    assert "Language: Polish" in texts(page, ".resource__meta span")
    assert client.get("/en/wtz-zone/materialy/").status_code == 404


@pytest.mark.parametrize(
    ("query", "status"),
    [("?page=abc", 404), ("?page=0", 404), ("?page=99", 404), ("?kind=unknown", 400)],
)
def test_bad_listing_input_is_a_4xx_not_a_500(client, zone_site, query, status):
    response = client.get(zone_site.pages["wtz"].url + "materialy/" + query)
    assert response.status_code == status


def test_unknown_filter_value_is_explained_next_to_the_filter(client, zone_site):
    response = client.get(zone_site.pages["wtz"].url + "materialy/?kind=unknown&language=en")
    page = parse(response)
    assert one(page, "select[name=kind]")["aria-describedby"] == "id_kind-error"
    assert one(page, "#id_kind-error").get_text(strip=True)
    assert texts(page, ".resource__title") == ["Materiał wtz"]  # the list is shown unfiltered
    assert one(page, "select[name=language] option[selected]")["value"] == "en"  # kept


def test_unknown_sub_view_is_404(client, zone_site):
    assert client.get(zone_site.pages["wtz"].url + "nie-ma/").status_code == 404


def test_resources_listing_costs_the_same_queries_for_3_and_30(
    zone_site, assert_queries_do_not_grow
):
    zone = zone_site.zones["wtz"]
    DocumentFactory.create_batch(2, zones=[zone])

    def grow():
        DocumentFactory.create_batch(27, zones=[zone])

    assert_queries_do_not_grow(zone_site.pages["wtz"].url + "materialy/", grow)


def test_zone_page_costs_the_same_queries_with_more_resources(
    zone_site, assert_queries_do_not_grow
):
    zone = zone_site.zones["wtz"]

    def grow():
        DocumentFactory.create_batch(10, zones=[zone])

    assert_queries_do_not_grow(zone_site.pages["wtz"].url, grow)


@pytest.fixture
def fresh_zone_routes():
    """ZonePage caches its URL resolver; rebuild it around a test that adds a listing."""

    def forget():
        if "_routablepage_urlresolver" in ZonePage.__dict__:
            del ZonePage._routablepage_urlresolver

    forget()
    yield forget
    forget()


def test_a_family_plugs_its_sub_view_and_section_in_through_the_hook(
    client, zone_site, fresh_zone_routes
):
    forget_routes = fresh_zone_routes

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

    page = zone_site.pages["wtz"]
    with hooks.register_temporarily("register_zone_listing", ideas_listing):
        assert [listing.name for listing in registered_listings()] == [
            "ideas",
            "reports",
            "news",
            "events",
            "resources",
            "stories",
        ]
        assert client.get(page.url + "pomysly/").content.decode() == "Pomysły strefy wtz"
        html = client.get(page.url).content.decode()
        assertInHTML('<h2 id="section-ideas">Pomysły</h2>', html)
        assert ("Wszystkie pomysły", f"{page.url}pomysly/") in links(html)
        sections = [heading["id"] for heading in select(html, ".zone-section > h2")]
        assert sections.index("section-ideas") < sections.index("section-resources")
    forget_routes()
    assert client.get(page.url + "pomysly/").status_code == 404


def test_language_switcher_keeps_the_sub_view(client, zone_site, home_en, locales):
    english = zone_site.pages["wtz"].copy_for_translation(locales["en"])
    english.slug = "wtz-zone"
    english.save_revision().publish()
    html = client.get(zone_site.pages["wtz"].url + "materialy/").content.decode()
    alternate = one(html, 'link[rel=alternate][hreflang="en"]')
    assert alternate["href"] == "http://testserver/en/wtz-zone/resources/"
    assert client.get(switcher_href(html, "en"))["Location"] == "/en/wtz-zone/resources/"


def test_pagination_drops_an_unknown_filter_value(client, zone_site):
    DocumentFactory.create_batch(11, zones=[zone_site.zones["wtz"]])
    response = client.get(zone_site.pages["wtz"].url + "materialy/?kind=zzz&language=pl")
    hrefs = [href for _, href in links(response, ".pagination a")]
    assert set(hrefs) == {"?language=pl&page=2"}  # page 2 and "Next"


def test_menu_marks_the_zone_as_ancestor_on_its_sub_view(client, zone_site):
    page = zone_site.pages["wtz"]
    (link,) = select(client.get(page.url + "materialy/"), f'nav.main-nav a[href="{page.url}"]')
    assert link["class"] == ["is-ancestor"]
    assert not link.has_attr("aria-current")


def test_featured_private_pages_are_not_recommended(client, zone_site, standard_page):
    PageViewRestriction.objects.create(page=standard_page, restriction_type="login")
    page = zone_site.pages["wtz"]
    page.featured = [("page", standard_page)]
    page.save_revision().publish()
    assert select(client.get(page.url), "#featured-heading") == []
