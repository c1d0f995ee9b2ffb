"""The language switcher's redirect, and the page for a server error."""

import re
import sys

import psycopg

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils import translation
from django.views import defaults
from django.views.decorators.cache import never_cache

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from .navigation import counterpart_subpath

# A page's id: ASCII digits ("²" passes str.isdigit() but is no number for the database),
# at most ten of them; Django finds nothing for one past the database's integer.
PAGE_ID = re.compile(r"[0-9]{1,10}")


@never_cache
def switch_language(request, code):
    """Go to the page `?page=` in language `code`, with the same routable sub-view
    (`?sub=`, a route of the page's own language); where that translation does not exist
    (any more) or is not live, go to that language's home page."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise Http404
    with translation.override(code):
        url = _translation_url(request, locale)
        if url is None:
            url = _home_url(request, locale)
            if request.GET.get("page"):
                url += "?untranslated=1"  # the home page says why the visitor is there
    return HttpResponseRedirect(url)


def _translation_url(request, locale):
    page_id = request.GET.get("page", "")
    if not PAGE_ID.fullmatch(page_id):
        return None
    page = Page.objects.filter(pk=int(page_id)).select_related("locale").first()
    if page is None:
        return None
    target = page.get_translation_or_none(locale)
    if target is None or not target.live:
        return None
    url = target.get_url(request)
    sub = request.GET.get("sub", "").strip("/")
    source = page.specific
    if sub and isinstance(source, RoutablePageMixin):
        try:
            with translation.override(page.locale.language_code):
                match = source.resolve_subpage(f"/{sub}/")
        except Http404:
            return url
        if match.url_name:
            url += counterpart_subpath(source, target.specific, match) or ""
    return url


def _home_url(request, locale):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return home.get_url(request)


# While the database cannot be reached (it restarts, the network fails), a request
# answers 503 with this hint; the next one after it is back is served as usual.
RETRY_AFTER_SECONDS = "30"

# PostgreSQL's SQLSTATEs for a connection that failed or was cut: class 08 ("connection
# exception"), and 57P01-57P03 (the server shuts down or is not accepting connections yet).
CONNECTION_SQLSTATES = ("08", "57P01", "57P02", "57P03")


def server_error(request):
    """Django's 500 page, except when the error is the database being unreachable: then
    503 with the site's "back in a minute" page and Retry-After, so the visitor, the
    proxy and the monitoring see an outage, not a bug. Django calls this handler while
    it handles the exception, so sys.exc_info() holds the error. The page is rendered
    without the request (like Django's 500 page), so it needs nothing from the database."""
    if database_unreachable(sys.exc_info()[1]):
        page = loader.get_template("503.html").render()
        return HttpResponse(page, status=503, headers={"Retry-After": RETRY_AFTER_SECONDS})
    return defaults.server_error(request)


def database_unreachable(error):
    """Whether `error` says the database cannot be reached, rather than that a query is
    wrong or took too long (a missing table, a statement timeout: bugs to see as 500s).
    Django raises InterfaceError for a connection it already closed. psycopg raises an
    OperationalError without a SQLSTATE when it cannot connect or the connection breaks
    (libpq's own errors), and one with a connection SQLSTATE when the server says so."""
    if isinstance(error, InterfaceError):
        return True
    cause = error.__cause__ if isinstance(error, OperationalError) else None
    if not isinstance(cause, psycopg.OperationalError):
        return False  # SQLite's errors too: its file is local, never "unreachable"
    return cause.sqlstate is None or cause.sqlstate.startswith(CONNECTION_SQLSTATES)
