"""Sections of the home page contributed by the content families (latest news, next
events, new reports). A family registers a `HomeSection` with the Wagtail hook
``register_home_section`` in its own ``wagtail_hooks.py``; the home page shows those with
items, so core does not depend on the families."""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOOK_NAME = "register_home_section"


@dataclass(frozen=True)
class HomeSection:
    """`items(home, limit)` returns the newest items; `url(home)` the full listing (or "")."""

    name: str
    title: str
    all_label: str
    items: Callable
    url: Callable
    template: str
    order: int = 100


def home_sections(home, limit=3):
    sections = []
    for section in sorted(
        (register() for register in hooks.get_hooks(HOOK_NAME)), key=lambda s: s.order
    ):
        items = section.items(home, limit)
        if items:
            sections.append({"section": section, "items": items, "url": section.url(home)})
    return sections
