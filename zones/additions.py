"""Sections that apps above the families add to every zone page (the subscribe form of
portal.subscriptions), after the page's own content. An app registers a `ZonePageAddition`
with the Wagtail hook ``register_zone_page_addition`` in its ``wagtail_hooks.py``; zones/
never imports it. What the template prints must be the same for every visitor: zone pages
are kept in the page cache."""

from dataclasses import dataclass

from wagtail import hooks

HOOK_NAME = "register_zone_page_addition"


@dataclass(frozen=True)
class ZonePageAddition:
    """`template` is rendered with the zone page as `page`."""

    name: str
    template: str
    order: int = 100


def zone_page_additions():
    """Every registered addition, in order."""
    additions = [register() for register in hooks.get_hooks(HOOK_NAME)]
    return sorted(additions, key=lambda addition: (addition.order, addition.name))
