"""Sections of the home page contributed by the content families (the zone cards, latest
news, next events, new reports). A family registers a `HomeSection` with the Wagtail hook
``register_home_section`` in its own ``wagtail_hooks.py``; the home page shows those with
items, so core does not depend on the families."""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOOK_NAME = "register_home_section"


@dataclass(frozen=True)
class HomeSection:
    """`items(home, limit)` returns the newest items; `url(home)` the full listing (or "").
    `heading(home)`, when given, is the section's heading on that home page (a field editors
    may fill), in place of `title`."""

    name: str
    title: str
    all_label: str
    items: Callable
    url: Callable
    template: str
    order: int = 100
    heading: Callable | None = None

    def heading_on(self, home):
        """The heading shown above the section on `home`."""
        return (self.heading(home) if self.heading else "") or self.title


def listing_url(home, page_type):
    """The URL of the first live child of `home` of `page_type` (a section's full
    listing), or "": the sections share one query of `home`'s live children, kept on
    `home` for the request."""
    children = home.__dict__.get("_live_children")
    if children is None:
        children = home.__dict__["_live_children"] = list(home.get_children().live())
    index = next((page for page in children if issubclass(page.specific_class, page_type)), None)
    return index.url if index is not None else ""


def index_page(page_type, locale):
    """The first live page of `page_type` (a family's index: news, events) in `locale`, or
    None; with its locale, which its URLs and feeds read, in the same query."""
    return page_type.objects.live().filter(locale=locale).select_related("locale").first()


def home_sections(home, limit=3):
    sections = []
    for section in sorted(
        (register() for register in hooks.get_hooks(HOOK_NAME)), key=lambda s: s.order
    ):
        items = section.items(home, limit)
        if items:
            sections.append(
                {
                    "section": section,
                    "title": section.heading_on(home),
                    "items": items,
                    "url": section.url(home),
                }
            )
    return sections
