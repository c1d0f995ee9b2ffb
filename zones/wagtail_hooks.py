from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .listings import ZoneListing
from .models import Zone, ZonePage
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


@hooks.register("before_copy_page")
def refuse_copying_zone_pages(request, page):
    """A zone has one page per language, and copying skips model validation; the English
    page is made with "Translate" instead."""
    if isinstance(page.specific, ZonePage):
        messages.error(
            request,
            _("A zone page cannot be copied: each zone has one page per language. Use Translate."),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
