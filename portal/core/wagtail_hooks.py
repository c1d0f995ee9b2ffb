from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FundingNotice


class FundingNoticeViewSet(SnippetViewSet):
    model = FundingNotice
    icon = "info-circle"
    menu_label = _("Funding notice")
    list_display = ["title"]
    search_fields = ["title"]
    list_export = ["title", "locale"]


register_snippet(FundingNoticeViewSet)
