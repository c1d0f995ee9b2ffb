from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.core.pagination import page_of
from zones.listings import ZoneListing

from .models import published_stories

STORIES_PER_PAGE = 12


def stories_of_zone(zone_page):
    return published_stories(zone_page.locale).filter(
        zones__translation_key=zone_page.zone.translation_key
    )


def zone_stories_view(zone_page, request):
    results = page_of(request, stories_of_zone(zone_page), STORIES_PER_PAGE)
    return zone_page.render_subview(
        request, "stories", "handbook/zone_stories.html", {"results": results}
    )


@hooks.register("register_zone_listing")
def stories_listing():
    return ZoneListing(
        name="stories",
        route=_("success-stories/"),
        title=_("Success stories"),
        all_label=_("All success stories of this zone"),
        view=zone_stories_view,
        latest=lambda zone_page, limit: list(stories_of_zone(zone_page)[:limit]),
        section_template="handbook/includes/story_list.html",
        order=50,
    )
