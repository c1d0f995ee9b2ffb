"""Wagtail finds the page for an address one query per path segment (and one more for the
translated root and for the specific page). The answer — which page, and what part of the
address its sub-views get — changes only when pages are published, unpublished, moved or
deleted, so it is kept in the cache under the fragment version (portal/core/fragments.py)
and the page itself is then fetched in one query, whose SQL is written once per page type
(`live_page`). An address not yet in the cache is routed with one query for all the pages
along it (`route_entry`), not one per segment.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connections
from django.db.models.query import get_related_populators
from django.http import Http404
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

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
    sub-view resolved without the database. None when the page is gone or not live. A page
    type whose every view reads a related row names it in `route_select_related`: it
    comes with the page."""
    page_id, content_type_id, remaining = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = live_page(model, page_id) if model is not None else None
    if page is None:
        return None
    try:
        return page.route(request, remaining)
    except Http404:
        return None


# The page id the query of `_page_query` is compiled with, replaced by the real one when it runs.
ANY_PAGE_ID = 2**62 + 1


@functools.cache
def _page_query(model):
    """The query of one live page of `model` and its `route_select_related` rows, compiled
    once per page type: Django compiles a query anew each time it runs, and compiling this
    one (the page's tables, some fifty columns) took three times as long as running it and
    building the page (1.1 ms of CPU against 0.4 on every uncached page and booking).
    What Django's ModelIterable needs to build the page from a row comes with it. The
    compiler keeps the connection of the thread that compiled it, used only for the
    database's value converters, which are the same on every connection."""
    pages = model._default_manager.filter(pk=ANY_PAGE_ID, live=True).order_by()
    pages = pages.select_related(*getattr(model, "route_select_related", ()))
    compiler = pages.query.get_compiler(using=pages.db)
    sql, params = compiler.as_sql()
    first, last = compiler.klass_info["select_fields"][0], compiler.klass_info["select_fields"][-1]
    names = [column[0].target.attname for column in compiler.select[first : last + 1]]
    related = get_related_populators(compiler.klass_info, compiler.select, pages.db)
    return pages.db, sql, params, compiler, slice(first, last + 1), names, related


def live_page(model, page_id):
    """The live page `page_id` of `model` with its `route_select_related` rows, or None: the
    query of `.filter(pk=page_id, live=True).select_related(...).first()`, not compiled
    again (`_page_query`)."""
    db, sql, params, compiler, columns, names, related = _page_query(model)
    with connections[db].cursor() as cursor:
        cursor.execute(sql, [page_id if param == ANY_PAGE_ID else param for param in params])
        rows = cursor.fetchall()
    for row in compiler.results_iter([rows]):
        page = model.from_db(db, names, row[columns])
        for populator in related:
            populator.populate(row, page)
        return page
    return None


def route_entry(site, path):
    """Wagtail's route for `path` as a stored entry (page id, content type, remaining
    segments), found with one query for every page along the address instead of one per
    segment. Walks the pages as Page.route and RoutablePageMixin.route do: a live routable
    page whose own routes match the rest of the address answers it before its children.
    None when no page answers."""
    root = site.root_page.localized
    components = [component for component in path.split("/") if component]
    addresses = [
        root.url_path + "".join(f"{c}/" for c in components[:n])
        for n in range(1, len(components) + 1)
    ]
    chain = {}
    if addresses:
        pages = Page.objects.filter(url_path__in=addresses, path__startswith=root.path)
        chain = {
            page.url_path: page
            for page in pages.only("id", "path", "depth", "url_path", "live", "content_type_id")
        }
    page, remaining = root, components
    while True:
        if page.live and answers_itself(page, remaining):
            return (page.pk, page.content_type_id, remaining)
        if not remaining:
            return None
        page = chain.get(page.url_path + remaining[0] + "/")
        remaining = remaining[1:]
        if page is None:
            return None


def answers_itself(page, remaining):
    """Whether `page` (live) answers an address with `remaining` segments left: a page
    answers its own address; a routable page also any that one of its routes resolves."""
    if not remaining:
        return True
    model = page.specific_class
    if model is None or not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
    except Http404:
        return False
    return True


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
        if route is None:
            request._portal_route_key, request._portal_route_path = key, path
            site = Site.find_for_request(request)
            if site is None:
                return None
            entry = route_entry(site, path)
            # No page answers: Wagtail's serve finds the route None too and answers 404.
            route = route_from_cache(request, entry) if entry is not None else None
        request._wagtail_route_for_request = route
        return None
