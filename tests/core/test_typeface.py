"""The site's own typeface and wordmark: the fonts come from our server with every Polish
letter, the regular face is preloaded from the head, and the logo link has a name."""

import io

import pytest
from fontTools.ttLib import TTFont

from tests.html import one, select

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]

FACES = [
    "/static/fonts/atkinson-hyperlegible-next-400-normal.woff2",
    "/static/fonts/atkinson-hyperlegible-next-700-normal.woff2",
    "/static/fonts/atkinson-hyperlegible-next-400-italic.woff2",
]
# Every letter of the Polish alphabet with a diacritic, the quotation marks and dashes of a
# Polish sentence, and what an English one adds.
POLISH_TEXT = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–—…’é€"


def served_font(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "font/woff2"
    return TTFont(io.BytesIO(b"".join(response.streaming_content)))


@pytest.mark.parametrize("url", FACES)
def test_each_face_is_served_with_every_polish_letter(client, url):
    font = served_font(client, url)
    characters = font.getBestCmap()
    assert font.flavor == "woff2"
    missing = [letter for letter in POLISH_TEXT if ord(letter) not in characters]
    assert missing == []


def test_regular_face_is_preloaded_from_the_head_and_resolves(client, home):
    page = client.get("/pl/")
    preload = one(page, 'head link[rel="preload"][as="font"]')
    assert preload["type"] == "font/woff2"
    assert preload.has_attr("crossorigin")  # fonts are fetched in CORS mode, or fetched twice
    assert preload["href"] == FACES[0]
    assert served_font(client, preload["href"]).getBestCmap()[ord("ł")]


def test_wordmark_links_home_with_the_portals_name(client, home):
    page = client.get("/pl/")
    link = one(page, "header .site-header__brand")
    wordmark = one(link, "img.site-header__wordmark")
    assert link["href"] == "/pl/"
    assert wordmark["alt"] == "Portal WTZ"
    assert client.get(wordmark["src"]).status_code == 200
    assert select(link, "img") == [wordmark]  # no second, unnamed picture in the link
