from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .listings import ZoneListing
from .models import Zone
from .resources import latest_resources, zone_resources_view


class ZoneViewSet(SnippetViewSet):
    model = Zone
    icon = "group"
    menu_label = _("Zones")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "audience", "editor_group", "sort_order"]
    list_filter = ["colour"]
    list_export = ["name", "slug", "audience", "intro", "sort_order"]
    ordering = ["sort_order"]


register_snippet(ZoneViewSet)


@hooks.register("register_zone_listing")
def resources_listing():
    return ZoneListing(
        name="resources",
        route=_("resources/"),
        title=_("Resources"),
        all_label=_("All resources of this zone"),
        view=zone_resources_view,
        latest=latest_resources,
        section_template="zones/includes/resource_list.html",
        order=40,
    )
