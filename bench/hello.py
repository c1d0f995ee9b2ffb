"""The yardstick of `make bench`: the smallest Django app, one view that says hello.

Served by the same gunicorn with the same workers as the portal, it shows what the stack
itself can answer on this machine, so the portal's pages are reported as a share of it.
Run as `gunicorn bench.hello:application`.
"""

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-hello-world-has-no-secrets",  # noqa: S106 - no session, no signing
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402 - after settings.configure
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def hello(request):
    """Hello, world: no template, no database, no middleware."""
    return HttpResponse("Hello, world\n", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
