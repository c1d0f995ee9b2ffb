"""Success stories: listed on their own page and in the zones they belong to."""

import datetime

import pytest
from wagtail_factories import ImageFactory

from django.core.exceptions import ValidationError

from tests.factories import ZoneFactory, ZonePageFactory
from tests.handbook.conftest import make_story
from tests.html import links, one, select, text_of, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def zones(home):
    wtz = ZoneFactory(slug="wtz", name="Strefa WTZ")
    business = ZoneFactory(slug="biznes", name="Strefa Biznesu")
    return {
        "wtz": (wtz, ZonePageFactory(parent=home, zone=wtz, slug="strefa-wtz")),
        "biznes": (business, ZonePageFactory(parent=home, zone=business, slug="strefa-biznesu")),
    }


@pytest.mark.smoke
def test_the_index_lists_stories_youngest_first(client, stories):
    make_story(stories, [], "Starsza", datetime.date(2014, 1, 1))
    make_story(stories, [], "Nowsza", datetime.date(2016, 1, 1))
    cards = select(client.get(stories.url), "li.story-card")
    assert [text_of(one(card, ".card__title")) for card in cards] == ["Nowsza", "Starsza"]
    assert text_of(one(cards[0], ".story-card__meta")).endswith("od 2016")


def test_a_zone_page_shows_its_stories_and_not_the_others(client, stories, zones):
    make_story(stories, [zones["wtz"][0]], "Piekarnia")
    make_story(stories, [zones["biznes"][0]], "Ogrody")
    section = one(client.get("/pl/strefa-wtz/"), 'section[aria-labelledby="section-stories"]')
    assert texts(section, ".story-card .card__title") == ["Piekarnia"]
    assert "/pl/strefa-wtz/sukcesy/" in [href for _, href in links(section)]
    listing = client.get("/pl/strefa-wtz/sukcesy/")
    assert texts(listing, ".story-card .card__title") == ["Piekarnia"]


def test_a_zone_without_stories_has_no_stories_section(client, stories, zones):
    assert select(client.get("/pl/strefa-biznesu/"), "#section-stories") == []


def test_a_story_shows_its_facts(client, stories, zones):
    story = make_story(stories, [zones["wtz"][0]], "Piekarnia")
    main = text_of(one(client.get(story.url), "main"))
    for fact in ("Spółdzielnia Piekarnia", "Konin", "1 maja 2015", "Strefa WTZ"):
        assert fact in main


def test_a_photo_needs_a_description(stories):
    from wagtail_factories import ImageFactory

    story = make_story(stories, [], "Piekarnia")
    story.photo = ImageFactory()
    story.photo_alt = ""
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "photo_alt" in error.value.message_dict


def test_story_cards_with_photos_cost_the_same_queries_for_2_and_6(
    client, stories, assert_queries_do_not_grow
):
    """Each card's photo is a lazy `<picture>` whose renditions come with the list (one
    photo for all, so its renditions are made once: each card still reads its own)."""
    photo = ImageFactory()

    def story_with_photo(number):
        story = make_story(stories, [], f"Piekarnia{number}", datetime.date(2015, 1, number))
        story.photo, story.photo_alt = photo, "Członkowie spółdzielni"
        story.save_revision().publish()

    for number in (1, 2):
        story_with_photo(number)
    assert_queries_do_not_grow(stories.url, lambda: [story_with_photo(n) for n in range(3, 7)])
    img = select(client.get(stories.url), "li.story-card picture img")[0]
    assert (img["alt"], img["loading"]) == ("", "lazy")
