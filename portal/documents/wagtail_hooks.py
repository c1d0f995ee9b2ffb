from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from zones.listings import ZoneListing

from .resources import latest_resources, zone_resources_view


@hooks.register("register_zone_listing")
def resources_listing():
    return ZoneListing(
        name="resources",
        route=_("resources/"),
        title=_("Resources"),
        all_label=_("All resources of this zone"),
        view=zone_resources_view,
        latest=latest_resources,
        section_template="documents/includes/resource_list.html",
        order=40,
    )
