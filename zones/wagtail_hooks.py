from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.navigation import MENU_GROUP_HOOK, MenuGroup
from portal.core.sections import HomeSection

from .admin_listing import zone_tagged_page_viewsets
from .dashboard import (
    WAGTAILS_REVIEW_PANEL,
    ModerationQueuePanel,
    ZoneEditorPanel,
    is_moderator,
    is_zone_editor,
)
from .models import Zone, ZonePage, zone_cards
from .translating import (
    SyncTranslationsView,
    TranslatePageView,
    TranslateSnippetView,
    save_or_submit_translation,
)
from .translation_buttons import replace_localize_listing_buttons


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


@hooks.register("construct_homepage_panels")
def role_panels(request, panels):
    """What waits for this user: a zone editor's drafts and submissions, a moderator's queue."""
    if is_zone_editor(request.user):
        panels.append(ZoneEditorPanel())
    if is_moderator(request.user):
        # Ours in place of Wagtail's "Awaiting your review": the same pages, with translations
        # marked and links to Wagtail's approval, at a fixed number of queries.
        panels[:] = [panel for panel in panels if panel.name != WAGTAILS_REVIEW_PANEL]
        panels.append(ModerationQueuePanel())


@hooks.register("register_admin_urls", order=-1)
def translation_views_that_ask_page_permissions():
    """wagtail-localize's Translate and Sync views at their own addresses, resolved before
    wagtail-localize's (lower hook order), subclassed to check the user may edit what they
    translate (zones.translating)."""
    return [
        path("localize/submit/page/<int:page_id>/", TranslatePageView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            TranslateSnippetView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", SyncTranslationsView.as_view()),
    ]


# Before wagtail-localize's own before_edit_page hook, which renders the translation editor.
hooks.register("before_edit_page", save_or_submit_translation, order=-1)
replace_localize_listing_buttons()


@hooks.register("register_admin_viewset")
def zone_columns_in_shared_listings():
    """A zone column and filter in the listings of news, events, reports..."""
    return zone_tagged_page_viewsets()
