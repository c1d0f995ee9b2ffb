"""The embedded default used by `make run`: SQLite, database search, console e-mail."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import PORTAL_BASE_URL, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")  # noqa: S105
# `make run HOST=192.168.1.5` serves the site at that address (PORTAL_BASE_URL), so accept it.
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost", "[::1]", urlsplit(PORTAL_BASE_URL).hostname or "localhost"],
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
