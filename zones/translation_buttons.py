"""The "Translate this page" and "Sync translated pages" buttons of the admin's page listing
and page header, answered for all the rows of a listing at once.

wagtail-localize's own hook asks two queries per row (the languages the page is missing, and
whether its translation source has translations), so a listing of 50 news items cost 100
queries more for anybody allowed to translate. This one looks both up for the page and its
siblings in four queries, kept on the user object for the request like the zone rule
(zones.permissions), and offers the buttons only on pages the user may translate
(zones.translating.may_translate), so nobody is shown a button that answers "no permission".
wagtail-localize registers the same function for the page header, so the header gets this
one too (it shows one page: its four queries are asked once).
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

from .translating import may_translate

LISTING_HOOK = "register_page_listing_more_buttons"
HEADER_HOOK = "register_page_header_buttons"


def translation_states_with_siblings(page):
    """{page id: (missing a language, id of its source with translations or None)} for `page`
    and the pages beside it in the tree, in four queries."""
    siblings = list(
        Page.objects.filter(
            path__startswith=page.path[: -page.steplen], depth=page.depth
        ).values_list("pk", "translation_key", "locale_id")
    )
    keys = {key for _pk, key, _locale in siblings}
    locales_of = {}
    for key, locale_id in Page.objects.filter(
        translation_key__in=keys, alias_of__isnull=True
    ).values_list("translation_key", "locale_id"):
        locales_of.setdefault(key, set()).add(locale_id)
    every_locale = set(Locale.objects.values_list("pk", flat=True))
    synced = {
        (key, locale_id): source_id
        for key, locale_id, source_id in TranslationSource.objects.filter(
            object__translation_key__in=keys, translations__enabled=True
        ).values_list("object__translation_key", "locale_id", "pk")
    }
    return {
        pk: (bool(every_locale - locales_of.get(key, set())), synced.get((key, locale_id)))
        for pk, key, locale_id in siblings
    }


def translation_state_of(user, page):
    """`page`'s entry of translation_states_with_siblings, looked up once per listing."""
    known = user.__dict__.setdefault("_portal_translation_states", {})
    if page.pk not in known:
        known.update(translation_states_with_siblings(page))
    return known[page.pk]


def translation_listing_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's two listing buttons, for who may translate this page."""
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if not may_translate(user, page):
        return
    missing_language, source_id = translation_state_of(user, page)
    if missing_language:
        url = reverse(
            "wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]
        )
        yield ListingButton(
            _("Translate this page"), url, priority=60, icon_name="wagtail-localize-language"
        )
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def replace_localize_listing_buttons():
    """Put translation_listing_buttons in place of wagtail-localize's listing and header
    hooks. Wagtail has no public way to unregister a hook, so its registry is edited; the
    import of wagtail_localize.wagtail_hooks above makes sure its hooks are registered first."""
    theirs = localize_hooks.page_listing_more_buttons
    for hook_name in (LISTING_HOOK, HEADER_HOOK):
        registered = hooks._hooks.setdefault(hook_name, [])
        registered[:] = [(fn, order) for fn, order in registered if fn is not theirs]
        hooks.register(hook_name, translation_listing_buttons)
