"""Answers Wagtail asks the database for on every request although they change only when
an editor changes the site: the Locale of a language, and which parts of the tree are
private (page view restrictions). Kept in Django's cache under the fragment version
(portal/core/fragments.py), so a new locale, a new or removed restriction, a moved page or
a new alias is seen on the next request, on every app server sharing the cache.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

from .fragments import cached_value, invalidate_fragments, versioned_key

_wagtail_get_for_language = LocaleManager.get_for_language


def cached(name, build):
    """`build()`'s result, kept in the cache under the current fragment version."""
    return cached_value(versioned_key("lookup", name), build)


def locales_by_language():
    """Every Locale by its language code."""
    return cached(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def get_for_language(manager, language_code):
    """LocaleManager.get_for_language from the cache; a language without a Locale still
    asks the database, which raises Locale.DoesNotExist as Wagtail's does."""
    locale = locales_by_language().get(get_supported_content_language_variant(language_code))
    return locale if locale is not None else _wagtail_get_for_language(manager, language_code)


def attach_locale(page, request, serve_args, serve_kwargs):
    """A `before_serve_page` hook: give the page its Locale from the cache, so templates
    asking for `page.locale` do not query it."""
    locale = next(
        (each for each in locales_by_language().values() if each.pk == page.locale_id), None
    )
    if locale is not None:
        page.locale = locale


def restricted_paths():
    """The tree paths of the pages carrying a view restriction (their subtrees are private)."""
    return cached(
        "restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def protected_paths():
    """The restricted paths, plus those of aliases of restricted pages: Wagtail checks an
    alias (and what lies under it) against its source page's restrictions."""

    def build():
        paths = restricted_paths()
        if not paths:
            return []
        aliases = Page.objects.filter(alias_of__isnull=False).filter(
            within(paths, "alias_of__path")
        )
        return sorted([*paths, *aliases.values_list("path", flat=True)])

    return cached("protected-paths", build)


def within(paths, field="path"):
    """A Q matching pages at or under any of `paths`."""
    match = Q()
    for path in paths:
        match |= Q(**{f"{field}__startswith": path})
    return match


def private_q(queryset):
    """PageQuerySet.private_q (behind `.public()`) from the cached restricted paths."""
    return within(restricted_paths()) or Q(pk__in=[])


def skip_view_restriction_lookup(page, request, serve_args, serve_kwargs):
    """A `before_serve_page` hook: a page with no restriction on it or above it (nor on the
    source of an alias above it) has none to check, so Wagtail's check need not ask."""
    if not any(page.path.startswith(path) for path in protected_paths()):
        page.get_view_restrictions = PageViewRestriction.objects.none


def _alias_saved(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.alias_of_id is not None:
        invalidate_fragments()


def cache_wagtail_lookups():
    """Answer Wagtail's locale and privacy look-ups from the cache, and forget them when
    restrictions, locales or aliases change (moves and deletions already do)."""
    LocaleManager.get_for_language = get_for_language
    PageQuerySet.private_q = private_q
    for signal in (post_save, post_delete):
        signal.connect(
            invalidate_fragments, sender=PageViewRestriction, dispatch_uid=f"lookups-{signal}"
        )
    post_save.connect(_alias_saved, dispatch_uid="lookups-alias-saved")
