from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail import hooks

from portal.core.robots import ROBOTS_DISALLOW_HOOK


@hooks.register(ROBOTS_DISALLOW_HOOK)
def search_results_paths():
    """Search engines leave the results pages alone: endless combinations of queries."""
    found = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.append(reverse("site_search"))
    return found
