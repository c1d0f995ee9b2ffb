"""The site's WSGI and ASGI handlers: Django's, with a request that survives a Content-Type
it cannot use.

Django reads the charset a request declares in its Content-Type while it builds the request
object, before any middleware runs: an RFC 2231 parameter naming an unknown charset
(`charset*=bogus''x`) raises ValueError there, and a charset that is no text encoding
("base64") or that fails on the query string's escapes ("idna") raises while the query string
is decoded with it. The WSGI server then answers a bare 500 that is not even the site's.
Such a request is read as UTF-8 instead and remembers why, so UnreadableRequestMiddleware
answers it with the site's 400 page.
"""

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest

# What Django raises while it parses a query string, a form body or their Content-Type:
# UnicodeError and other ValueErrors from the codecs and header parsing, LookupError for a
# codec that is not a text encoding, SuspiciousOperation for too many fields, BadRequest for
# a form that is not UTF-8.
UNREADABLE_INPUT = (ValueError, LookupError, SuspiciousOperation, BadRequest)


class DeclaredCharsetMixin:
    """A request whose declared Content-Type cannot be used keeps the reason in
    `unreadable_content_type` and is read as a request without a Content-Type."""

    unreadable_content_type = None

    def _set_content_type_params(self, meta):
        try:
            super()._set_content_type_params(meta)
        except UNREADABLE_INPUT as error:
            self.unreadable_content_type = error
            self.content_type, self.content_params = "", {}
            # The query string is decoded again, lazily, as UTF-8 (the site's charset);
            # the encoding setter would decode it right away and could raise again.
            self._encoding = None


class PortalWSGIRequest(DeclaredCharsetMixin, WSGIRequest):
    pass


class PortalASGIRequest(DeclaredCharsetMixin, ASGIRequest):
    pass


class PortalWSGIHandler(WSGIHandler):
    request_class = PortalWSGIRequest


class PortalASGIHandler(ASGIHandler):
    request_class = PortalASGIRequest
