"""Wagtail finds the page for an address one query per path segment (and one more for the
translated root and for the specific page). The answer — which page, and what part of the
address its sub-views get — changes only when pages are published, unpublished, moved or
deleted, so it is kept in the cache under the fragment version (portal/core/fragments.py)
and the page itself is then fetched in one query.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils import translation

from wagtail import views as wagtail_views

from .fragments import fragment_timeout, versioned_key


def route_key(request, path):
    """The cache key of `path`'s route for this request's site and language."""
    site = getattr(request, "_wagtail_site", None)
    language = translation.get_language() or ""
    return versioned_key("route", str(site.pk if site else 0), language, path, request=request)


def served_path(view_func, view_args, view_kwargs):
    """The page path Wagtail's serve view is asked for, or None for any other view."""
    if view_func is not wagtail_views.serve:
        return None
    return view_kwargs.get("path", view_args[0] if view_args else None)


def remember_route(request, key, path):
    """Store which page (and which remaining segments for its sub-views) `path` led to."""
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if route is None or site is None or "root_page" not in site._state.fields_cache:
        return
    page = route[0]
    components = [component for component in path.split("/") if component]
    consumed = page.depth - site.root_page.depth
    entry = (page.pk, page.content_type_id, components[consumed:])
    cache.set(key, entry, fragment_timeout())


def route_from_cache(request, entry):
    """Wagtail's route result for a stored entry: the specific page in one query, its
    sub-view resolved without the database. None when the page is gone or not live."""
    page_id, content_type_id, remaining = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model._default_manager.filter(pk=page_id, live=True).first() if model else None
    if page is None:
        return None
    try:
        return page.route(request, remaining)
    except Http404:
        return None


class RouteFromCacheMiddleware:
    """Give Wagtail's serve view the route of a known address from the cache (it keeps a
    request's route as `request._wagtail_route_for_request`), and remember new ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_portal_route_key", None)
        # A redirect is a route too: a registration POST answers 302, and a rush of
        # bookings would otherwise walk the page tree for every one of them.
        if key is not None and 200 <= response.status_code < 400:
            remember_route(request, key, request._portal_route_path)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        path = served_path(view_func, view_args, view_kwargs)
        if path is None or getattr(request, "is_preview", False):
            return None
        key = route_key(request, path)
        entry = cache.get(key)
        route = route_from_cache(request, entry) if entry is not None else None
        if route is not None:
            request._wagtail_route_for_request = route
        else:
            request._portal_route_key, request._portal_route_path = key, path
        return None
