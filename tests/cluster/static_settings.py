"""The production settings for the cluster tests' `collectstatic` alone: the same hashed
names and manifest (staticfiles.json, which the app servers' whitenoise storage reads), but
without the gzip and brotli copy of each file, which no cluster test asks for: brotli's best
compression of Wagtail's admin scripts is three quarters of the command's CPU (16 -> 4 s).
tests/core/test_settings_and_commands.py checks the compressed copies."""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
