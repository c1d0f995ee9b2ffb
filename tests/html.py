"""Readers of rendered HTML shared by the tests: CSS selectors over the parsed page
(BeautifulSoup with soupsieve, both installed with Wagtail), so a test names the element it
means instead of searching the raw markup for a string. For a whole fragment, use
`assertInHTML` from pytest_django.asserts, which compares parsed HTML too."""

import json

from bs4 import BeautifulSoup, Tag


def parse(page):
    """The parsed document of a response or an HTML string; an element stays itself. A
    response is parsed once, however many times a test reads it."""
    if isinstance(page, Tag):
        return page
    if isinstance(page, str):
        return BeautifulSoup(page, "html.parser")
    if getattr(page, "parsed_html", None) is None:
        page.parsed_html = BeautifulSoup(page.content.decode(), "html.parser")
    return page.parsed_html


def select(page, selector):
    """Every element that matches the CSS `selector`, in document order."""
    return parse(page).select(selector)


def one(page, selector):
    """The only element that matches `selector`; fails when there is none or several."""
    found = select(page, selector)
    assert len(found) == 1, f"{len(found)} elements match {selector!r}"
    return found[0]


def texts(page, selector):
    """The visible text of each element that matches `selector`, whitespace collapsed."""
    return [text_of(element) for element in select(page, selector)]


def text_of(element):
    """An element's text as it reads on the page, whitespace runs collapsed to one space."""
    return " ".join(element.get_text().split())


def links(page, selector="a"):
    """(text, href) of each link matching `selector`."""
    return [(text_of(link), link.get("href")) for link in select(page, selector)]


def switcher_href(html, code):
    """The language switcher's link to language `code` (unescaped, ready to follow)."""
    return one(html, f'.language-switcher a[hreflang="{code}"]')["href"]


def json_ld(page, schema_type):
    """The one schema.org object of `schema_type` in the page's JSON-LD scripts (a script's
    object, or an item of its @graph)."""
    found = []
    for script in select(page, 'script[type="application/ld+json"]'):
        data = json.loads(script.string)
        found += [item for item in data.get("@graph", [data]) if item.get("@type") == schema_type]
    assert len(found) == 1, f"{len(found)} JSON-LD objects of type {schema_type!r}"
    return found[0]
