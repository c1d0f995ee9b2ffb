"""The page cache for anonymous visitors, and the Cache-Control every response leaves with.

A page is kept once per address (host and path, no query string) and language, in the cache
alias "pages", for PAGE_CACHE_SECONDS; publishing purges the addresses it affects
(portal.core.front_cache), a settings or snippet change empties it. Only what is the same
for every visitor is kept: a GET or HEAD without a query string from a visitor without a
session, answered 200 without setting a cookie and without a CSRF token in it (the forms of
registration, contact and polls), outside the admin. The rest passes by, marked private.

Two middleware, in the manner of Django's UpdateCacheMiddleware and FetchFromCacheMiddleware:
CacheControlMiddleware, around the session, CSRF and auth middleware (it sees the cookies they
set), says who may keep each response and marks the pages fit for everyone;
PageCacheMiddleware, just below SecurityMiddleware, answers from the cache before the layers
between them run (the policies, whitenoise, gzip, ETag and 304) and keeps the marked pages
with the headers those layers added, so a page from the cache costs none of them; it does
their gzip and 304 itself from what it kept (bench/pages.py, issue 21.5).

Django's cache middleware was not used: it varies its key on the Cookie header whenever the
response varies on it (every page does, the session and the CSRF check touch it), so a
visitor with any cookie has entries of their own, and it keys on the full URL with the
query string, so a publish cannot find the entries to purge. wagtail-cache 3 requires
Wagtail < 8.
"""

import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string

PAGE_CACHE = "pages"
# Paths that are never kept: the admin (and its previews) and the document downloads, which
# Wagtail serves only after checking the document's privacy.
NEVER_CACHED = ("/admin/", "/documents/")
# Cookies that make a response personal: the session (signed-in editors, a page's password,
# the messages after a form) and the messages themselves.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# Cookies whose names start so make a response personal too: an app that shows a visitor
# something of their own from a cookie names its prefix in this setting (polls: "poll-",
# the visitor's vote, after which the page shows the results instead of the form).
PERSONAL_COOKIE_PREFIXES = tuple(getattr(settings, "PAGE_CACHE_PERSONAL_COOKIE_PREFIXES", ()))
# Headers a cached response does not keep (the next visitor gets them fresh or not at all).
NOT_KEPT = {"set-cookie", "age", "date"}
# Headers GZipMiddleware changes for a visitor who accepts gzip: kept as they were before it.
ENCODING_HEADERS = {"content-encoding", "content-length", "etag"}
# A browser that accepts gzip gets the copy compressed when the page was kept (as Django's
# GZipMiddleware would compress it, random padding against BREACH included; a kept page
# holds no secret such an attack could guess, no CSRF token and nothing of a visitor's).
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")
GZIP_PADDING = GZipMiddleware.max_random_bytes
SMALLEST_COMPRESSED = 200


def page_cache():
    return caches[PAGE_CACHE]


def page_key(host, path, language):
    """The cache key of one address in one language."""
    address = f"{host}{path}|{language}".encode()
    # "v4": entries keep the headers of the middleware between the two page cache middleware
    # too (v3 had them added again on every hit; an older entry is never read).
    return f"page:v4:{hashlib.sha256(address).hexdigest()}"


def may_be_cached(request):
    """A request the cache may answer, and whose answer it may keep: the same for everyone.
    Worked out once per request, for both middleware (nothing it reads changes on the way)."""
    if not hasattr(request, "page_cache_allowed"):
        request.page_cache_allowed = _may_be_cached(request)
    return request.page_cache_allowed


def _may_be_cached(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not request.path.startswith(NEVER_CACHED)
        # Whitenoise, below the page cache, serves these: no need to look them up first.
        and not request.path.startswith(settings.STATIC_URL)
        and not has_personal_cookie(request)
    )


def has_personal_cookie(request):
    """Whether the visitor carries a cookie that changes what a page shows them."""
    return any(
        name in PERSONAL_COOKIES or name.startswith(PERSONAL_COOKIE_PREFIXES)
        for name in request.COOKIES
    )


def is_shared(request, response):
    """An answer that holds nothing of the visitor's: 200, no cookie set, no CSRF token in
    it (Django marks a request whose token a template used), nobody signed in, no preview
    and nothing that said private itself."""
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        and not getattr(request, "is_preview", False)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def request_key(request):
    """The key of this request's address in the language the site answers it in."""
    language = translation.get_language_from_request(request, check_path=True)
    return page_key(request.get_host(), request.path, language)


