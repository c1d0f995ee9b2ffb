"""Settings for the test suite: fast hashing, in-memory cache and e-mail outbox."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# No page cache: a test that changes a page without publishing it would otherwise be shown
# what an earlier test left cached. tests/core/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
FRONTEND_CACHE_URLS = []
WAGTAILFRONTENDCACHE = {}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/portal-wtz-test-media")  # noqa: S108
# The test client's host; the `home` fixture writes it to the default Site (configure_site).
PORTAL_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
# No JIT compilation on PostgreSQL: test databases are never ANALYZEd, so the planner takes
# a join of a few rows for millions and compiles the query, 0.6-2.5 s of the server's CPU
# for the header's query that runs in 0.3 ms without (EXPLAIN ANALYZE). .ci/postgres also
# starts its server with jit=off, for the cluster tests' app servers.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
