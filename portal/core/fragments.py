"""Parts of the page frame (menu, footer, language links, breadcrumbs, head links) kept in
Django's cache, so that a page does not ask the database again for what every page shows.

A fragment is stored under its name, the site, the active language and — for those that
depend on the address (language links, breadcrumbs) — the path, plus a version that is
itself kept in the cache. Any change that a fragment may show (a page published,
unpublished, moved or deleted; the project settings, a partner, the funding notice, an image
or a site saved) stores a new version, so every app server sharing the cache (Redis) stops
reading the old entries at once; they expire on their own. Fragments hold only what an
anonymous visitor sees, never anything of the person asking. While the cache cannot be
reached every call is a miss: the fragment is built from the database, the page is slower.
"""

import contextvars
import hashlib
import uuid

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import FundingNotice, Partner, ProjectSettings

VERSION_KEY = "portal:fragments:version"
# Stale entries of an old version are not deleted, only no longer read: let them go.
TIMEOUT = 6 * 60 * 60
# Listings of a page's own content (the home page's latest news and next events, a zone's
# sections, the feeds) change on publish, which invalidates them, but "next events" also
# with the clock: they are kept no longer than this.
LISTING_TIMEOUT = 5 * 60
# A local-memory cache is one per process: a new version stored by the process that saw
# the change is not seen by the others (several gunicorn workers without Redis), so
# there a fragment lives a minute at most.
LOCAL_MEMORY_TIMEOUT = 60


def fragment_timeout():
    """How long a fragment is kept: briefly where the cache is not shared."""
    return LOCAL_MEMORY_TIMEOUT if isinstance(caches["default"], LocMemCache) else TIMEOUT


# The version of the request being served, for the keys made without the request (Wagtail's
# look-ups in portal/core/lookups.py): one GET of the version a request, not one per key.
_request_version = contextvars.ContextVar("fragments_version", default=None)


def current_version(request=None):
    """The version fragments are stored under now (read once per request). The request's
    context (SiteFromCacheMiddleware) comes first: it follows an invalidation the request
    makes, which the copy kept on the request does not."""
    version = _request_version.get() or getattr(request, "_portal_fragments_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            version = cache.get(VERSION_KEY) or "unversioned"
        if request is not None:
            request._portal_fragments_version = version
    return version


def invalidate_fragments(**kwargs):
    """Forget every stored fragment, on every app server sharing the cache. The request
    that made the change reads its look-ups under the new version from then on."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    if _request_version.get() is not None:
        _request_version.set(version)


def versioned_key(kind, *parts, request=None):
    """A cache key of `kind` for `parts` under the current version: every key kept in the
    cache of what editors change (fragments, routes, sites, Wagtail's look-ups) is one."""
    digest = hashlib.sha1("\n".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"portal:{kind}:{current_version(request)}:{digest}"


def cached_value(key, build, timeout=None):
    """`build()`'s result, from the cache when it holds it under `key`; `timeout` bounds how
    long a value that also depends on the clock (upcoming events) is kept."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, min(fragment_timeout(), timeout or TIMEOUT))
    return value


def fragment_key(request, name, per_address=False):
    """The cache key of fragment `name` for this request's site and language."""
    site = Site.find_for_request(request)
    parts = [name, str(site.pk if site else 0), translation.get_language() or ""]
    if per_address:
        parts.append(request.path)
    return versioned_key(f"fragment:{name}", *parts, request=request)


def cached_fragment(request, name, build, per_address=False, timeout=None):
    """`build()`'s result, from the cache when it holds it. A preview shows a draft, which
    must neither be stored nor hide behind the published page's fragments."""
    if request is None or getattr(request, "is_preview", False):
        return build()
    return cached_value(fragment_key(request, name, per_address), build, timeout)


def kept_response(request, name, build):
    """The response of a view that is the same for every visitor of its address whatever the
    query string (a news or events feed): its status, body and headers from the fragment
    cache, `build()` called when they are missing. A 404 it raises is raised as before."""

    def keep():
        response = build()
        return response.status_code, response.content, list(response.items())

    status, content, headers = cached_fragment(
        request, name, keep, per_address=True, timeout=LISTING_TIMEOUT
    )
    return HttpResponse(content, status=status, headers=dict(headers))


class SiteFromCacheMiddleware:
    """Find the request's Wagtail Site in the cache (one query less on every request):
    Wagtail looks it up again for each request and keeps it as `request._wagtail_site`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = versioned_key("site", request._get_raw_host(), request.get_port(), request=request)
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                cache.set(key, site, fragment_timeout())
        else:
            request._wagtail_site = site
        # The version just read serves the request's look-ups too (`current_version`).
        token = _request_version.set(current_version(request))
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_fragments()


def connect_invalidation():
    """Store a new version whenever something the fragments show may have changed."""
    page_published.connect(invalidate_fragments, dispatch_uid="fragments-published")
    page_unpublished.connect(invalidate_fragments, dispatch_uid="fragments-unpublished")
    post_page_move.connect(invalidate_fragments, dispatch_uid="fragments-moved")
    post_delete.connect(_page_deleted, dispatch_uid="fragments-page-deleted")
    for model in (
        ProjectSettings,
        Partner,
        FundingNotice,
        Site,
        Locale,
        get_image_model(),
        get_document_model(),
    ):
        post_save.connect(invalidate_fragments, sender=model, dispatch_uid=f"fragments-{model}")
        post_delete.connect(invalidate_fragments, sender=model, dispatch_uid=f"fragments-{model}-")
