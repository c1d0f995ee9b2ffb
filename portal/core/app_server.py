"""What one app server of several says about itself: its name on every response, and
whether it can serve at all (the front cache's health probe)."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse

HEALTH_PATH = "/healthz"


class NodeNameMiddleware:
    """Adds `X-Portal-Node: <PORTAL_NODE>` to every response, so that behind a load
    balancer one can tell which app server answered; nothing when PORTAL_NODE is unset."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.node = settings.PORTAL_NODE

    def __call__(self, request):
        response = self.get_response(request)
        if self.node:
            response["X-Portal-Node"] = self.node
        return response


class HealthCheckMiddleware:
    """Answers the front cache's probe at /healthz: 200 while this process reaches the
    database, 503 when it does not, so Varnish sends visitors to another app server.

    It answers before the other middleware on purpose: the probe comes over plain HTTP with
    the app server's own address as its host, which the SSL redirect and ALLOWED_HOSTS of a
    production site would otherwise refuse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HEALTH_PATH:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return _health_answer(503, "database unreachable\n")
        return _health_answer(200, "ok\n")


def _health_answer(status, text):
    response = HttpResponse(text, status=status, content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
