"""Production: PostgreSQL, Redis, Elasticsearch and SMTP come from the environment.

The site refuses to start without SECRET_KEY, ALLOWED_HOSTS and PORTAL_BASE_URL, naming the
missing variable; `manage.py check --deploy --database default` also compares PORTAL_BASE_URL
with the default Site (portal/core/checks.py).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, EMAIL_BACKEND, STORAGES, env


def _required(name, value):
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for production settings."
        )
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY", env("SECRET_KEY", default=""))
ALLOWED_HOSTS = _required(
    "ALLOWED_HOSTS",
    [host.strip() for host in env.list("ALLOWED_HOSTS", default=[]) if host.strip()],
)
PORTAL_BASE_URL = _required("PORTAL_BASE_URL", env("PORTAL_BASE_URL", default="")).rstrip("/")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=PORTAL_BASE_URL).rstrip("/")
# Each worker keeps its database connection between requests (checked before reuse, see
# base.py) unless DATABASE_URL says otherwise (`?conn_max_age=0`): opening one per request
# cost a connection (a PostgreSQL backend; SQLite reads the whole schema again), about a
# third of a simple page's CPU (bench/page_cpu.py, issue 21.5).
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=[f"https://{host}" for host in ALLOWED_HOSTS]
)

# These mail backends deliver nothing: they print each message (visitors' names, addresses
# and cancel links) to the log, keep it in memory, write it to files or drop it. A production
# site that uses one by mistake loses its mail and leaks personal data into its logs, so it
# refuses to start unless ALLOW_CONSOLE_EMAIL=true says it is meant (a staging copy, say).
UNDELIVERING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
if EMAIL_BACKEND in UNDELIVERING_EMAIL_BACKENDS and not env.bool(
    "ALLOW_CONSOLE_EMAIL", default=False
):
    raise ImproperlyConfigured(
        f"EMAIL_URL selects {EMAIL_BACKEND}, which does not deliver mail and writes personal "
        "data to the log or nowhere. Set EMAIL_URL to an SMTP server (smtp+tls://...), or "
        "set ALLOW_CONSOLE_EMAIL=true if this is meant."
    )

# Tasks wait in the database until a `manage.py db_worker` process runs them, so a slow or
# failing mail server never holds up (or fails) a visitor's request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A worker, not a visitor's request, reads PDFs here: a minute per file (see base.py).
PDF_TEXT_MAX_SECONDS = env.float("PDF_TEXT_MAX_SECONDS", default=60.0)

STORAGES = {
    # base.py's media storage: local disk, or S3 when a bucket is named.
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break the
# editors' preview; SAMEORIGIN still refuses every other site. Hence W019 is silenced.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
