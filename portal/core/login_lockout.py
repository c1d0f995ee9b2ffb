"""The page an editor sees when django-axes has locked their sign-in (AXES_LOCKOUT_CALLABLE).

Axes counts failed sign-ins per user and address; once there are AXES_FAILURE_LIMIT of them,
that user cannot sign in from that address until AXES_COOLOFF_TIME has passed since the last
attempt (every attempt while locked starts the wait again). The page says until when, in the
site's look and language, and answers 429 with Retry-After, like the site's other limits.
"""

from axes.helpers import get_cool_off

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import timezone


def lockout_response(request, original_response=None, credentials=None):
    retry_at = request.axes_attempt_time + get_cool_off(request)
    response = TemplateResponse(
        request,
        "core/login_locked.html",
        {"retry_at": retry_at},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    wait = max(0, int((retry_at - timezone.now()).total_seconds()))
    response["Retry-After"] = str(wait)
    return response.render()
