"""E-mails about registrations, in HTML and plain text, in the registrant's language.

Confirmations, promotions and reminders carry the event's .ics (with the join link of an
online event, which is never published on the site) and a signed link to cancel.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale

from portal.core.navigation import subpage_url

from . import calendar
from .registrations import Registration

CANCEL_SALT = "portal.events.cancel-registration"


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_for_token(token):
    """The registration a cancel link points at; raises signing.BadSignature when the link
    was tampered with or has expired."""
    pk = signing.loads(token, salt=CANCEL_SALT, max_age=settings.REGISTRATION_CANCEL_LINK_MAX_AGE)
    return Registration.objects.select_related("event").get(pk=pk)


def event_in_language(registration, language=None):
    event = registration.event
    try:
        locale = Locale.objects.get(language_code=language or registration.language)
    except Locale.DoesNotExist:
        return event
    translated = event.get_translation_or_none(locale)
    return translated.specific if translated is not None and translated.live else event


def cancel_url(registration, event):
    url = subpage_url(event, "cancel", absolute=True)
    return f"{url}?{urlencode({'t': cancel_token(registration)})}"


def _send(registration, kind, subject, with_calendar=False, to=None, language=None):
    language = language or registration.language
    event = event_in_language(registration, language)
    with translation.override(language):
        context = {
            "registration": registration,
            "event": event,
            "event_url": event.get_full_url(),
            "cancel_url": cancel_url(registration, event) if kind != "organiser" else "",
            "language": language,
            "show_join_link": with_calendar
            and registration.status == Registration.Status.CONFIRMED,
        }
        message = EmailMultiAlternatives(
            subject=f"{subject}: {event.title}",
            body=render_to_string(f"events/emails/{kind}.txt", context),
            to=to or [registration.email],
        )
        message.attach_alternative(
            render_to_string(f"events/emails/{kind}.html", context), "text/html"
        )
        if with_calendar:
            ics = calendar.feed([event], event.title, None, include_join_link=True).to_ical()
            message.attach(f"{event.slug}.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
        message.send()


def send_registration_emails(registration):
    with translation.override(registration.language):
        if registration.status == Registration.Status.CONFIRMED:
            _send(
                registration, "confirmation", gettext("Registration confirmed"), with_calendar=True
            )
        else:
            _send(registration, "waiting", gettext("You are on the waiting list"))
    notify_organiser(registration)


def send_promoted(registration):
    with translation.override(registration.language):
        _send(registration, "promoted", gettext("A seat is yours"), with_calendar=True)


def send_reminder(registration):
    with translation.override(registration.language):
        _send(registration, "reminder", gettext("Reminder: tomorrow"), with_calendar=True)


def notify_organiser(registration):
    address = registration.event.organiser_email or settings.DEFAULT_FROM_EMAIL
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            registration,
            "organiser",
            gettext("New registration"),
            to=[address],
            language=settings.LANGUAGE_CODE,
        )
