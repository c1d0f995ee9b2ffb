"""Listed items and blank filter forms kept as fragments ({% item_fragment %}): a visitor
never sees an item as it was before the editor's last publish, nor another visitor's
filters in the form."""

import pytest

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.html import one, texts

pytestmark = pytest.mark.django_db


def test_a_listed_article_shows_its_new_title_as_soon_as_it_is_published(client, home):
    index = NewsIndexPageFactory(parent=home)
    article = NewsPageFactory(parent=index, title="Stary tytuł")
    assert texts(client.get(index.url), ".news-item__title") == ["Stary tytuł"]
    article.title = "Nowy tytuł"
    article.save_revision().publish()
    assert texts(client.get(index.url), ".news-item__title") == ["Nowy tytuł"]


def test_the_filter_form_shows_the_visitors_own_choice_after_a_blank_one_was_kept(client, home):
    index = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=index, city="Kalisz")
    EventPageFactory(parent=index, city="Poznań")
    blank = client.get(index.url)
    assert one(blank, "select[name=city] option[selected]").get("value") == ""
    filled = client.get(index.url + "?city=Kalisz")
    assert one(filled, "select[name=city] option[selected]").get("value") == "Kalisz"
    assert texts(filled, ".filters a") == ["Wyczyść filtry"]
    assert texts(client.get(index.url), ".filters a") == []
