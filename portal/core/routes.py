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

from dataclasses import dataclass

from wagtail import hooks

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
