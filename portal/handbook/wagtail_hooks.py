from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from zones.listings import tagged_listing

from .models import published_stories

STORIES_PER_PAGE = 12


@hooks.register("register_zone_listing")
def stories_listing():
    return tagged_listing(
        items=published_stories,
        per_page=STORIES_PER_PAGE,
        template="handbook/zone_stories.html",
        name="stories",
        route=_("success-stories/"),
        title=_("Success stories"),
        all_label=_("All success stories of this zone"),
        section_template="handbook/includes/story_list.html",
        order=50,
    )
