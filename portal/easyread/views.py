"""The reader options' two addresses: the link that sets a choice, the style sheet it shows."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .reader import CONTRASTS, COOKIE, COOKIE_MAX_AGE, TEXT_SIZES, ReaderOptions


class SeeOther(HttpResponseRedirect):
    status_code = 303


@require_safe
def set_reader_option(request):
    """Remember the text size (`text=1|2|3`) or contrast (`contrast=normal|high`) in a
    first-party cookie and go back (303) to the page the link was on."""
    text, contrast = request.GET.get("text"), request.GET.get("contrast")
    if (
        (text is None and contrast is None)
        or text not in (None, *TEXT_SIZES)
        or (contrast not in (None, *CONTRASTS))
    ):
        return HttpResponseBadRequest(
            _("Choose a text size of 1, 2 or 3, or the normal or high contrast."),
            content_type="text/plain; charset=utf-8",
        )
    current = ReaderOptions.from_cookie(request.COOKIES.get(COOKIE))
    chosen = ReaderOptions(text=text or current.text, contrast=contrast or current.contrast)
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "/"
    response = SeeOther(back)
    response.set_cookie(
        COOKIE,
        chosen.cookie_value(),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


@require_safe
def reader_stylesheet(request):
    """The style sheet of the visitor's reader options (empty for the defaults): private,
    so no shared cache keeps it, and revalidated on each page (its ETag makes that a 304)."""
    options = ReaderOptions.from_cookie(request.COOKIES.get(COOKIE))
    response = HttpResponse(options.css(), content_type="text/css; charset=utf-8")
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
