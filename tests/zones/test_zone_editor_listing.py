"""The admin's listing of a shared index (news) costs a zone editor a fixed number of
queries, however many items it shows: the zone rule is checked for all rows at once."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.news.models import NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, ZoneFactory
from tests.html import select
from zones.editing import set_up_editing

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
