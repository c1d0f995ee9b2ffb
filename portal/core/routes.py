"""Sub-views that an app's views module adds to one of its routable page types.

A page's own routes are its `@path` methods. Sub-views that handle a request at length
(signing up for an event, searching reports) live in the app's views, which depend on the
models; the page must not import them back. The app registers them instead with the Wagtail
hook ``register_page_routes`` in its ``wagtail_hooks.py``:

    @hooks.register(PAGE_ROUTES_HOOK)
    def registration_routes():
        return PageRoutes(EventPage, [path(_("register/"), views.register, name="register")])

and the page puts them before its own routes (so a registered "" route replaces
RoutablePageMixin's default index route, which serves the page itself):

    @classmethod
    def get_subpage_urls(cls):
        return registered_routes(cls) + super().get_subpage_urls()

A view is called like a route method: `view(page, request, *args, **kwargs)`.
"""

import itertools
from dataclasses import dataclass

from django.apps import apps
from django.utils import translation

from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin

PAGE_ROUTES_HOOK = "register_page_routes"


@dataclass(frozen=True)
class PageRoutes:
    """URL patterns (django.urls.path) to add to pages of `page_type` and its subclasses."""

    page_type: type
    routes: list


def registered_routes(page_type):
    """The routes registered for `page_type` (or a base class of it)."""
    found = (register() for register in hooks.get_hooks(PAGE_ROUTES_HOOK))
    return tuple(
        route for entry in found if issubclass(page_type, entry.page_type) for route in entry.routes
    )


def build_routable_page_resolvers():
    """Build every routable page type's URL resolver now, before a worker takes requests.

    Wagtail builds it on a page type's first request and stores it on the class: in a
    threaded worker (gunicorn's gthread, as `make bench` runs the booking burst) one thread
    can walk the class's attributes for its routes while another stores the resolver there,
    and the first gets "dictionary changed size during iteration", a 500. Built once up front,
    the resolver is only read afterwards."""
    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin):
            model.get_resolver()


class CachedSubviewsMixin(RoutablePageMixin):
    """A routable page whose sub-views are purged with it from the page cache and Varnish.

    Wagtail's front cache purges a page's `get_cached_paths()`; here those are the addresses
    of every route, in the page's language (routes are translated). A route with parameters
    is included once per combination of `cached_route_values()` (name → values), and left
    out when a parameter has no values (a registration's form is never cached anyway)."""

    # The routes (by name, without parameters) that answer a page of their own, listed in
    # the sitemap beside the page; feeds, downloads and forms are not.
    sitemap_routes = ()

    def cached_route_values(self):
        return {}

    def sitemap_route_names(self):
        return self.sitemap_routes

    def sitemap_subviews(self):
        """{key: path below the page} of the addresses this page answers as pages: itself
        ("") and its `sitemap_route_names()`, keyed by route name so the sitemap pairs a
        sub-view with the same one in another language (routes are translated)."""
        subviews = {"": ""}
        with translation.override(self.locale.language_code):
            for name in self.sitemap_route_names():
                subviews[name] = self.reverse_subpage(name).lstrip("/")
        return subviews

    def get_cached_paths(self):
        values = self.cached_route_values()
        paths = {"/"}
        with translation.override(self.locale.language_code):
            for route in self.get_subpage_urls():
                names = list(route.pattern.converters)
                if route.name is None or not all(name in values for name in names):
                    continue
                for combination in itertools.product(*(values[name] for name in names)):
                    kwargs = dict(zip(names, combination, strict=True))
                    paths.add("/" + self.reverse_subpage(route.name, kwargs=kwargs).lstrip("/"))
        return sorted(paths)
