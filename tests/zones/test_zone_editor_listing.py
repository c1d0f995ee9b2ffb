"""The admin's listing of a shared index (news): a moderator sees each item's zones and
filters by zone; it costs a zone editor (and a moderator) a fixed number of queries,
however many items it shows: the zone rule is checked for all rows at once."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.news.models import NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, ZoneFactory
from tests.html import select, text_of, texts
from zones.editing import set_up_editing, set_up_moderators

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def zones(locales):
    return [
        ZoneFactory(slug="wtz", name="Strefa WTZ"),
        ZoneFactory(slug="biznes", name="Strefa Biznesu"),
    ]


@pytest.fixture
def zone_editor(django_user_model, news_index, zones):
    set_up_editing()
    zones[0].refresh_from_db()
    user = django_user_model.objects.create_user(username="redakcja-wtz", password="x")
    user.groups.add(zones[0].editor_group)
    return user


def listing_queries(client, index):
    """The queries of the listing once the caches are warm (a new page renews them)."""
    client.get(f"/admin/pages/{index.pk}/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/pages/{index.pk}/")
    assert response.status_code == 200
    return len(queries), response


def test_zone_editors_news_listing_costs_the_same_for_few_and_many_items(
    client, zone_editor, news_index, zones
):
    NewsPageFactory(parent=news_index, zones=[zones[0]])
    NewsPageFactory(parent=news_index, zones=[zones[1]])
    client.force_login(zone_editor)
    few, _response = listing_queries(client, news_index)

    for number in range(6):
        NewsPageFactory(parent=news_index, zones=[zones[number % 2]])
    many, response = listing_queries(client, news_index)

    assert many == few
    # Only the news of the editor's own zone can be edited from the listing.
    edit_links = {link["href"] for link in select(response, 'a[href$="/edit/"]')}
    own = {f"/admin/pages/{page.pk}/edit/" for page in NewsPage.objects.filter(zones=zones[0])}
    others = {f"/admin/pages/{page.pk}/edit/" for page in NewsPage.objects.filter(zones=zones[1])}
    assert own <= edit_links
    assert not others & edit_links
    # ...and only those offer "Translate this page" (none has an English version yet).
    translate_links = {
        link["href"] for link in select(response, 'tbody a[href*="/localize/submit/page/"]')
    }
    assert translate_links == {
        f"/admin/localize/submit/page/{page.pk}/"
        for page in NewsPage.objects.filter(zones=zones[0])
    }


def translate_links(response, page):
    """The "Translate this page" links to `page` anywhere on the admin page (the header)."""
    return select(response, f'a[href="/admin/localize/submit/page/{page.pk}/"]')


def test_the_page_header_offers_translate_only_on_pages_the_editor_may_translate(
    client, zone_editor, news_index, zones
):
    own = NewsPageFactory(parent=news_index, zones=[zones[0]])
    other = NewsPageFactory(parent=news_index, zones=[zones[1]])
    client.force_login(zone_editor)
    # Wagtail's explorer shows any page of the index with its header buttons.
    for page, offered in [(own, True), (other, False)]:
        response = client.get(f"/admin/pages/{page.pk}/")
        assert response.status_code == 200
        assert bool(translate_links(response, page)) == offered


@pytest.fixture
def moderator(django_user_model, news_index):
    user = django_user_model.objects.create_user(username="moderacja", password="x")
    user.groups.add(set_up_moderators())
    return user


def test_moderator_sees_the_zones_of_each_item_and_filters_by_zone(
    client, moderator, news_index, zones
):
    wtz = NewsPageFactory(parent=news_index, title="Z warsztatów", zones=[zones[0]])
    NewsPageFactory(parent=news_index, title="Dla firm", zones=[zones[1]])
    both = NewsPageFactory(parent=news_index, title="Dla wszystkich", zones=zones)
    client.force_login(moderator)

    few, response = listing_queries(client, news_index)
    assert "Strefy" in texts(response, "table thead th")
    rows = [text_of(row) for row in select(response, "table tbody tr")]
    assert any("Z warsztatów" in row and "Strefa WTZ" in row for row in rows)
    assert any("Dla wszystkich" in row and "Strefa WTZ, Strefa Biznesu" in row for row in rows)

    filtered = client.get(f"/admin/pages/{news_index.pk}/?zones={zones[0].pk}")
    rows = " ".join(text_of(row) for row in select(filtered, "table tbody tr"))
    assert wtz.title in rows and both.title in rows
    assert "Dla firm" not in rows

    for _number in range(5):
        NewsPageFactory(parent=news_index, zones=zones)
    many, response = listing_queries(client, news_index)
    assert many == few
    translate_links = select(response, 'tbody a[href*="/localize/submit/page/"]')
    assert len(translate_links) == NewsPage.objects.count()
