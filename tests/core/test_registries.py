"""Core learns about the content families only through what they register (Wagtail hooks):
a registration reaches the page, and a page still renders when a registration is absent."""

import pytest
from pytest_django.asserts import assertInHTML

from wagtail import blocks, hooks

from portal.core.blocks import BODY_BLOCK_HOOK, BaseStreamBlock
from portal.core.head_links import HEAD_LINKS_HOOK, HeadLink
from portal.core.models import StandardPage
from portal.core.navigation import MENU_GROUP_HOOK, MenuGroup
from portal.core.sections import HOOK_NAME as HOME_SECTION_HOOK
from tests.factories import (
    NewsIndexPageFactory,
    StandardPageFactory,
    ZoneFactory,
    ZonePageFactory,
)
from tests.html import links, one, select, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone_page(home):
    return ZonePageFactory(parent=home, zone=ZoneFactory(slug="wtz", name="Strefa WTZ"))


def head_of(client, url):
    return str(one(client.get(url), "head"))


def menu_of(client, page):
    return one(client.get(page.url), "nav.main-nav")


def test_zones_menu_group_gathers_the_zone_pages(client, home, zone_page):
    menu = menu_of(client, home)
    assert texts(menu, "details > summary") == ["Strefy"]
    assert links(menu, "details > ul > li > a") == [("Strefa WTZ", zone_page.url)]


def test_without_the_zones_menu_group_zone_pages_are_plain_menu_links(
    client, home, zone_page, monkeypatch
):
    hooks.search_for_hooks()
    monkeypatch.setitem(hooks._hooks, MENU_GROUP_HOOK, [])
    menu = menu_of(client, home)
    assert not select(menu, "summary")
    assertInHTML(f'<li><a href="{zone_page.url}">Strefa WTZ</a></li>', str(menu))


def test_a_registered_menu_group_gathers_pages_of_its_type(client, home):
    first = StandardPageFactory(parent=home, title="O projekcie", show_in_menus=True)
    second = StandardPageFactory(parent=home, title="Kontakt", show_in_menus=True)
    group = MenuGroup(label="Strony", page_type=StandardPage)
    with hooks.register_temporarily(MENU_GROUP_HOOK, lambda: group):
        menu = menu_of(client, home)
    assert texts(menu, "details > summary") == ["Strony"]
    assert links(menu, "details > ul > li > a") == [
        ("O projekcie", first.url),
        ("Kontakt", second.url),
    ]


def test_zone_cards_section_has_the_editors_heading_or_the_standard_one(client, home, zone_page):
    html = client.get(home.url).content.decode()
    assertInHTML('<h2 id="home-zones">Wybierz swoją strefę</h2>', html)
    assertInHTML(f'<a class="zone-card__link" href="{zone_page.url}">Strefa WTZ</a>', html)
    home.zones_heading = ""
    home.save_revision().publish()
    html = client.get(home.url).content.decode()
    assertInHTML('<h2 id="home-zones">Znajdź to, co Cię dotyczy</h2>', html)


def test_home_page_renders_without_any_home_section(client, home, zone_page, monkeypatch):
    hooks.search_for_hooks()
    monkeypatch.setitem(hooks._hooks, HOME_SECTION_HOOK, [])
    response = client.get(home.url)
    assert response.status_code == 200
    assert not select(response, ".home-section")


def test_news_feeds_are_head_links_of_a_page_of_another_family(client, home, standard_page):
    news = NewsIndexPageFactory(parent=home)
    head = head_of(client, standard_page.url)
    assertInHTML(
        '<link rel="alternate" type="application/atom+xml" title="Atom" '
        f'href="http://testserver{news.url}atom/">',
        head,
    )


def test_no_feed_is_announced_while_there_is_no_news_index(client, standard_page):
    assert not select(client.get(standard_page.url), '[type="application/rss+xml"]')


def test_a_registered_head_link_is_in_the_head_of_every_page(client, home, standard_page):
    def manifest(request, page):
        return [HeadLink(rel="manifest", href="/manifest.json")]

    with hooks.register_temporarily(HEAD_LINKS_HOOK, manifest):
        for page in (home, standard_page):
            assertInHTML('<link rel="manifest" href="/manifest.json">', head_of(client, page.url))


def test_a_registered_head_link_stays_beside_the_feeds_of_the_news_pages(client, home, zone_page):
    news = NewsIndexPageFactory(parent=home)

    def manifest(request, page):
        return [HeadLink(rel="manifest", href="/manifest.json")]

    with hooks.register_temporarily(HEAD_LINKS_HOOK, manifest):
        index_head = head_of(client, news.url)
        zone_news_head = head_of(client, zone_page.listing_url("news"))
    pairs = (
        (index_head, f"{news.url}atom/"),
        (zone_news_head, f"http://testserver{news.url}atom/wtz/"),
    )
    for head, feed in pairs:
        assertInHTML('<link rel="manifest" href="/manifest.json">', head)
        assertInHTML(
            f'<link rel="alternate" type="application/atom+xml" title="Atom" href="{feed}">', head
        )


def test_body_blocks_keep_their_names_and_order_with_the_poll_last():
    assert list(BaseStreamBlock().child_blocks) == [
        "heading",
        "paragraph",
        "image",
        "quote",
        "table",
        "document",
        "call_to_action",
        "poll",
    ]


def test_a_registered_body_block_is_offered_in_every_body():
    note = ("note", blocks.CharBlock(label="Note"))
    with hooks.register_temporarily(BODY_BLOCK_HOOK, lambda: note):
        names = list(BaseStreamBlock().child_blocks)
    assert names[-2:] == ["poll", "note"]
