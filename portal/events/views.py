"""The registration sub-views of an event page: sign up, see the result, cancel.

The event page gains these routes through the hook ``register_page_routes``
(wagtail_hooks.py, see core.routes), so the page model does not import its views.
"""

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.navigation import subpage_url
from portal.core.ratelimit import retry_after

from . import booking, emails
from .forms import RegistrationForm, max_people, registration_context
from .registrations import Registration

REGISTERED_KEY = "events.registered"
REGISTERED_MAX_AGE = 24 * 3600  # the result page shows the registration for a day


def register(event, request):
    if request.method != "POST":
        return redirect(event.url)
    limit, window = settings.REGISTRATION_RATE_LIMIT
    if wait := retry_after(request, "registration", limit, window):
        return TemplateResponse(
            request,
            "events/registration_refused.html",
            {
                "page": event,
                "message": _("Too many attempts from your address. Try again in a few minutes."),
            },
            status=429,
            headers={"Retry-After": str(wait)},
        )
    source = booking.source_event(event)
    form = RegistrationForm(request.POST, max_people=max_people(source))
    if not form.is_valid():
        return _form_again(event, request, form)
    try:
        registration = booking.book_seat(
            event, language=event.locale.language_code, **form.registration_data()
        )
    except booking.AlreadyRegistered as refusal:
        form.add_error("email", str(refusal))
        return _form_again(event, request, form)
    except booking.RegistrationRefused as refusal:
        return TemplateResponse(
            request,
            "events/registration_refused.html",
            {"page": event, "message": str(refusal)},
            status=409,
        )
    # The result page finds the registration in a signed cookie: no token in the address, so
    # none in the server's access log, and no session row written during a rush of bookings.
    response = redirect(subpage_url(event, "registered"))
    response.set_signed_cookie(
        REGISTERED_KEY,
        registration.pk,
        salt=REGISTERED_KEY,
        max_age=REGISTERED_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _form_again(event, request, form):
    response = event.render(
        request, context_overrides={"registration": registration_context(event, form)}
    )
    response.status_code = 400
    return response


def registration_routes():
    """The event page's registration sub-views (their routes are translated)."""
    return [
        path(gettext_lazy("register/"), register, name="register"),
        path(gettext_lazy("registered/"), registered, name="registered"),
        path(gettext_lazy("cancel/"), cancel_from_link, name="cancel"),
    ]


def registered(event, request):
    pk = request.get_signed_cookie(
        REGISTERED_KEY, default=None, salt=REGISTERED_KEY, max_age=REGISTERED_MAX_AGE
    )
    registration = Registration.objects.filter(pk=pk, event=booking.source_event(event)).first()
    if registration is None:
        return redirect(event.url)
    return _private(
        TemplateResponse(
            request, "events/registered.html", {"page": event, "registration": registration}
        )
    )


def cancel(event, request, token):
    registration = _registration_or_none(token)
    if registration is None or registration.event_id != booking.source_event(event).pk:
        return _bad_link(event, request)
    if registration.status == Registration.Status.CANCELLED:
        return TemplateResponse(
            request,
            "events/registration_refused.html",
            {"page": event, "message": _("This registration has already been cancelled.")},
            status=410,
        )
    if request.method == "POST":
        booking.cancel(registration)
        return _private(TemplateResponse(request, "events/cancelled.html", {"page": event}))
    return _private(
        TemplateResponse(
            request, "events/cancel_confirm.html", {"page": event, "registration": registration}
        )
    )


def cancel_from_link(event, request):
    """The cancellation link of the e-mail. The signed token travels in the query string
    (?t=…): it contains characters that Wagtail's page paths do not allow."""
    return cancel(event, request, request.GET.get("t", ""))


def _private(response):
    """Pages about one person's registration: never cached by a proxy or a CDN, never
    indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _registration_or_none(token):
    try:
        return emails.registration_for_token(token)
    except (signing.BadSignature, Registration.DoesNotExist):
        return None


def _bad_link(event, request):
    return TemplateResponse(
        request,
        "events/registration_refused.html",
        {
            "page": event,
            "message": _(
                "This link is not valid: it may have been changed or may have expired. "
                "Write to the organiser if you want to cancel."
            ),
        },
        status=400,
    )
