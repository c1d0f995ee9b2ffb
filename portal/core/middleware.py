"""Language selection from the URL prefix, with one change to Django's LocaleMiddleware."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
