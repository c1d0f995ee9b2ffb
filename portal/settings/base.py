"""Settings shared by every environment.

Everything that differs between machines is read from the environment (django-environ);
dev.py, test.py and production.py only set what differs from here.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default=None)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "portal.core",
    "portal.news",
    "portal.events",
    "portal.research",
    "portal.handbook",
    "portal.association",
    "portal.polls",
    "portal.easyread",
    "portal.documents",
    "portal.subscriptions",
    "portal.legal",
    "portal.search",
    "portal.indicators",
    "zones",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "portal.core.apps.FrontendCacheConfig",  # wagtail.contrib.frontend_cache, see there
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: the app server's name on every response, and the front cache's health probe
    # answered before the SSL redirect and the host check (portal/core/app_server.py).
    "portal.core.app_server.NodeNameMiddleware",
    "portal.core.app_server.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Pages for anonymous visitors from the cache, with the headers of the middleware down
    # to CacheControlMiddleware kept beside them, so a page from the cache skips them.
    "portal.core.page_cache.PageCacheMiddleware",
    "portal.core.content_security.SectionCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for browsers that accept gzip (static files come pre-compressed from
    # whitenoise, above); the ETag below is computed on the page and made weak here. Django's
    # gzip pads each response with random bytes against BREACH (a CSRF token in a form).
    "django.middleware.gzip.GZipMiddleware",
    # ETag and 304 for every GET (the page cache answers the same for its pages).
    "django.middleware.http.ConditionalGetMiddleware",
    # Cache-Control; what the page cache may keep. Outside the session, CSRF and auth
    # middleware, so it sees the cookies they set.
    "portal.core.page_cache.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The request's Wagtail Site from the cache (portal/core/fragments.py).
    "portal.core.fragments.SiteFromCacheMiddleware",
    "portal.core.middleware.PortalLocaleMiddleware",
    # The page an address leads to from the cache (portal/core/routing.py).
    "portal.core.routing.RouteFromCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Reads the query string and form before any view or CsrfViewMiddleware.process_view.
    "portal.core.middleware.UnreadableRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every login against its lockouts before Django's own backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (or anything else) through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A connection kept between requests (`?conn_max_age=60` in DATABASE_URL) is checked before
# it is reused, so after a database restart the next request reconnects instead of failing.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis (shared by several app servers) through REDIS_URL.
# A Redis that is down or hangs must not take the site with it: each call gives up after
# these short timeouts, counts as a miss, and the process leaves Redis alone for
# REDIS_RETRY_AFTER seconds (portal/core/redis_cache.py).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.core.redis_cache.RedisCacheSkippedWhenDown",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5),
                "RETRY_AFTER": env.float("REDIS_RETRY_AFTER", default=5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def _next_redis_database(url):
    """The same Redis server, the database after REDIS_URL's: the page cache is emptied as a
    whole on a settings or snippet change (FLUSHDB) and must not take rate limits with it."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + 1
    return urlunsplit(parts._replace(path=f"/{number}"))


# The page cache for anonymous visitors (portal/core/page_cache.py) has a cache of its own:
# local memory, or REDIS_PAGE_CACHE_URL (default: REDIS_URL's server, next database).
CACHES["pages"] = {**CACHES["default"], "LOCATION": "pages"}
if REDIS_URL:
    CACHES["pages"]["LOCATION"] = env(
        "REDIS_PAGE_CACHE_URL", default=_next_redis_database(REDIS_URL)
    )
# Seconds a page stays in the page cache and in Varnish (s-maxage); publishing purges it
# sooner. 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Seconds a browser keeps a page without asking again (max-age); nobody can purge a browser,
# so this is short, and after it the ETag makes the question cheap (304).
BROWSER_CACHE_SECONDS = env.int("BROWSER_CACHE_SECONDS", default=60)
# Cookies (by prefix) that change what a page shows its visitor, so such a visitor's pages
# are neither answered from nor kept in the page cache: a poll's vote (portal/polls/voting.py).
PAGE_CACHE_PERSONAL_COOKIE_PREFIXES = ("poll-",)

