"""The addresses to look at: one page of every page type, in each language, with its
sub-views, and the pages that are not Wagtail pages (site search, "not found").

Runs in a process of its own (`python -m review.pages`, started with the environment of the
served site), because it sets Django up with that site's settings and database, away from
Playwright's event loop. Prints one JSON object per address: label, language, path.
"""

import json

import django
from django.urls import reverse
from django.utils import translation

SEARCH_WORDS = {"pl": "spółdzielnia", "en": "cooperative"}


def page_addresses():
    """The first live, public page of every type in each language, and its sub-views."""
    from wagtail.models import Page  # noqa: PLC0415 - only after django.setup()

    seen = set()
    pages = Page.objects.live().public().exclude(depth=1).select_related("locale").specific()
    for page in pages.order_by("path"):
        language = page.locale.language_code
        page_type = type(page).__name__
        if (page_type, language) in seen or page.url is None:
            continue
        seen.add((page_type, language))
        yield page_type, language, page.url
        yield from subview_addresses(page, page_type, language)


def subview_addresses(page, page_type, language):
    """A routable page's sub-views from its sitemap: each named route, and one of the items
    it lists by number (one step of the model stands for all twelve)."""
    subviews = getattr(page, "sitemap_subviews", dict)()
    routes = set(page.sitemap_route_names()) if subviews else set()
    items = [below for name, below in subviews.items() if name and name not in routes]
    for name in sorted(routes):
        yield f"{page_type}-{name}", language, page.url + subviews[name]
    if items:
        yield f"{page_type}-item", language, page.url + items[0]


def other_addresses(languages):
    """The site search with a query, and an address that does not exist, per language."""
    for language in languages:
        with translation.override(language):
            search = reverse("site_search")
        yield "search-results", language, f"{search}?q={SEARCH_WORDS.get(language, 'wtz')}"
        yield "not-found", language, f"/{language}/no-such-page/"


def main():
    """Set Django up from the environment and print the addresses, one JSON line each."""
    django.setup()
    found = list(page_addresses())
    languages = sorted({language for _, language, _ in found})
    for label, language, path in [*found, *other_addresses(languages)]:
        print(json.dumps({"label": label, "language": language, "path": path}))


if __name__ == "__main__":
    main()
