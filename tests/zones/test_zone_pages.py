"""What a visitor finds on a zone page and its sub-views."""

import pytest

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import translation

from wagtail import hooks
from wagtail.models import PageViewRestriction

from portal.documents.resources import resources_for_zone
from tests.factories import DocumentFactory, StandardPageFactory
from tests.html import switcher_href
from zones.listings import ZoneListing, registered_listings
from zones.models import ZonePage

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


@pytest.mark.parametrize("slug", ["samorzady", "wtz", "biznes", "wspolpraca"])
def test_zone_page_shows_its_own_benefits_faq_and_resources_only(client, zone_site, slug):
    html = client.get(zone_site.pages[slug].url).content.decode()
    assert f"Korzyść {slug}" in html
    assert f"Pytanie o {slug}?" in html
    assert f"Materiał {slug}" in html
    for other in set(zone_site.pages) - {slug}:
        assert f"Korzyść {other}" not in html
        assert f"Pytanie o {other}?" not in html
        assert f"Materiał {other}" not in html


def test_faq_items_are_disclosure_widgets_that_need_no_script(client, zone_site):
    html = client.get(zone_site.pages["wtz"].url).content.decode()
    assert '<summary class="faq__question">Pytanie o wtz?</summary>' in html
    assert html.index("<details") < html.index("Odpowiedź wtz")


def test_zone_page_shows_the_contact_person(client, zone_site):
    html = client.get(zone_site.pages["wtz"].url).content.decode()
    assert "Jan Kontaktowy" in html
    assert 'href="mailto:kontakt@example.org"' in html
    assert 'href="tel:610000000"' in html


def test_resources_section_is_absent_rather_than_empty(client, zone_site):
    zone_site.documents["biznes"].delete()
    html = client.get(zone_site.pages["biznes"].url).content.decode()
    assert 'id="section-resources"' not in html
    assert "Wszystkie materiały tej strefy" not in html


def test_featured_pages_show_only_live_ones(client, zone_site, standard_page, home):
    withdrawn = StandardPageFactory(parent=home, title="Wycofana strona")
    page = zone_site.pages["wtz"]
    page.featured = [("page", standard_page), ("page", withdrawn)]
    page.save_revision().publish()
    withdrawn.unpublish()
    html = client.get(page.url).content.decode()
    assert 'id="featured-heading"' in html
    assert f'<a href="{standard_page.url}">O projekcie</a>' in html
    assert "Wycofana strona" not in html


def test_home_page_cards_link_to_the_zone_pages(client, zone_site, home):
    html = client.get("/pl/").content.decode()
    for page in zone_site.pages.values():
        assert f'<a class="zone-card__link" href="{page.url}">{page.zone.name}</a>' in html


def test_main_menu_gathers_the_zones_under_one_entry(client, zone_site, standard_page):
    html = client.get(standard_page.url).content.decode()
    menu = html[html.index('class="main-nav"') : html.index("</nav>")]
    assert "<summary>Strefy</summary>" in menu
    for page in zone_site.pages.values():
        assert f'href="{page.url}">{page.title}</a>' in menu
    assert menu.count("<details>") == 1


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
        {
            "title": "Druga strefa WTZ",
            "slug": "druga-wtz",
            "zone": zone_site.zones["wtz"].pk,
            "intro": "Wstęp",
            "benefits-count": 0,
            "featured-count": 0,
            "faq-count": 0,
            "comments-TOTAL_FORMS": 0,
            "comments-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "Ta strefa ma już stronę w tym języku." in response.content.decode()
    assert ZonePage.objects.filter(slug="druga-wtz").count() == 0


def test_resources_sub_view_lists_filters_and_paginates(client, zone_site):
    zone = zone_site.zones["wtz"]
    for number in range(11):
        DocumentFactory(title=f"Wzór {number:02d}", kind="template", zones=[zone])
    url = zone_site.pages["wtz"].url + "materialy/"
    first = client.get(url).content.decode()
    assert "12 materiałów" in first
    assert first.count('class="resource"') == 10
    second = client.get(url + "?page=2").content.decode()
    assert second.count('class="resource"') == 2
    guides = client.get(url + "?kind=guide").content.decode()
    assert "1 materiał" in guides
    assert "Materiał wtz" in guides
    assert "Wzór 00" not in guides


def test_resources_show_file_type_size_and_language(client, zone_site):
    html = client.get(zone_site.pages["wtz"].url + "materialy/").content.decode()
    assert "PDF, 13\xa0bajtów" in html
    assert "Język: polski" in html
    assert "Poradnik" in html


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
    html = response.content.decode()
    assert "Materiał wtz" in html
    assert "Language: Polish" in html
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
    html = response.content.decode()
    assert 'aria-describedby="id_kind-error"' in html
    assert 'id="id_kind-error"' in html
    assert "Materiał wtz" in html  # the list is shown unfiltered
    assert '<option value="en" selected>' in html  # what was chosen is kept


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
        assert '<h2 id="section-ideas">Pomysły</h2>' in html
        assert f'<a href="{page.url}pomysly/">Wszystkie pomysły</a>' in html
        assert html.index("section-ideas") < html.index("section-resources")
    forget_routes()
    assert client.get(page.url + "pomysly/").status_code == 404


def test_language_switcher_keeps_the_sub_view(client, zone_site, home_en, locales):
    english = zone_site.pages["wtz"].copy_for_translation(locales["en"])
    english.slug = "wtz-zone"
    english.save_revision().publish()
    html = client.get(zone_site.pages["wtz"].url + "materialy/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/wtz-zone/resources/"' in html
    assert client.get(switcher_href(html, "en"))["Location"] == "/en/wtz-zone/resources/"


def test_pagination_drops_an_unknown_filter_value(client, zone_site):
    DocumentFactory.create_batch(11, zones=[zone_site.zones["wtz"]])
    response = client.get(zone_site.pages["wtz"].url + "materialy/?kind=zzz&language=pl")
    html = response.content.decode()
    assert 'href="?language=pl&amp;page=2"' in html
    assert "kind=zzz" not in html


def test_menu_marks_the_zone_as_ancestor_on_its_sub_view(client, zone_site):
    page = zone_site.pages["wtz"]
    menu = client.get(page.url + "materialy/").content.decode()
    assert f'<a href="{page.url}" class="is-ancestor">' in menu
    assert 'aria-current="page">Strefa WTZ</a>' not in menu


def test_featured_private_pages_are_not_recommended(client, zone_site, standard_page):
    PageViewRestriction.objects.create(page=standard_page, restriction_type="login")
    page = zone_site.pages["wtz"]
    page.featured = [("page", standard_page)]
    page.save_revision().publish()
    assert 'id="featured-heading"' not in client.get(page.url).content.decode()
