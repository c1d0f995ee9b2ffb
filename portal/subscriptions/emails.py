"""The subscription e-mails, in HTML and plain text, in the subscriber's language: the
confirmation of a new subscription, the notice of one new item, the weekly digest.

Notices and digests carry the one-click unsubscribe of RFC 8058 (List-Unsubscribe with the
address of a POST endpoint, and List-Unsubscribe-Post) and a signed link to change the
preferences; every link is absolute, on the site's own address. These functions build and
send one message and raise the mail server's error: the tasks decide about retrying.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from portal.core.address import absolute_url

from . import tokens


def link(name, token, language):
    """The absolute address of subscription view `name` for `token`, in `language`."""
    with translation.override(language):
        return absolute_url(reverse(name, args=[token]))


def _send(to, subject, template, context, headers=None):
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"subscriptions/emails/{template}.txt", context),
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(
        render_to_string(f"subscriptions/emails/{template}.html", context), "text/html"
    )
    message.send()


def send_confirmation(preferences):
    """Ask the owner of the address to confirm `preferences` (the link is valid 7 days)."""
    language = preferences["language"]
    with translation.override(language):
        context = {
            "confirm_url": link(
                "subscription_confirm", tokens.confirmation_token(preferences), language
            ),
            "days": settings.SUBSCRIPTION_CONFIRM_MAX_AGE // (24 * 3600),
        }
        _send(
            preferences["email"],
            gettext("Confirm your subscription to Portal WTZ"),
            "confirm",
            context,
        )


def _manage_context(subscription):
    token = tokens.manage_token(subscription)
    unsubscribe_url = link("subscription_unsubscribe", token, subscription.language)
    context = {
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": link("subscription_preferences", token, subscription.language),
    }
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return context, headers


def send_notice(subscription, item):
    """Tell a subscriber about one newly published `item` (items.Item)."""
    with translation.override(subscription.language):
        context, headers = _manage_context(subscription)
        context["item"] = item
        subject = f"{item.kind_label}: {item.title}"
        _send(subscription.email, subject, "notice", {**context}, headers)


def send_digest(subscription, items, week):
    """Send a subscriber the week's `items`, grouped by kind."""
    with translation.override(subscription.language):
        context, headers = _manage_context(subscription)
        groups = {}
        for item in items:
            groups.setdefault(item.kind_label, []).append(item)
        context.update({"groups": list(groups.items()), "week": week})
        subject = gettext("Portal WTZ: new in your zones this week")
        _send(subscription.email, subject, "digest", context, headers)
