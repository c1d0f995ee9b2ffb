"""How a content family (resources, reports, news, events) shows itself on a zone page.

A family registers a `ZoneListing` with the Wagtail hook ``register_zone_listing`` in its
own ``wagtail_hooks.py``; ZonePage then gains the listing's sub-view URL (its route is
translated, so /pl/strefa-wtz/materialy/ is /en/wtz-zone/resources/) and, when the
family can say what is new, a section with the latest items on the zone page. Nothing in
zones/ lists the families: an app that is not installed simply has no section. A family
of zone-tagged pages builds its listing with `tagged_listing`:

    @hooks.register("register_zone_listing")
    def stories_listing():
        return tagged_listing(
            items=published_stories, per_page=12, template="handbook/zone_stories.html",
            name="stories", route=_("success-stories/"), title=_("Success stories"), ...
        )
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import path

from wagtail import hooks

from portal.core.pagination import page_of

HOOK_NAME = "register_zone_listing"


@dataclass(frozen=True)
class ZoneListing:
    """One family's sub-view of a zone page.

    `view(zone_page, request)` answers the sub-view URL; `latest(zone_page, limit)` returns
    the newest items for the zone page's section, or None when the family has no section.
    `section_template` renders those items (with `items` and `page`); `all_label` is the
    link from the section to the sub-view.
    """

    name: str
    route: str
    title: str
    all_label: str
    view: Callable
    latest: Callable | None = None
    section_template: str = ""
    order: int = 100


def registered_listings():
    """Every family's listing, in the order their sections appear on a zone page."""
    listings = [register() for register in hooks.get_hooks(HOOK_NAME)]
    names = [listing.name for listing in listings]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"Zone listings registered twice: {sorted(duplicates)}")
    return sorted(listings, key=lambda listing: (listing.order, listing.name))


def listing_urls():
    """The URL patterns the listings add to ZonePage's routes."""
    return [
        path(listing.route, listing.view, name=listing.name) for listing in registered_listings()
    ]


def tagged_items(items, zone_page):
    """The pages of `items(locale)` tagged with the zone page's zone (in any language)."""
    return items(zone_page.locale).filter(zones__translation_key=zone_page.zone.translation_key)


def tagged_listing(*, items, per_page, template, context=None, **listing):
    """The listing of a family of zone-tagged pages: `items(locale)` gives the family's
    live pages in their order; the sub-view pages through those of the zone with `template`
    (and what `context(zone_page, request)` adds), the zone page's section shows the first
    ones. Each page's zones are named in the zone page's language."""

    def view(zone_page, request):
        results = page_of(request, tagged_items(items, zone_page), per_page)
        zone_page.localize_zones(results.object_list)
        extra = context(zone_page, request) if context else {}
        return zone_page.render_subview(
            request, listing["name"], template, {"results": results, **extra}
        )

    def latest(zone_page, limit):
        return zone_page.localize_zones(list(tagged_items(items, zone_page)[:limit]))

    return ZoneListing(view=view, latest=latest, **listing)
