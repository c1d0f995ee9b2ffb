"""Language selection from the URL prefix, with one change to Django's LocaleMiddleware;
requests whose query string or form cannot be read."""

import re

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import QueryDict
from django.http.multipartparser import MultiPartParserError
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .http import UNREADABLE_INPUT

LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


def unsupported_language_prefix(path):
    """True for /de/… and the like: a prefix shaped like a language code that the site does
    not have (no page of the site has a two- or three-letter first segment)."""
    match = LANGUAGE_PREFIX.match(path)
    return bool(match) and match.group(1).lower() not in dict(settings.LANGUAGES)


class PortalLocaleMiddleware(LocaleMiddleware):
    """An address under a language the site does not have (/de/…) is answered with the
    Polish 404 page, instead of a redirect to /pl/de/… that only ends in a 404 too; so is
    a 404 of a view outside the language prefixes."""

    def process_request(self, request):
        super().process_request(request)
        if unsupported_language_prefix(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE

    def process_response(self, request, response):
        if response.status_code == 404 and (
            unsupported_language_prefix(request.path_info)
            # A view outside the language prefixes (the switcher, say) found nothing:
            # /pl/ in front of its address would not find more.
            or getattr(request, "resolver_match", None) is not None
        ):
            return response
        return super().process_response(request, response)


class UnreadableRequestMiddleware:
    """A query string or form that cannot be read as the request declares it is answered
    with the site's 400 page.

    Django raises while it parses request.GET or request.POST: BadRequest for a form that
    declares a charset other than UTF-8 (`charset=utf-16`), LookupError or UnicodeError
    for a charset that is no text encoding or cannot decode the bytes, MultiPartParserError
    for a broken multipart body. Left to the views, the error reaches Django's 400 handler,
    whose CSRF check reads the form again and fails the same way, and so does the 500
    handler's: the visitor gets a bare 500. Here both are read before any view, what cannot
    be read is replaced by nothing (so the error page renders), and the error is raised as
    a 400 that Django logs and renders with the site's templates/400.html."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        error = getattr(request, "unreadable_content_type", None) or read_input(request)
        if error is not None:
            forget_input(request)
            if isinstance(error, (BadRequest, SuspiciousOperation, MultiPartParserError)):
                raise error  # Django knows these: logged as it logs them, answered with 400
            raise BadRequest("The query string or form cannot be read.") from error
        return self.get_response(request)


def read_input(request):
    """Parse the query string and the form now; return the error that stopped it, if any."""
    try:
        request.GET  # noqa: B018 -- parsed on first use
        request.POST  # noqa: B018
    except UNREADABLE_INPUT + (MultiPartParserError,) as error:
        return error
    return None


def forget_input(request):
    """Give the request an empty query string and form, which the error page and Django's
    CSRF check can read without raising again."""
    request.GET = QueryDict()
    # What Django itself does after a form it could not parse (too many fields, say).
    request._mark_post_parse_error()
