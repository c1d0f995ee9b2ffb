"""Django's Redis cache, skipped while Redis cannot be reached or refuses to store.

With Django's own `RedisCache` a stopped Redis answers every page with 500: Wagtail reads
its site root paths from the cache on each request. Here a connection error or timeout
counts as a miss: `get` returns the default, `add`/`set` store nothing, `incr` finds no key.
The page is then built from the database, a little slower. The error is logged at most once
a minute per process (portal.core.outages), and after an error the process leaves Redis
alone for `RETRY_AFTER` seconds, so a Redis that hangs costs one short timeout per process
every few seconds, not one per cache call.

django-redis has `IGNORE_EXCEPTIONS`, but it is a different backend, logs every ignored
error (or none) and answers `add`/`incr` with None, which the rate limit cannot read.
"""

import logging

import redis

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from .outages import Outage

logger = logging.getLogger(__name__)

# Redis unreachable, too slow, full (out of memory with no eviction policy) or a read-only
# replica: faults of the server, met as misses. Any other command Redis refuses is a bug and
# still raises.
UNREACHABLE = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    redis.exceptions.OutOfMemoryError,
    redis.exceptions.ReadOnlyError,
)

outage = Outage(logger, "Redis unreachable, pages are built without the cache")

_MISSING = object()


class RedisClientKept(RedisCacheClient):
    """Django's Redis cache client, keeping one redis-py client per connection pool.

    Django builds a new `redis.Redis` for every cache call, and redis-py's constructor fills
    a table of some 150 reply handlers each time: with the nine cache calls of a request that
    was a tenth of a booking's CPU (README "A rush of bookings"). A redis-py client holds no
    connection of its own (each command takes one from the pool and gives it back), so one
    client serves every thread."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCacheSkippedWhenDown(RedisCache):
    """`RedisCache` whose calls behave as misses while Redis is unreachable.

    OPTIONS: `RETRY_AFTER` (seconds, default 5) is read here; the rest (such as
    `socket_connect_timeout` and `socket_timeout`) go to redis-py's connection pool."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = options.pop("RETRY_AFTER", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = RedisClientKept

    def _or_miss(self, miss, call, *args):
        """The result of `call`, or `miss` when Redis is down (or failed a moment ago)."""
        if outage.ongoing(self.retry_after):
            return miss
        try:
            return call(*args)
        except UNREACHABLE as error:
            outage.report(error)
            return miss

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._or_miss(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._or_miss(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or_miss(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._or_miss({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or_miss(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._or_miss(_MISSING, super().incr, key, delta, version)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found: the cache is unreachable.")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._or_miss(None, super().delete_many, keys, version)

    def clear(self):
        return self._or_miss(False, super().clear)
