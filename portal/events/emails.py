"""E-mails about registrations, in HTML and plain text, in the registrant's language.

Confirmations, promotions and reminders carry the event's .ics (with the join link of an
online event, which is never published on the site) and a signed link to cancel; a
cancellation is confirmed. These functions build and send one message; the background
tasks in tasks.py call them, so a visitor's request never waits for the mail server.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from portal.core.navigation import subpage_url

from . import calendar
from .registrations import Registration

CANCEL_SALT = "portal.events.cancel-registration"

Kind = Registration.EmailKind

SUBJECTS = {
    Kind.CONFIRMATION: _("Registration confirmed"),
    Kind.WAITING: _("You are on the waiting list"),
    Kind.PROMOTED: _("A seat is yours"),
    Kind.REMINDER: _("Reminder: tomorrow"),
    Kind.CANCELLED: _("Registration cancelled"),
}
# A seat is (or may become) theirs: the .ics, and the link to give it up.
WITH_CALENDAR = {Kind.CONFIRMATION, Kind.PROMOTED, Kind.REMINDER}
WITH_CANCEL_LINK = {Kind.CONFIRMATION, Kind.WAITING, Kind.PROMOTED, Kind.REMINDER}


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
            "place": calendar.location(event),
            "cancel_url": cancel_url(registration, event) if kind in WITH_CANCEL_LINK else "",
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


def send_to_registrant(registration, kind):
    """Send message `kind` (a Registration.EmailKind) in the registrant's language. Raises
    the mail server's error: the task that calls this decides about retrying."""
    with translation.override(registration.language):
        _send(registration, kind, str(SUBJECTS[kind]), with_calendar=kind in WITH_CALENDAR)


def send_organiser_notice(registration):
    """Tell the organiser (or the site's sender address) about a new registration, in
    Polish and without the person's contact data."""
    address = registration.event.organiser_email or settings.DEFAULT_FROM_EMAIL
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            registration,
            "organiser",
            gettext("New registration"),
            to=[address],
            language=settings.LANGUAGE_CODE,
        )
