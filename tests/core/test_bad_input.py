"""Malformed input found on the site, one test per case: each answered with a 4xx and the
site's own page, never a 500 (tests/core/test_malformed_requests_property.py searches for
more)."""

import pytest

from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

# --- the language switcher


@pytest.mark.parametrize("page", ["²", "٣", "1_0", "9999999999", "99999999999999999999"])
def test_a_page_id_that_is_no_plain_number_leads_to_that_languages_home(client, home_en, page):
    response = client.get(f"/language/en/?page={page}")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


# --- page numbers of listings


@pytest.fixture
def news(home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index)
    return index


def test_the_first_page_of_a_listing_is_page_1(client, news):
    assert client.get(f"{news.url}?page=1").status_code == 200


@pytest.mark.parametrize("page", ["١", "１", "²", " 1", "1_0", "+1", "99999999999999999999"])
def test_a_page_number_in_other_than_ascii_digits_is_a_page_that_does_not_exist(client, news, page):
    response = client.get(news.url, {"page": page})

    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()
