"""Reader options (text size, high contrast): a plain link sets a first-party cookie and
goes back to the page; the pages stay the same for every visitor (the page cache) and a
private style sheet carries the choice."""

import pytest

from portal.easyread.reader import COOKIE
from tests.html import links

pytestmark = pytest.mark.django_db


def choose(client, **query):
    return client.get("/reader-options/", {**query, "next": "/pl/"})


def test_a_link_remembers_the_choice_and_goes_back_to_the_page(client, home):
    response = choose(client, text="3")

    assert response.status_code == 303
    assert response["Location"] == "/pl/"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "3-normal"
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 365 * 24 * 60 * 60

    response = choose(client, contrast="high")
    assert response.cookies[COOKIE].value == "3-high"  # the text size is kept


def test_a_link_never_leads_to_another_site(client, home):
    response = client.get("/reader-options/", {"text": "2", "next": "https://evil.example/"})
    assert response.status_code == 303
    assert response["Location"] == "/"


@pytest.mark.parametrize("query", [{"text": "7"}, {"contrast": "pink"}, {}])
def test_an_unknown_option_is_a_clear_400(client, home, query):
    response = choose(client, **query)
    assert response.status_code == 400
    assert "rozmiar tekstu" in response.content.decode()
    assert COOKIE not in response.cookies


@pytest.mark.parametrize(
    ("cookie", "expected", "absent"),
    [
        ("", [], ["font-size", "--colour-text"]),
        ("2-normal", ["font-size: 125%"], ["--colour-text"]),
        ("3-normal", ["font-size: 150%"], ["--colour-text"]),
        ("1-high", ["--colour-text: #000", "--colour-bg: #fff"], ["font-size: 1"]),
        ("3-high", ["font-size: 150%", "--colour-text: #000"], []),
        ("garbage", [], ["font-size", "--colour-text"]),
    ],
)
def test_the_style_sheet_follows_the_choice_and_is_private(client, cookie, expected, absent):
    client.cookies[COOKIE] = cookie
    response = client.get("/reader-options/style.css")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    css = response.content.decode()
    for text in expected:
        assert text in css
    for text in absent:
        assert text not in css
    options = cookie if cookie in ("2-normal", "3-normal", "1-high", "3-high") else "1-normal"
    text, contrast = options.split("-")
    assert f".reader-bar__option--text-{text},\n.reader-bar__option--contrast-{contrast} {{" in css


def test_pages_stay_shared_whatever_the_choice(client, home, settings):
    """The options are plain links on the page and a style sheet, never written into the
    HTML: a visitor with a choice gets the cached page everyone gets."""
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/pl/")
    client.cookies[COOKIE] = "3-high"
    second = client.get("/pl/")

    assert "public" in first["Cache-Control"]
    assert second.content == first.content
    sizes = [href for text, href in links(second, ".reader-bar__options a")]
    assert "/reader-options/?text=3&next=%2Fpl%2F" in sizes
    assert "/reader-options/?contrast=high&next=%2Fpl%2F" in sizes
