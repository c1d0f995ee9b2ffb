"""The e-mails about registrations, sent by background tasks (django-tasks).

A message is queued once the transaction that changed the registration commits, so a mail
server that refuses or hangs never fails or holds up the visitor's request (with the
database backend of production the request does not talk to it at all). Each registration
remembers its latest message (`email_kind`) and how sending it went (`email_status`,
`email_attempts`, `email_error`): a message that still fails after the retries of
EMAIL_RETRY_DELAYS shows as "E-mail nie dotarł" in Zgłoszenia, where organisers can send it
again. Tasks get primary keys, never objects: the database backend stores arguments as JSON.
"""

from django_tasks import task

from portal.core import mail

from . import emails
from .registrations import Registration

Status = Registration.EmailStatus


def queue_email(registration, kind):
    """Make `kind` the registration's latest message, pending, and send it from a task once
    the current transaction commits. A message of an earlier kind that is still waiting for
    a retry is then dropped: the person gets the latest news, not a stale one."""
    pending = {"email_kind": kind, "email_status": Status.PENDING, "email_attempts": 0}
    pending["email_error"] = ""
    Registration.objects.filter(pk=registration.pk).update(**pending)
    for name, value in pending.items():
        setattr(registration, name, value)
    mail.enqueue_with_the_change(send_registration_email, registration.pk, str(kind))


def queue_email_again(registration):
    """The organisers' "send again": queue the latest message once more, from its first
    attempt. Only the request that finds it still failed claims it (one UPDATE), so a double
    click or two organisers at once send it once. False when there was nothing to claim."""
    claimed = Registration.objects.filter(
        pk=registration.pk, email_status=Status.FAILED, anonymised_at__isnull=True
    ).update(email_status=Status.PENDING, email_attempts=0, email_error="")
    if claimed:
        mail.enqueue_with_the_change(
            send_registration_email, registration.pk, str(registration.email_kind)
        )
    return bool(claimed)


def queue_organiser_notice(registration):
    mail.enqueue_with_the_change(notify_organiser, registration.pk)


def queue_booking_emails(registration):
    """A new booking's two messages: the confirmation or waiting-list notice (the
    registration was created with that kind, pending, so no UPDATE is needed) and the
    organiser's notice."""
    mail.enqueue_all_with_the_change(booking_emails(registration))


def booking_emails(registration):
    """The `(task, args)` of a new booking's two messages (`queue_booking_emails`)."""
    return [
        (send_registration_email, (registration.pk, str(registration.email_kind))),
        (notify_organiser, (registration.pk,)),
    ]


def can_send_again(registration):
    """The organisers' "send again" is offered for a message that finally failed (one still
    pending is already on its way) of a registration whose data have not been purged."""
    return (
        registration.email_status == Status.FAILED
        and bool(registration.email_kind)
        and registration.anonymised_at is None
    )


@task()
def send_registration_email(registration_id, kind, attempt=1):
    """Send message `kind` to the registrant. On a mail-server error, try again after the
    next delay of EMAIL_RETRY_DELAYS; after the last attempt mark it as not delivered."""
    latest = Registration.objects.filter(
        pk=registration_id, email_kind=kind, anonymised_at__isnull=True
    )
    registration = latest.select_related("event").first()
    if registration is None:
        return  # a newer message replaced this one, or the data were purged meanwhile
    error, retrying = mail.deliver(
        send_registration_email,
        f"Registration {registration_id}, {kind} e-mail",
        attempt,
        lambda: emails.send_to_registrant(registration, kind),
        (registration_id, kind),
    )
    if error is None:
        latest.update(email_status=Status.SENT, email_attempts=attempt, email_error="")
    else:
        latest.update(
            email_status=Status.PENDING if retrying else Status.FAILED,
            email_attempts=attempt,
            email_error=mail.describe(error),
        )


@task()
def notify_organiser(registration_id, attempt=1):
    """Tell the organiser about a new registration, retried like the registrant's e-mail.
    A notice that finally fails is only logged: the registration itself is in the admin."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return
    mail.deliver(
        notify_organiser,
        f"Registration {registration_id}, organiser's notice",
        attempt,
        lambda: emails.send_organiser_notice(registration),
        (registration_id,),
    )
