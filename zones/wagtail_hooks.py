from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.navigation import MENU_GROUP_HOOK, MenuGroup
from portal.core.sections import HomeSection

from .admin_listing import zone_tagged_page_viewsets
from .models import Zone, ZonePage, zone_cards


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


@hooks.register(MENU_GROUP_HOOK)
def zones_menu_group():
    """The zone pages share one "Zones" entry of the main menu, so four do not crowd it."""
    return MenuGroup(label=_("Zones"), page_type=ZonePage)


@hooks.register("register_home_section")
def zone_cards_section():
    """The zone cards, first on the home page: each group of visitors finds its zone."""
    return HomeSection(
        name="zones",
        title=_("Find what concerns you"),
        all_label="",
        items=lambda home, limit: zone_cards(home),
        url=lambda home: "",
        template="zones/includes/zone_cards.html",
        order=0,
        heading=lambda home: home.zones_heading,
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


@hooks.register("register_admin_viewset")
def zone_columns_in_shared_listings():
    """A zone column and filter in the listings of news, events, reports..."""
    return zone_tagged_page_viewsets()
