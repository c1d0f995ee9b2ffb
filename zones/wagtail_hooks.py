from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Zone


class ZoneViewSet(SnippetViewSet):
    model = Zone
    icon = "group"
    menu_label = _("Zones")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "audience", "sort_order"]
    list_filter = ["colour"]
    list_export = ["name", "slug", "audience", "intro", "sort_order"]
    ordering = ["sort_order"]


register_snippet(ZoneViewSet)
