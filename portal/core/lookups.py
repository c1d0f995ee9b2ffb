"""Answers Wagtail asks the database for on every request although they change only when
an editor changes the site: the Locale of a language, and which parts of the tree are
private (page view restrictions). Kept in Django's cache under the fragment version
(portal/core/fragments.py), so a new locale, a new or removed restriction, a moved page or
a new alias is seen on the next request, on every app server sharing the cache. Wagtail's
own cached answer, the sites' root paths that every page address is made from, is built
in one query instead of one plus one per site. The three answers are fetched together, in
one query (`frame_lookups`), since a page that needs one of them needs all three.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)
from wagtail.query import PageQuerySet

from .fragments import cached_value, fragment_timeout, invalidate_fragments, versioned_key

_wagtail_get_for_language = LocaleManager.get_for_language
_wagtail_site_root_paths = Site.get_site_root_paths


def cached(name, build):
    """`build()`'s result, kept in the cache under the current fragment version."""
    return cached_value(versioned_key("lookup", name), build)


def locales_by_language():
    """Every Locale by its language code."""
    return cached("locales", lambda: frame_lookups()["locales"])


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
    return cached("restricted-paths", lambda: frame_lookups()["restricted-paths"])


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


def site_root_paths():
    """Site.get_site_root_paths (every site's home page in every language, with the
    site's address), kept under Wagtail's own cache key, which Wagtail clears when a site
    or a home page changes; on a miss one query for the sites and their home pages'
    translations together, in Wagtail's order (most specific root path first)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return _wagtail_site_root_paths()
    result = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if result is not None:
        # Some cache backends (Redis) do not keep named tuples.
        return [SiteRootPath(*each) for each in result]
    return frame_lookups()["root-paths"]


def frame_lookups():
    """The locales, the sites' root paths and the restricted paths, from ONE query, each
    stored in the cache where its own look-up reads it (whichever of them is missing, all
    three are fetched: they are asked for together, on every page)."""
    found = {"locales": {}, "root-paths": [], "restricted-paths": []}
    for kind, number, text, hostname, port, url_path in _frame_lookup_rows():
        if kind == "locale":
            locale = Locale.from_db(connection.alias, ["id", "language_code"], (number, text))
            found["locales"][text] = locale
        elif kind == "root":
            root_url = Site(hostname=hostname, port=port).root_url
            found["root-paths"].append(SiteRootPath(number, url_path, root_url, text))
        else:
            found["restricted-paths"].append(text)
    found["restricted-paths"].sort()
    for name in ("locales", "restricted-paths"):
        cache.set(versioned_key("lookup", name), found[name], fragment_timeout())
    cache.set(
        SITE_ROOT_PATHS_CACHE_KEY,
        found["root-paths"],
        3600,
        version=SITE_ROOT_PATHS_CACHE_VERSION,
    )
    return found


def _frame_lookup_rows():
    """(kind, number, text, hostname, port, url path) rows: every locale (id, language
    code); every translation of every site's root page (site id, language code, the
    site's address, the page's url path: a self-join on the translation key, which the ORM
    cannot express), in Wagtail's order, most specific root path first; the tree path of
    every page with a view restriction."""
    site, page, locale, restriction = (
        connection.ops.quote_name(model._meta.db_table)
        for model in (Site, Page, Locale, PageViewRestriction)
    )
    # The models' own table names, quoted; nothing from a visitor. The last three columns
    # only order the root paths.
    sql = (
        "SELECT 'locale', l.id, l.language_code, NULL, NULL, NULL, NULL, NULL, NULL "  # noqa: S608
        f"FROM {locale} l "
        "UNION ALL SELECT 'root', s.id, l.language_code, s.hostname, s.port, p.url_path, "
        f"r.url_path, s.is_default_site, p.path FROM {site} s "
        f"JOIN {page} r ON r.id = s.root_page_id "
        f"JOIN {page} p ON p.translation_key = r.translation_key "
        f"JOIN {locale} l ON l.id = p.locale_id "
        "UNION ALL SELECT 'restricted', NULL, p.path, NULL, NULL, NULL, NULL, NULL, NULL "
        f"FROM {restriction} v JOIN {page} p ON p.id = v.page_id "
        "ORDER BY 1, 7 DESC, 8 DESC, 4 ASC, 2, 9"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[:6] for row in cursor.fetchall()]


def _alias_saved(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.alias_of_id is not None:
        invalidate_fragments()


def cache_wagtail_lookups():
    """Answer Wagtail's locale and privacy look-ups from the cache, and forget them when
    restrictions, locales or aliases change (moves and deletions already do)."""
    LocaleManager.get_for_language = get_for_language
    PageQuerySet.private_q = private_q
    Site.get_site_root_paths = staticmethod(site_root_paths)
    for signal in (post_save, post_delete):
        signal.connect(
            invalidate_fragments, sender=PageViewRestriction, dispatch_uid=f"lookups-{signal}"
        )
    post_save.connect(_alias_saved, dispatch_uid="lookups-alias-saved")
