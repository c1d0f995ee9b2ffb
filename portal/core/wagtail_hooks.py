from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.views import convert

from .lookups import attach_locale, skip_view_restriction_lookup
from .models import FundingNotice, ProjectSettings
from .navigation import FRAME_PAGES_HOOK, FramePages


class FundingNoticeViewSet(SnippetViewSet):
    model = FundingNotice
    icon = "info-circle"
    menu_label = _("Funding notice")
    list_display = ["title", "logo_status"]
    search_fields = ["title"]
    list_export = ["title", "locale"]


register_snippet(FundingNoticeViewSet)

hooks.register("before_serve_page", attach_locale)
hooks.register("before_serve_page", skip_view_restriction_lookup)


@hooks.register(FRAME_PAGES_HOOK)
def accessibility_statement_pages():
    """The accessibility statements (every translation, live or not: a draft translation
    hides the link as before), which every page's footer links to in its language."""
    return FramePages(
        "accessibility_statement",
        lambda: Q(
            translation_key__in=ProjectSettings.objects.values(
                "accessibility_page__translation_key"
            )
        ),
    )


@hooks.register("register_admin_urls")
def guard_convert_to_alias():
    """wagtail-localize's "convert to alias" replaces a live translation at once and only
    asks for edit rights, which would let an editor who cannot publish skip moderation.
    This address comes before wagtail-localize's own and requires publish rights."""
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_if_publisher,
            name="guarded_convert_to_alias",
        )
    ]


def convert_to_alias_if_publisher(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@hooks.register("insert_global_admin_css")
def portal_admin_colours():
    """The admin in the portal's colours (Wagtail's theming custom properties)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
