"""The WSGI entry point gunicorn loads."""

import os
import subprocess
import sys

# Imports the WSGI module in a fresh interpreter, as a gunicorn worker does, and lists the
# routable page types whose URL resolver is not yet built.
UNBUILT_RESOLVERS = """
import portal.wsgi
from django.apps import apps
from wagtail.contrib.routable_page.models import RoutablePageMixin
routable = [m for m in apps.get_models() if issubclass(m, RoutablePageMixin)]
print(len(routable))
print(*[m.__name__ for m in routable if "_routablepage_urlresolver" not in m.__dict__])
"""


def test_a_worker_builds_every_routable_pages_resolver_before_its_first_request():
    """Built lazily, two threads of one gthread worker race on a page type's first request
    and one gets a 500 ("dictionary changed size during iteration")."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(  # noqa: S603 -- this interpreter, a fixed script
        [sys.executable, "-c", UNBUILT_RESOLVERS],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    routable, unbuilt = result.stdout.splitlines()
    assert int(routable) >= 5, "the site's routable page types (events, news, zones…)"
    assert unbuilt == ""
