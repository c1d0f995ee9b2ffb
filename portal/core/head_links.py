"""Links that content families add to the <head> of every page (the news feeds, say).

A family registers a function ``links(request, page)`` that returns `HeadLink`s with the
Wagtail hook ``register_head_links`` in its own ``wagtail_hooks.py``; base.html prints what
they return through the ``head_links`` tag, outside any block, so no page depends on the
families' apps and no page template can drop another family's links. A page that has links
of its own adds them in the ``extra_head_links`` block.
"""

from dataclasses import dataclass

from wagtail import hooks

HEAD_LINKS_HOOK = "register_head_links"


@dataclass(frozen=True)
class HeadLink:
    """One <link> element: `rel` and `href`, with the `type` and `title` feeds announce."""

    rel: str
    href: str
    type: str = ""
    title: str = ""


def head_links(request, page):
    """Every registered family's links for this page, in the order of INSTALLED_APPS."""
    return [link for links in hooks.get_hooks(HEAD_LINKS_HOOK) for link in links(request, page)]
