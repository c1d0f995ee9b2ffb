"""The subscription pages: the form, the confirmation link, the one-click unsubscribe and
the preferences of the signed link.

None of them uses Django's CSRF token. The form is printed on cached pages (zone pages and
the footer, a fragment shared by every visitor), which must hold nothing of one visitor's,
and a forged POST can only make the site send a confirmation e-mail that its owner ignores
(double opt-in). The other pages act on a signed token in their address: that token is the
credential, and a forging site does not have it. Pages about one subscription are private
(never cached, never indexed).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.core.ratelimit import retry_after

from . import subscribing, tokens
from .forms import PreferencesForm, SubscribeForm
from .models import Subscription

GET_OR_POST = ["GET", "HEAD", "POST"]


@csrf_exempt
@require_http_methods(GET_OR_POST)
def subscribe(request):
    """The subscribe page (GET), and where every subscribe form posts to. A form with
    errors comes back here, 400, with the messages next to the fields and what was typed."""
    if request.method != "POST":
        form = SubscribeForm.blank(zone_slug=request.GET.get("zone"))
        return TemplateResponse(request, "subscriptions/subscribe.html", {"form": form})
    limit, window = settings.SUBSCRIPTION_RATE_LIMIT
    if wait := retry_after(request, "subscribe", limit, window):
        message = _("Too many attempts from your address. Try again in a few minutes.")
        response = _message(request, _("We could not do that"), message, 429, private=False)
        response["Retry-After"] = str(wait)
        return response
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, "subscriptions/subscribe.html", {"form": form}, status=400)
    subscribing.ask_to_subscribe(form.preferences())
    # 303 "see other": reloading the answer does not send the form again.
    return HttpResponseRedirect(reverse("subscription_requested"), status=303)


def requested(request):
    """The same answer whether the address was new, waiting or already subscribed."""
    return _message(
        request,
        _("Check your mailbox"),
        _(
            "We have sent a message to the address you gave. Follow the link in it within "
            "7 days to confirm what you want to receive. Nothing is sent before you confirm."
        ),
        200,
        private=False,
    )


@csrf_exempt
@require_http_methods(GET_OR_POST)
def confirm(request, token):
    """The confirmation link: a page with one button (GET, so that a mail program that
    opens links to check them does not subscribe anybody), which confirms (POST)."""
    try:
        preferences = tokens.preferences_from(token)
    except tokens.ExpiredLink:
        return _expired(request)
    except tokens.BadLink:
        return _bad_link(request)
    if request.method != "POST":
        return _private(
            TemplateResponse(request, "subscriptions/confirm.html", {"email": preferences["email"]})
        )
    subscription = subscribing.confirm(preferences)
    return _private(
        TemplateResponse(
            request,
            "subscriptions/confirmed.html",
            {"subscription": subscription, "token": tokens.manage_token(subscription)},
        )
    )


@csrf_exempt
@require_http_methods(GET_OR_POST)
def unsubscribe(request, token):
    """The unsubscribe link. POST unsubscribes at once: the mail program's one-click
    (RFC 8058, `List-Unsubscribe=One-Click` in the body) or the button of the GET page."""
    subscription = _subscription_or_none(token)
    if subscription is None:
        return _bad_link(request)
    if request.method != "POST":
        return _private(
            TemplateResponse(
                request, "subscriptions/unsubscribe.html", {"subscription": subscription}
            )
        )
    subscribing.unsubscribe(subscription)
    return _message(
        request,
        _("You have unsubscribed"),
        _("We will send nothing more to this address. You can subscribe again at any time."),
        200,
    )


@csrf_exempt
@require_http_methods(GET_OR_POST)
def preferences(request, token):
    """Change what to receive, without an account: the signed link of every notice.
    Saving confirms the subscription again (the link proves the mailbox is theirs)."""
    subscription = _subscription_or_none(token)
    if subscription is None:
        return _bad_link(request)
    saved = False
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscribing.confirm({"email": subscription.email, **form.preferences()})
            subscription.refresh_from_db()
            saved = True
        else:
            status = 400
    else:
        form = PreferencesForm(initial=PreferencesForm.initial_for(subscription))
    context = {"form": form, "subscription": subscription, "saved": saved, "token": token}
    return _private(
        TemplateResponse(request, "subscriptions/preferences.html", context, status=status)
    )


def _subscription_or_none(token):
    try:
        key = tokens.key_from(token)
    except tokens.BadLink:
        return None
    return Subscription.objects.filter(key=key).first()


def _bad_link(request):
    return _message(
        request,
        _("This link does not work"),
        _(
            "The link is not valid: it may have been changed, or the subscription no longer "
            "exists. You can subscribe again with the form."
        ),
        400,
    )


def _expired(request):
    return _message(
        request,
        _("This link has expired"),
        _("A confirmation link is valid for 7 days. Send the form again to get a new one."),
        410,
    )


def _message(request, heading, message, status, private=True):
    response = TemplateResponse(
        request,
        "subscriptions/message.html",
        {"heading": heading, "message": message},
        status=status,
    )
    return _private(response) if private else response


def _private(response):
    """A page about one subscription: never cached by the site, a proxy or a CDN, never
    indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
