"""News: the listing and its archive, articles, feeds and what search engines see."""

import datetime

import feedparser
import pytest
from pytest_django.asserts import assertInHTML
from wagtail_factories import ImageFactory

from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import NewsIndexPageFactory, NewsPageFactory, ZoneFactory, ZonePageFactory
from tests.html import json_ld, links, one, parse, select, text_of, texts
from tests.zones.conftest import add_tagged_page

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home, intro="Co słychać w projekcie.")


@pytest.fixture
def zones(locales):
    return {
        "wtz": ZoneFactory(slug="wtz", name="Strefa WTZ"),
        "biznes": ZoneFactory(slug="biznes", name="Strefa Biznesu"),
    }


def article(index, title, date, zones=()):
    return NewsPageFactory(parent=index, title=title, date=date, zones=list(zones))


def test_listing_shows_newest_first_and_paginates(client, news_index):
    for day in range(12):
        article(news_index, f"Wiadomość {day:02d}", datetime.date(2026, 3, 1 + day))
    page = parse(client.get(news_index.url))
    titles = texts(page, "li.news-item .news-item__title")
    assert titles[:3] == ["Wiadomość 11", "Wiadomość 10", "Wiadomość 09"]
    assert len(titles) == 10
    assert "12 artykułów" in text_of(page)
    assert len(select(client.get(news_index.url + "?page=2"), "li.news-item")) == 2


def test_listing_filters_by_zone_and_year_and_counts_each_year(client, news_index, zones):
    article(news_index, "O warsztatach", datetime.date(2025, 5, 1), [zones["wtz"]])
    article(news_index, "O firmach", datetime.date(2025, 6, 1), [zones["biznes"]])
    article(news_index, "Znowu o warsztatach", datetime.date(2026, 2, 1), [zones["wtz"]])
    html = client.get(news_index.url).content.decode()
    assertInHTML('<li><a href="?year=2025">2025</a> (2)</li>', html)
    assertInHTML('<li><a href="?year=2026">2026</a> (1)</li>', html)
    by_zone = texts(client.get(news_index.url + "?zone=wtz"), ".news-item__title")
    assert by_zone == ["Znowu o warsztatach", "O warsztatach"]
    by_year = texts(client.get(news_index.url + "?zone=wtz&year=2025"), ".news-item__title")
    assert by_year == ["O warsztatach"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?year=abcd", 400),
        ("?year=1999", 400),
        ("?zone=nie-ma", 400),
        ("?page=abc", 404),
        ("?page=999", 404),
    ],
)
def test_bad_listing_input_is_a_4xx_with_a_message(client, news_index, query, status):
    article(news_index, "Jedyna wiadomość", datetime.date(2026, 1, 5))
    response = client.get(news_index.url + query)
    assert response.status_code == status
    if status == 400:
        page = parse(response)
        assert text_of(one(page, ".field__error"))
        assert texts(page, ".news-item__title") == ["Jedyna wiadomość"]


def test_article_links_to_previous_and_next_in_date_order(client, news_index):
    first = article(news_index, "Pierwsza", datetime.date(2026, 1, 1))
    middle = article(news_index, "Środkowa", datetime.date(2026, 2, 1))
    last = article(news_index, "Ostatnia", datetime.date(2026, 3, 1))
    page = parse(client.get(middle.url))
    assert one(page, "a[rel=prev]")["href"] == first.url
    assert one(page, "a[rel=next]")["href"] == last.url
    assert select(client.get(first.url), "a[rel=prev]") == []
    assert select(client.get(last.url), "a[rel=next]") == []


def test_article_suggests_related_articles_from_its_zones(client, news_index, zones):
    current = article(news_index, "Bieżąca", datetime.date(2026, 3, 1), [zones["wtz"]])
    article(news_index, "Podobna", datetime.date(2026, 2, 1), [zones["wtz"]])
    article(news_index, "Inna", datetime.date(2026, 2, 2), [zones["biznes"]])
    related = one(client.get(current.url), 'section[aria-labelledby="related-heading"]')
    assert [text for text, _ in links(related)] == ["Podobna"]


