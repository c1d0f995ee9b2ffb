"""The pagination links every listing shows under its results."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

from tests.html import parse, select, text_of


def pagination(total, number):
    """The pagination of page `number` of a listing of `total` items, 10 a page, in English."""
    page = Paginator(range(total), 10).page(number)
    with translation.override("en"):
        html = render_to_string("includes/pagination.html", {"results": page, "query": ""})
    return parse(html)


def test_a_long_listing_links_the_ends_and_the_pages_around_the_current_one():
    """100,000 reports make 10,000 pages: the visitor gets the first and last, two either
    side of the current page and a gap between, not 10,000 links."""
    nav = pagination(100_000, 5000)
    numbered = [text_of(item) for item in select(nav, "li")][1:-1]  # Previous … Next
    assert numbered == [
        "Page 1",
        "…",
        "Page 4998",
        "Page 4999",
        "5000",
        "Page 5001",
        "Page 5002",
        "…",
        "Page 10000",
    ]
    assert text_of(select(nav, "[aria-current=page]")[0]) == "5000"
    assert [link["href"] for link in select(nav, "a[rel=next], a[rel=prev]")] == [
        "?page=4999",
        "?page=5001",
    ]


def test_a_short_listing_links_every_page():
    nav = pagination(60, 2)
    assert [text_of(item) for item in select(nav, "li")] == [
        "Previous",
        "Page 1",
        "2",
        "Page 3",
        "Page 4",
        "Page 5",
        "Page 6",
        "Next",
    ]
