from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.blocks import BODY_BLOCK_HOOK

from .blocks import PollBlock
from .models import Poll


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "tasks"
    menu_label = _("Polls")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "question",
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("total_votes", label=_("Votes")),
    ]
    list_export = ["question", "locale", "opens_at", "closes_at", "total_votes"]
    export_headings = {"total_votes": _("Votes")}
    search_fields = ["question"]
    search_backend_name = None  # the database's own search of the questions

    def get_queryset(self, request):
        """Every poll with its total votes (the source language's count) in one query."""
        return Poll.objects.with_total_votes()


register_snippet(PollViewSet)


@hooks.register(BODY_BLOCK_HOOK)
def poll_body_block():
    """A poll can be placed in any page's body (the last block editors are offered)."""
    return ("poll", PollBlock())
