"""A simple per-address rate limit on the shared cache (Redis in production, so all app
servers count together). It fails open: when the cache cannot count, nobody is refused."""

import logging

from django.core.cache import cache

from .client_address import client_address
from .outages import Outage

logger = logging.getLogger(__name__)

not_counted = Outage(logger, "Rate limits not applied: the cache does not store the counts")


def over_limit(request, scope, limit, window):
    """Count one request of `scope` from this address; True once there were more than
    `limit` in the last `window` seconds."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:  # the key expired between add() and incr(), or the cache is down
        if not cache.add(key, 1, timeout=window):
            # A key that is neither there nor addable: the cache is not working (Redis
            # down). Letting the visitor through beats refusing everyone.
            not_counted.report(f"{scope} let through")
        return False