# Varnish in front (wagtail.contrib.frontend_cache): FRONTEND_CACHE_URLS lists the Varnish
# addresses (comma-separated); empty means no front cache to purge. Each gets PURGE of every
# address a publish affects and BAN / on a settings or snippet change (portal/core/front_cache.py).
FRONTEND_CACHE_URLS = env.list("FRONTEND_CACHE_URLS", default=[])
# Seconds a publish waits at most for a Varnish that hangs (once: then it is left alone).
FRONTEND_CACHE_TIMEOUT = env.float("FRONTEND_CACHE_TIMEOUT", default=1)
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "portal.core.front_cache.VarnishBackend", "LOCATION": url}
    for number, url in enumerate(FRONTEND_CACHE_URLS)
}
# The translations are among the affected addresses already (their slugs differ): Wagtail
# must not guess them by swapping the language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# E-mail: printed to the console by default, SMTP (or any backend) through EMAIL_URL.
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Portal WTZ <biuro@spoldzielnie.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that does not answer is given up after this many seconds (per connection),
# so it holds up neither a worker nor, with the immediate backend, a request for long.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10)
# Seconds to wait before each new attempt at a message the mail server refused or dropped
# (portal/core/mail.py); after the last one the message is marked as not delivered.
EMAIL_RETRY_DELAYS = env.list("EMAIL_RETRY_DELAYS", cast=int, default=[60, 300, 1800])

# Background work (e-mail, PDF text, search index): django-tasks. The embedded default runs
# each task at once, inside the request that enqueues it (a failing task is logged, never
# raised); production.py switches to the database backend, run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# PDF text (portal/documents/text.py) is read by a task after the upload, within bounds
# so that no file can hold a worker: the first PDF_TEXT_MAX_PAGES pages, PDF_TEXT_MAX_SECONDS
# per file (the child process that reads it is killed then) and PDF_TEXT_MAX_CHARS characters
# stored (a document's search index entry must fit PostgreSQL's 1 MB tsvector). The immediate
# backend reads inside the upload request, hence one second here; production.py gives
# db_worker a minute.
PDF_TEXT_MAX_PAGES = env.int("PDF_TEXT_MAX_PAGES", default=2000)
PDF_TEXT_MAX_SECONDS = env.float("PDF_TEXT_MAX_SECONDS", default=1.0)
PDF_TEXT_MAX_CHARS = env.int("PDF_TEXT_MAX_CHARS", default=1_000_000)

# Search: Wagtail's database backend by default, Elasticsearch 8 through ELASTICSEARCH_URL.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Several sites (or a test run) can share one cluster: each prefixes its index names.
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="portal_wtz")
# A search gives up after this many seconds and, like a refused connection, is answered by
# the database instead; the client does not retry (a retry only doubles the wait).
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=2)
# After a failure a process leaves Elasticsearch alone for this many seconds (searches go to
# the database at once), so a server that hangs costs one timeout every few seconds, not
# one per search (portal/core/search_backend.py).
ELASTICSEARCH_RETRY_AFTER = env.float("ELASTICSEARCH_RETRY_AFTER", default=5)
# `manage.py update_index` and `rebuild_report_index` create indexes and send documents in
# bulk: their client waits this long instead of ELASTICSEARCH_TIMEOUT.
ELASTICSEARCH_INDEX_TIMEOUT = env.float("ELASTICSEARCH_INDEX_TIMEOUT", default=30)
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's Elasticsearch 8 backend, falling back to the database while the
            # server is down (portal/core/search_backend.py).
            "BACKEND": "portal.core.search_backend",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}_",
            "TIMEOUT": ELASTICSEARCH_TIMEOUT,
            "OPTIONS": {"max_retries": 0},
            "AUTO_UPDATE": True,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Polish is the source, English the translation.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

# Static files are served by whitenoise; production.py switches to hashed, compressed names.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Portal WTZ"
# The site's own public address: every absolute link (canonical, feeds, sitemap, .ics,
# e-mails) starts with it. `manage.py configure_site` writes it to Wagtail's default Site,
# from which Wagtail builds a page's full URL. Admin e-mails use it too unless told otherwise.
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=PORTAL_BASE_URL).rstrip("/")
WAGTAILDOCS_DOCUMENT_MODEL = "documents.PortalDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip", "mp4"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# A new translation starts as a draft: untranslated Polish text must not go live on the
# English site (and its feeds) the moment an editor presses "Translate".
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The admin sends nothing about editors to third parties: no Gravatar pictures (they carry
# a hash of the e-mail address) and no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp). The public site runs only its own scripts and styles
# (no inline ones), so an injected <script> or style attribute does nothing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        # The site's own WOFF2 fonts (static/fonts/), said outright rather than left to default-src.
        "font-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Wagtail's admin (and its preview of pages) still writes inline scripts and styles (inline
# panels, date pickers, wagtail-localize's editor) and previews uploads as blob: images, so
# below /admin/ it gets this policy instead (portal.core.content_security).
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }
}