def keep(response):
    """What the cache stores of a response as CacheControlMiddleware sees it: status, headers,
    body, and the body compressed when that is shorter (a hit then compresses nothing)."""
    headers = {name: value for name, value in response.items() if name.lower() not in NOT_KEPT}
    content = response.content
    compressed = None
    if len(content) >= SMALLEST_COMPRESSED and not response.has_header("Content-Encoding"):
        compressed = compress_string(content, max_random_bytes=GZIP_PADDING)
        if len(compressed) >= len(content):
            compressed = None
    return (response.status_code, headers, content, compressed)


def with_outer_headers(kept, response):
    """The kept page with the headers the middleware between the two page cache middleware
    added on its way out (the security and permissions policies, Vary: Accept-Encoding),
    but not the ones that say how this visitor's copy was encoded."""
    status, headers, content, compressed = kept
    added = {
        name: value
        for name, value in response.items()
        if name.lower() not in NOT_KEPT and name.lower() not in ENCODING_HEADERS
    }
    return (status, {**headers, **added}, content, compressed)


def restore(kept, request):
    """The kept response as the middleware below would send it: compressed for a browser
    that accepts gzip (Content-Encoding, Content-Length, a weak ETag: GZipMiddleware), 304
    Not Modified when the browser's copy is current (ConditionalGetMiddleware)."""
    status, headers, content, compressed = kept
    accepts_gzip = compressed is not None and ACCEPTS_GZIP.search(
        request.META.get("HTTP_ACCEPT_ENCODING", "")
    )
    response = HttpResponse(compressed if accepts_gzip else content, status=status, headers=headers)
    if accepts_gzip:
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = "gzip"
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
    if request.method != "GET":
        return response
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified")),
        response=response,
    )


def mark_public(response):
    """Shared caches keep it PAGE_CACHE_SECONDS (Varnish is purged on publish), browsers
    BROWSER_CACHE_SECONDS; the ETag and Last-Modified let them revalidate with a 304."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.BROWSER_CACHE_SECONDS,
        s_maxage=settings.PAGE_CACHE_SECONDS,
    )
    response["Last-Modified"] = http_date(time.time())
    set_response_etag(response)


def mark_not_shared(request, response):
    """Private and never stored when it is the visitor's own (cookies, token, signed in, the
    admin); otherwise (a query string, an error, a redirect) to be revalidated each time,
    since no purge reaches it."""
    if response.has_header("Cache-Control"):
        return
    personal = (
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or request.path.startswith(NEVER_CACHED)
        or has_personal_cookie(request)
    )
    if personal:
        add_never_cache_headers(response)
    else:
        patch_cache_control(response, no_cache=True)


class PageCacheMiddleware:
    """Answers anonymous visitors from the page cache, before the middleware below it run, and
    keeps the pages CacheControlMiddleware found fit for everyone, with those middleware's
    headers. It sits below SecurityMiddleware, which redirects to https first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_cached(request):
            return self.get_response(request)
        key = request_key(request)
        kept = page_cache().get(key)
        if kept is not None:
            return restore(kept, request)
        response = self.get_response(request)
        # Set only on a 200 for everyone: a 304 or an error page below replaced it.
        shared = getattr(response, "page_cache_copy", None)
        if shared is not None:
            page_cache().set(key, with_outer_headers(shared, response), settings.PAGE_CACHE_SECONDS)
        return response


class CacheControlMiddleware:
    """Sets Cache-Control on every response, and gives the pages that are the same for every
    visitor the copy PageCacheMiddleware keeps (taken before GZipMiddleware compresses it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if may_be_cached(request) and is_shared(request, response):
            mark_public(response)
            response.page_cache_copy = keep(response)
        else:
            mark_not_shared(request, response)
        return response


def purge_pages(urls):
    """Forget the cached pages of these full URLs, in every language the site answers them in
    (one, for an address under a language prefix)."""
    languages = [code for code, _name in settings.LANGUAGES]
    keys = []
    for url in urls:
        parts = urlsplit(url)
        prefixed = translation.get_language_from_path(parts.path)
        for language in [prefixed] if prefixed else languages:
            keys.append(page_key(parts.netloc, parts.path, language))
    page_cache().delete_many(keys)


def clear_pages():
    """Forget every cached page (a settings or snippet change shows on every page)."""
    page_cache().clear()
