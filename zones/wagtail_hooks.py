from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Zone, ZonePage


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