def test_article_describes_itself_to_search_engines_and_social_media(client, news_index):
    page = article(news_index, "Strategia obroniona", datetime.date(2026, 3, 6))
    html = client.get(page.url).content.decode()
    data = json_ld(html, "NewsArticle")
    assert data["headline"] == "Strategia obroniona"
    assert data["datePublished"].startswith("2026-03-06T00:00:00+01:00")
    assert data["inLanguage"] == "pl"
    assert one(html, "link[rel=canonical]")["href"] == f"http://testserver{page.url}"
    assert one(html, 'meta[property="og:type"]')["content"] == "article"
    # Without a photo of its own, the preview shows the site's picture, large.
    assert one(html, 'meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_feeds_are_announced_in_the_head_of_every_page(client, news_index, home):
    head = one(client.get(home.url), "head")
    rss = one(head, 'link[rel=alternate][type="application/rss+xml"]')
    assert (rss["title"], rss["href"]) == ("RSS", f"http://testserver{news_index.url}rss/")
    assert one(head, 'link[rel=alternate][type="application/atom+xml"]')


def feed_hrefs_in_head(response):
    head = one(response, "head")
    return [link["href"] for link in select(head, "link[rel=alternate][type]")]


def test_news_index_announces_the_feeds_of_the_zone_it_is_filtered_by(client, news_index, zones):
    site = news_index.url
    assert feed_hrefs_in_head(client.get(news_index.url)) == [f"{site}rss/", f"{site}atom/"]
    filtered = client.get(news_index.url, {"zone": "wtz"})
    assert feed_hrefs_in_head(filtered) == [f"{site}rss/wtz/", f"{site}atom/wtz/"]


def test_zone_news_announces_the_zone_feeds_in_place_of_the_site_feeds(
    client, news_index, zones, home
):
    zone_page = ZonePageFactory(parent=home, zone=zones["wtz"])
    site = f"http://testserver{news_index.url}"
    response = client.get(zone_page.listing_url("news"))
    assert feed_hrefs_in_head(response) == [f"{site}rss/wtz/", f"{site}atom/wtz/"]
    assert feed_hrefs_in_head(client.get(zone_page.url)) == [f"{site}rss/", f"{site}atom/"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_site_feed_parses_and_lists_articles_with_dates(client, news_index, zones, kind):
    article(news_index, "Pierwsza", datetime.date(2026, 1, 10), [zones["wtz"]])
    article(news_index, "Druga", datetime.date(2026, 2, 20), [zones["biznes"]])
    response = client.get(f"{news_index.url}{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Druga", "Pierwsza"]
    assert feed.entries[0].link.startswith("http://testserver/pl/aktualnosci/")
    published = feed.entries[1].get("published_parsed") or feed.entries[1].get("updated_parsed")
    assert published[:3] == (2026, 1, 9)  # midnight in Warsaw is 23:00 UTC the day before
    if kind == "rss":
        assert feed.feed.language == "pl"
    else:
        assert feed.feed.author == "Portal WTZ"


def test_zone_feed_lists_only_that_zones_articles(client, news_index, zones):
    article(news_index, "O warsztatach", datetime.date(2026, 1, 10), [zones["wtz"]])
    article(news_index, "O firmach", datetime.date(2026, 2, 20), [zones["biznes"]])
    feed = feedparser.parse(client.get(f"{news_index.url}rss/wtz/").content)
    assert [entry.title for entry in feed.entries] == ["O warsztatach"]
    assert "Strefa WTZ" in feed.feed.title
    assert client.get(f"{news_index.url}rss/nie-ma/").status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_links_in_head_and_in_the_feed_lead_to_the_site_address(
    client, news_index, zones, home, public_address, kind
):
    page = article(news_index, "Pierwsza", datetime.date(2026, 1, 10), [zones["wtz"]])
    feed_url = f"{public_address}{news_index.url}{kind}/"
    head = one(client.get(home.url, HTTP_HOST="127.0.0.1:8000"), "head")
    assert select(head, f'link[rel="alternate"][href="{feed_url}"]')

    response = client.get(f"{news_index.url}{kind}/", HTTP_HOST="127.0.0.1:8000")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.link == f"{public_address}{news_index.url}"
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [feed_url]
    (entry,) = feed.entries
    assert entry.link == f"{public_address}{page.url}"
    assert entry.id == entry.link
    if kind == "atom":
        assert feed.feed.id == feed_url


def test_article_json_ld_and_shared_image_lead_to_the_site_address(
    client, news_index, public_address
):
    page = article(news_index, "Ze zdjęciem", datetime.date(2026, 3, 6))
    page.image, page.image_alt = ImageFactory(), "Uczestnicy spotkania"
    page.save_revision().publish()
    html = client.get(page.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    data = json_ld(html, "NewsArticle")
    assert data["mainEntityOfPage"] == f"{public_address}{page.url}"
    (image,) = data["image"]
    assert image.startswith(f"{public_address}/media/images/")
    assert one(html, 'meta[property="og:image"]')["content"] == image


def test_home_and_zone_pages_show_the_latest_three(client, news_index, zones, home):
    zone_page = ZonePageFactory(parent=home, zone=zones["wtz"])
    for day in range(1, 6):
        article(news_index, f"Strefowa {day}", datetime.date(2026, 1, day), [zones["wtz"]])
    article(news_index, "Biznesowa", datetime.date(2026, 1, 9), [zones["biznes"]])
    assert texts(client.get(home.url), ".news-item__title") == [
        "Biznesowa",
        "Strefowa 5",
        "Strefowa 4",
    ]
    section = one(client.get(zone_page.url), 'section[aria-labelledby="section-news"]')
    assert texts(section, ".news-item__title") == ["Strefowa 5", "Strefowa 4", "Strefowa 3"]
    sub_view = texts(client.get(zone_page.url + "aktualnosci/"), ".news-item__title")
    assert sub_view == [f"Strefowa {day}" for day in range(5, 0, -1)]


def test_news_listing_costs_the_same_queries_for_2_and_12(
    client, news_index, zones, assert_queries_do_not_grow
):
    photo = ImageFactory()

    def add(count, zone):
        for day in range(count):
            add_tagged_page(
                news_index,
                NewsPageFactory,
                [zones[zone]],
                title=f"{zone} {day}",
                date=datetime.date(2026, 1, 1) - datetime.timedelta(days=day),
                image=photo,
                image_alt="Uczestnicy spotkania",
            )

    add(2, "wtz")
    assert_queries_do_not_grow(news_index.url, lambda: add(10, "biznes"))
    assert len(select(client.get(news_index.url), "li.news-item")) == 10  # and a next page


def test_english_listing_and_feed_show_english_articles_with_english_zone_names(
    client, news_index, zones, home_en, locales
):
    polish = article(news_index, "Po polsku", datetime.date(2026, 2, 1), [zones["wtz"]])
    article(news_index, "Tylko po polsku", datetime.date(2026, 2, 2), [zones["wtz"]])
    english_zone = zones["wtz"].copy_for_translation(locales["en"])
    english_zone.name = "WTZ Zone"
    english_zone.save()
    english_index = news_index.copy_for_translation(locales["en"])
    english_index.title, english_index.slug = "News", "news"
    english_index.save_revision().publish()
    english = polish.copy_for_translation(locales["en"])
    english.title, english.slug = "In English", "in-english"
    english.save_revision().publish()
    with translation.override("en"):
        html = client.get("/en/news/?zone=wtz").content.decode()
        feed = feedparser.parse(client.get("/en/news/rss/wtz/").content)
    assert texts(html, ".news-item__title") == ["In English"]
    assert texts(html, ".news-item__meta .zone-mark__name") == ["WTZ Zone"]
    assert [entry.title for entry in feed.entries] == ["In English"]
    assert feed.feed.language == "en"
    assert feed.entries[0].tags[0].term == "WTZ Zone"


def test_article_slug_cannot_hide_a_feed(news_index):
    with pytest.raises(ValidationError):
        NewsPageFactory(parent=news_index, slug="rss")
