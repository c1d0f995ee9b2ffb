"""The Zone snippet: translated names, shared slugs, editable in the Wagtail admin."""

import pytest

from django.db import IntegrityError
from django.urls import reverse

from tests.factories import ZoneFactory
from tests.html import one
from zones.models import Zone

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]


def test_same_slug_twice_in_one_language_is_refused(locales):
    ZoneFactory(slug="wtz")
    with pytest.raises(IntegrityError):
        ZoneFactory(slug="wtz")


def test_translation_keeps_the_slug_and_falls_back_when_missing(locales):
    wtz = ZoneFactory(slug="wtz", name="Strefa WTZ", sort_order=1)
    business = ZoneFactory(slug="biznes", name="Strefa Biznesu", sort_order=2)
    english = wtz.copy_for_translation(locales["en"])
    english.name = "Workshop Zone"
    english.save()

    seen_in_english = list(Zone.objects.for_locale(locales["en"]).order_by("sort_order"))

    assert [zone.name for zone in seen_in_english] == ["Workshop Zone", "Strefa Biznesu"]
    assert seen_in_english[0].slug == "wtz"
    assert seen_in_english[1].pk == business.pk
    assert list(Zone.objects.for_locale(locales["pl"])) == [wtz, business]


def test_editor_can_list_and_add_zones_in_the_admin(admin_client, locales):
    ZoneFactory(name="Strefa WTZ")
    listing = admin_client.get(reverse("wagtailsnippets_zones_zone:list"))
    assert listing.status_code == 200
    assert "Strefa WTZ" in listing.content.decode()

    response = admin_client.post(
        reverse("wagtailsnippets_zones_zone:add") + "?locale=pl",
        {
            "name": "Strefa Biznesu",
            "slug": "biznes",
            "intro": "Dla firm.",
            "audience": "Przedsiębiorstwa",
            "colour": "amber",
            "icon": "business",
            "sort_order": 3,
        },
    )
    assert response.status_code == 302
    assert Zone.objects.get(slug="biznes").locale.language_code == "pl"


def test_admin_form_reports_missing_name_next_to_the_field(admin_client, locales):
    response = admin_client.post(
        reverse("wagtailsnippets_zones_zone:add") + "?locale=pl",
        {
            "name": "",
            "slug": "x",
            "intro": "Tekst",
            "audience": "A",
            "colour": "teal",
            "icon": "globe",
            "sort_order": 1,
        },
    )
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert Zone.objects.count() == 0


def test_admin_search_finds_a_zone_by_name(admin_client, locales):
    ZoneFactory(name="Strefa Biznesu")
    ZoneFactory(name="Strefa WTZ")
    response = admin_client.get(reverse("wagtailsnippets_zones_zone:list"), {"q": "Biznesu"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Strefa Biznesu" in html
    assert "Strefa WTZ" not in html


def test_taken_slug_is_reported_next_to_the_field_not_as_an_error_page(admin_client, locales):
    ZoneFactory(slug="wtz")
    response = admin_client.post(
        reverse("wagtailsnippets_zones_zone:add") + "?locale=pl",
        {
            "name": "Druga strefa WTZ",
            "slug": "wtz",
            "intro": "Tekst",
            "audience": "Warsztaty",
            "colour": "teal",
            "icon": "workshop",
            "sort_order": 5,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [
        "Inna strefa w tym języku ma już ten identyfikator."
    ]
    assert one(response, 'form input[name="name"]')["value"] == "Druga strefa WTZ"
    assert Zone.objects.filter(slug="wtz").count() == 1
