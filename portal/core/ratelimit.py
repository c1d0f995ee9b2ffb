"""The per-address rate limits of the forms (registration, contact, poll votes), counted
by django-ratelimit on the shared cache (Redis in production, so all app servers count
together). It fails open: when the cache cannot count, nobody is refused."""

import logging

import redis
from django_ratelimit.core import get_usage

from django.conf import settings

from .client_address import client_address
from .outages import Outage

logger = logging.getLogger(__name__)

not_counted = Outage(logger, "Rate limits not applied: the cache does not store the counts")

# What a cache raises when it cannot count: django-ratelimit itself catches only
# socket.gaierror, and our Redis backend turns only an unreachable, full or read-only Redis
# into a miss, so a command Redis refuses otherwise, or a network error of another backend,
# would reach the visitor as a 500. A programming error
# (TypeError, ImproperlyConfigured) is not in the list and still surfaces.
CACHE_ERRORS = (redis.exceptions.RedisError, OSError)


def visitor(group, request):
    """The key of the count: the visitor's address, also behind our proxies."""
    return client_address(request)


def retry_after(request, scope, limit, window):
    """Count one request of `scope` from this address. Once there were more than `limit`
    in the current `window` seconds: the seconds left until that window ends, when the
    count starts afresh (the 429's Retry-After); 0 while the request may go on."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return 0  # switched off on purpose: nothing to warn about
    usage = _counted_usage(request, scope, limit, window)
    if usage is None:
        return 0
    # time_left is 0 in the window's last second: the count starts afresh one second later.
    return usage["time_left"] + 1 if usage["should_limit"] else 0


def _counted_usage(request, scope, limit, window):
    """django-ratelimit's count of this request, or None when the cache did not count it
    (Redis down or refusing): the visitor is then let through, which beats refusing
    everyone (RATELIMIT_FAIL_OPEN), and the outage is logged at most once a minute."""
    try:
        usage = get_usage(request, group=scope, key=visitor, rate=(limit, window), increment=True)
    except CACHE_ERRORS as error:
        not_counted.report(f"{scope} let through ({type(error).__name__}: {error})")
        return None
    if usage is None:
        not_counted.report(f"{scope} let through")
    return usage
