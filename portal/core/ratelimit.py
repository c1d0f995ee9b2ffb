"""The per-address rate limits of the forms (registration, contact, poll votes), counted
by django-ratelimit on the shared cache (Redis in production, so all app servers count
together). It fails open: when the cache cannot count, nobody is refused."""

import logging

from django_ratelimit.core import get_usage

from .client_address import client_address
from .outages import Outage

logger = logging.getLogger(__name__)

not_counted = Outage(logger, "Rate limits not applied: the cache does not store the counts")


def visitor(group, request):
    """The key of the count: the visitor's address, also behind our proxies."""
    return client_address(request)


def over_limit(request, scope, limit, window):
    """Count one request of `scope` from this address; True once there were more than
    `limit` in the current `window` seconds."""
    usage = get_usage(request, group=scope, key=visitor, rate=(limit, window), increment=True)
    if usage is None:
        # RATELIMIT_FAIL_OPEN: the cache did not count (Redis down). Letting the visitor
        # through beats refusing everyone.
        not_counted.report(f"{scope} let through")
        return False
    return usage["should_limit"]