# Permissions-Policy (django-permissions-policy): the site uses none of these browser
# features, so no page (nor anything injected into one) may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one user from one address, that
# user cannot sign in from that address for AXES_COOLOFF_MINUTES (counted from the last
# attempt). Other users, and the same user elsewhere, are not affected.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client's address as the rate limits see it (behind TRUSTED_PROXY_COUNT proxies).
AXES_CLIENT_IP_CALLABLE = "portal.core.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "portal.core.login_lockout.lockout_response"
# Only failed attempts are kept (until they expire); successful sign-ins are not logged.
AXES_DISABLE_ACCESS_LOG = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # With Elasticsearch down, its client wrote a warning with a traceback for every
        # failed attempt (about 120 lines a search). The portal's own warning, once a
        # minute (portal.core.outages), says the same.
        "elastic_transport": {"level": "ERROR"},
        # django-axes warns of every failed sign-in and lockout with the username and the
        # address: personal data stay out of the logs (the attempts are in the admin).
        "axes": {"level": "ERROR"},
    },
}

# The proxies in front of the site (Varnish, nginx) that append the address they saw to
# X-Forwarded-For. 0: REMOTE_ADDR is the visitor (no proxy). Rate limits read the visitor's
# address through portal.core.client_address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Registration for events (portal/events).
REGISTRATION_MAX_GROUP = env.int("REGISTRATION_MAX_GROUP", default=10)
# At most this many registration POSTs per address within this many seconds.
REGISTRATION_RATE_LIMIT = (
    env.int("REGISTRATION_RATE_LIMIT", default=10),
    env.int("REGISTRATION_RATE_WINDOW", default=600),
)
# Bump when the consent text in templates/events/includes/registration.html changes; each
# registration stores the version it agreed to.
REGISTRATION_CONSENT_VERSION = "2026-12"
REGISTRATION_CANCEL_LINK_MAX_AGE = 365 * 24 * 3600
REGISTRATION_RETENTION_DAYS = env.int("REGISTRATION_RETENTION_DAYS", default=90)

# The contact form (portal/association): at most this many POSTs per address within this
# many seconds; beyond that the answer is 429 with Retry-After.
CONTACT_RATE_LIMIT = (
    env.int("CONTACT_RATE_LIMIT", default=10),
    env.int("CONTACT_RATE_WINDOW", default=600),
)

# django-ratelimit (portal/core/ratelimit.py) lets requests through when the cache cannot
# count them (Redis down), rather than refusing everyone.
RATELIMIT_FAIL_OPEN = True

# Polls (portal/polls): at most this many votes per address within this many seconds. Loose on
# purpose: many people may vote from one office or school network.
POLL_RATE_LIMIT = (
    env.int("POLL_RATE_LIMIT", default=30),
    env.int("POLL_RATE_WINDOW", default=3600),
)

# Zone subscriptions (portal/subscriptions): at most this many subscribe POSTs per address
# within this many seconds; a confirmation link is valid this many seconds; unconfirmed and
# unsubscribed addresses are deleted (`manage.py purge_subscriptions`) after this many days.
SUBSCRIPTION_RATE_LIMIT = (
    env.int("SUBSCRIPTION_RATE_LIMIT", default=10),
    env.int("SUBSCRIPTION_RATE_WINDOW", default=600),
)
SUBSCRIPTION_CONFIRM_MAX_AGE = 7 * 24 * 3600
SUBSCRIPTION_RETENTION_DAYS = env.int("SUBSCRIPTION_RETENTION_DAYS", default=30)
# Bump when the information clause of templates/subscriptions/includes/form.html changes.
SUBSCRIPTION_CONSENT_VERSION = "2026-12"

# Several app servers (deploy/, `make cluster`): each names itself in the X-Portal-Node
# response header (empty: no header).
PORTAL_NODE = env("PORTAL_NODE", default="")

# Uploaded media (images, documents) served by the app servers themselves at MEDIA_URL,
# behind the front cache that keeps them (see README "Media behind the front cache").
# Off by default: a single server has its web server serve MEDIA_ROOT instead.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

# Media on S3-compatible storage (django-storages, `pip install -e ".[s3]"`) when a bucket
# is named; every app server then reads and writes the same files without a shared disk.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
    # Each upload keeps its own name (Wagtail makes renditions' names unique), and files
    # are read through the bucket's own access rules, not public links that never expire.
    AWS_S3_FILE_OVERWRITE = False
    AWS_QUERYSTRING_AUTH = env.bool("AWS_QUERYSTRING_AUTH", default=False)
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
