"""Success stories: listed on their own page and in the zones they belong to."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from tests.factories import ZoneFactory, ZonePageFactory
from tests.handbook.conftest import make_story

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
    html = client.get(stories.url).content.decode()
    assert html.index("Nowsza") < html.index("Starsza")
    assert "od 2016" in html


def test_a_zone_page_shows_its_stories_and_not_the_others(client, stories, zones):
    make_story(stories, [zones["wtz"][0]], "Piekarnia")
    make_story(stories, [zones["biznes"][0]], "Ogrody")
    html = client.get("/pl/strefa-wtz/").content.decode()
    assert "Piekarnia" in html and "Ogrody" not in html
    assert 'href="/pl/strefa-wtz/sukcesy/"' in html
    listing = client.get("/pl/strefa-wtz/sukcesy/").content.decode()
    assert "Piekarnia" in listing and "Ogrody" not in listing


def test_a_zone_without_stories_has_no_stories_section(client, stories, zones):
    html = client.get("/pl/strefa-biznesu/").content.decode()
    assert 'id="section-stories"' not in html


def test_a_story_shows_its_facts(client, stories, zones):
    story = make_story(stories, [zones["wtz"][0]], "Piekarnia")
    html = client.get(story.url).content.decode()
    assert "Spółdzielnia Piekarnia" in html
    assert "Konin" in html
    assert "1 maja 2015" in html
    assert "Strefa WTZ" in html


def test_a_photo_needs_a_description(stories):
    from wagtail_factories import ImageFactory

    story = make_story(stories, [], "Piekarnia")
    story.photo = ImageFactory()
    story.photo_alt = ""
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "photo_alt" in error.value.message_dict
