"""A simple per-address rate limit on the shared cache (Redis in production, so all app
servers count together)."""

from django.core.cache import cache


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def over_limit(request, scope, limit, window):
    """Count one request of `scope` from this address; True once there were more than
    `limit` in the last `window` seconds."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:  # the key expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return False
