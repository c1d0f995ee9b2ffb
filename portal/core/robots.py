"""robots.txt: what search engines should leave alone, and where the sitemap is.

The admin, the site search's result pages (endless combinations of queries) and the
sub-views that exist only for one visitor (signing up for an event, the confirmation, the
cancel link from an e-mail) are kept out of search engines' indexes. A content family
whose routes are of that kind registers them with the Wagtail hook
``register_robots_disallow``: a function ``paths()`` that returns path patterns (Google's
and Bing's `*` wildcard allowed), so core never imports the families.
"""

from django.http import HttpResponse
from django.template import loader
from django.urls import reverse

from wagtail import hooks

from .address import absolute_url

ROBOTS_DISALLOW_HOOK = "register_robots_disallow"

# The admin; the site search registers its results pages through the hook.
SITE_DISALLOW = ("/admin/",)


def disallowed_paths():
    """Every path pattern robots are asked to leave alone, each once, in a stable order."""
    registered = [found for paths in hooks.get_hooks(ROBOTS_DISALLOW_HOOK) for found in paths()]
    return list(dict.fromkeys([*SITE_DISALLOW, *registered]))


def robots_txt(request):
    """The rules for every robot, and the sitemap index on the site's own address."""
    content = loader.render_to_string(
        "core/robots.txt",
        {"disallow": disallowed_paths(), "sitemap_url": absolute_url(reverse("sitemap"))},
    )
    return HttpResponse(content, content_type="text/plain; charset=utf-8")
