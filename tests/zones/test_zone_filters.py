"""The zone filter above the listings of zone-tagged pages (zones.filters.ZoneFilterSet)."""

import pytest

from django.utils import translation

from portal.news.models import NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, ZoneFactory
from zones.filters import ZoneFilterSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_news(home, locales):
    wtz = ZoneFactory(slug="wtz", name="Strefa WTZ")
    english = wtz.copy_for_translation(locales["en"])
    english.name = "WTZ zone"
    english.save()
    business = ZoneFactory(slug="biznes", name="Strefa Biznesu")
    index = NewsIndexPageFactory(parent=home)
    return {
        "wtz": NewsPageFactory(parent=index, zones=[wtz]),
        "biznes": NewsPageFactory(parent=index, zones=[business]),
    }


def test_the_zones_are_offered_in_the_listings_language_by_their_slug(tagged_news, locales):
    filters = ZoneFilterSet({}, NewsPage.objects.all(), locale=locales["en"])
    with translation.override("en"):
        choices = [(value, str(label)) for value, label in filters.form.fields["zone"].choices]
    assert choices == [("", "All zones"), ("wtz", "WTZ zone"), ("biznes", "Strefa Biznesu")]


def test_a_zone_lets_through_the_pages_tagged_with_it(tagged_news, locales):
    filters = ZoneFilterSet({"zone": "wtz"}, NewsPage.objects.all(), locale=locales["en"])
    assert list(filters.listing()) == [tagged_news["wtz"]]


def test_an_unknown_zone_is_explained_and_the_list_is_not_filtered(tagged_news, locales):
    filters = ZoneFilterSet(
        {"zone": "nie-ma"}, NewsPage.objects.order_by("pk"), locale=locales["pl"]
    )
    assert list(filters.errors) == ["zone"]
    assert list(filters.listing()) == [tagged_news["wtz"], tagged_news["biznes"]]
    assert filters.form.query_string == ""
