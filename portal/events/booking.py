"""Booking seats: the rules of who is confirmed and who waits, enforced by the database.

Every change of seats (a booking, a cancellation) runs in one transaction that first locks
the event's rows (`select_for_update`), so simultaneous requests queue up on PostgreSQL and
never overbook. Seats are counted per person: a group of three takes three seats.

Promotion rule: when seats free up, the waiting list is walked in arrival order and every
registration that fits in the free seats is confirmed; a group that does not fit keeps its
place at the head of the queue while a smaller one behind it may go ahead.
"""

import functools

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from portal.core import mail

from . import tasks
from .registrations import Registration


class RegistrationRefused(Exception):
    """A registration the rules do not allow; the message says why, for the visitor."""


class AlreadyRegistered(RegistrationRefused):
    pass


def source_event(event):
    """Registrations belong to the event in the source language, so the Polish and English
    pages share one list of seats."""
    if event.locale.is_default:  # no query: the page's locale is fetched with it once
        return event
    return event.get_translation_or_none(Locale.get_default()) or event


def registration_closed_reason(event, now=None):
    """Why registration is not open now, or None when it is."""
    now = now or timezone.now()
    if event.status == event.Status.CANCELLED:
        return _("This event has been cancelled.")
    if event.end <= now:
        return _("This event has already taken place.")
    if event.registration_opens is None and event.registration_closes is None:
        return _("This event does not take registrations on the site.")
    if event.registration_opens and now < event.registration_opens:
        return _("Registration has not opened yet.")
    if event.registration_closes and now >= event.registration_closes:
        return _("Registration has closed.")
    return None


# What the booking rules read from the event, fetched by the query that locks it.
LOCKED_FIELDS = ["capacity", "status", "end", "registration_opens", "registration_closes"]


def _locking(event):
    """The query that locks every language version of the event, in a fixed order (no
    deadlocks), and reads the booking fields."""
    return (
        type(event)
        .objects.select_for_update()
        .filter(translation_key=event.translation_key)
        .order_by("pk")
        .values("pk", *LOCKED_FIELDS)
    )


def _lock(event):
    """Lock the event's rows and bring `event`'s booking fields up to date from its locked
    row (what another booking or an editor changed before the lock was ours)."""
    return _read_locked(event, list(_locking(event)))


def _read_locked(event, rows):
    """Copy the booking fields of `event`'s locked row onto it; the locked rows' keys."""
    for row in rows:
        if row["pk"] == event.pk:
            for name in LOCKED_FIELDS:
                setattr(event, name, row[name])
    return [row["pk"] for row in rows]


def free_seats(event):
    if event.capacity is None:
        return None
    return max(event.capacity - Registration.objects.filter(event=event).seats_taken(), 0)


def _counting(event):
    """The query of the seats taken and the people waiting (no row: no registration yet)."""
    return (
        Registration.objects.filter(event=event)
        .order_by()
        .values("event")
        .annotate(
            taken=Coalesce(Sum("people", filter=Q(status=Registration.Status.CONFIRMED)), 0),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
        )
        .values_list("taken", "waiting")
    )


def _seats_left(event, counts):
    """Seats left and whether anyone waits, from the counts (None seats: no limit)."""
    taken, waiting = counts or (0, 0)
    seats = None if event.capacity is None else max(event.capacity - taken, 0)
    return seats, waiting > 0


def _lock_and_count(event):
    """Lock the event and count its seats and queue: (seats left, anyone waiting, the new
    registration's id or None).

    Every other booking of the event waits while this one holds the lock, and after each
    statement the request's thread must wait for the interpreter's lock (GIL) before it can
    send the next one, while the other threads of a gthread worker render. So on PostgreSQL
    the lock, the count and the new registration's id (its sequence's next value, so the
    registration and its e-mail tasks, whose arguments name it, go in one round trip too)
    are one execute (`_lock_count_and_number_sql`); with client-side binding
    (Django's default with psycopg 3) one execute carries several statements, and
    PostgreSQL gives each its own snapshot in READ COMMITTED, so the count, which starts
    once the lock is granted, sees the booking committed just before. (It could not be
    part of the locking SELECT itself, whose snapshot is taken before the wait.)"""
    if not _one_round_trip():
        _read_locked(event, list(_locking(event)))
        return (*_seats_left(event, next(iter(_counting(event)), None)), None)
    with connection.cursor() as cursor:
        cursor.execute(
            _lock_count_and_number_sql(type(event)),
            {
                "key": event.translation_key,
                "event": event.pk,
                "confirmed": Registration.Status.CONFIRMED.value,
                "waiting": Registration.Status.WAITING.value,
            },
        )
        _read_locked(event, [dict(zip(["pk", *LOCKED_FIELDS], row, strict=True)) for row in cursor])
        cursor.nextset()
        seats, anyone_waiting = _seats_left(event, cursor.fetchone())
        cursor.nextset()
        return seats, anyone_waiting, cursor.fetchone()[0]


def _one_round_trip():
    """Whether the connection takes several statements in one execute (PostgreSQL with
    psycopg's client-side binding)."""
    return connection.vendor == "postgresql" and not connection.settings_dict["OPTIONS"].get(
        "server_side_binding"
    )


@functools.cache
def _lock_count_and_number_sql(event_model):
    """The booking's first statements, written once per process instead of compiled by the
    ORM on every booking (building them was the largest part of a booking's CPU): the lock
    of every language version of the event in a fixed order (no deadlocks), which reads
    the booking fields (`LOCKED_FIELDS`, as `_locking` does), the count of seats taken and
    people waiting (as `_counting`), and the next registration id."""
    quote = connection.ops.quote_name
    page, event_table = Page._meta, event_model._meta
    pointer = quote(event_table.pk.column)
    fields = ", ".join(f"e.{quote(event_table.get_field(name).column)}" for name in LOCKED_FIELDS)
    registrations = Registration._meta
    column = {name: quote(registrations.get_field(name).column) for name in ("event", "status")}
    sequence = f"pg_get_serial_sequence('{registrations.db_table}', '{registrations.pk.column}')"
    return (
        # Names from the models' _meta, values as parameters.
        f"SELECT e.{pointer}, {fields} FROM {quote(event_table.db_table)} e "  # noqa: S608
        f"JOIN {quote(page.db_table)} p ON p.{quote(page.pk.column)} = e.{pointer} "
        f"WHERE p.{quote(page.get_field('translation_key').column)} = %(key)s "
        "ORDER BY 1 FOR UPDATE; "
        f"SELECT COALESCE(SUM({quote(registrations.get_field('people').column)}) "
        f"FILTER (WHERE {column['status']} = %(confirmed)s), 0), "
        f"COUNT(*) FILTER (WHERE {column['status']} = %(waiting)s) "
        f"FROM {quote(registrations.db_table)} WHERE {column['event']} = %(event)s; "
        f"SELECT nextval({sequence})"
    )


@functools.cache
def _insert_statement(model, rows):
    """`INSERT` of `rows` new rows of `model`, every concrete column given, and those
    columns' fields in order."""
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    values = "(" + ", ".join(["%s"] * len(fields)) + ")"
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES "  # noqa: S608
    return sql + ", ".join([values] * rows), fields


def _insert(*groups):
    """Write groups of new model instances (primary keys set) in one execute, a statement
    per group; each field's value prepared as the ORM's insert does (`pre_save` fills
    `auto_now_add`). Model signals are not sent, as with `bulk_create`."""
    statements, params = [], []
    for instances in groups:
        sql, fields = _insert_statement(type(instances[0]), len(instances))
        statements.append(sql)
        for instance in instances:
            params += [
                field.get_db_prep_save(field.pre_save(instance, True), connection)
                for field in fields
            ]
    with connection.cursor() as cursor:
        cursor.execute("; ".join(statements), params)
    for instances in groups:
        for instance in instances:
            instance._state.adding, instance._state.db = False, connection.alias


def _register(event, number, notify, fields):
    """Write the registration and, with `notify`, queue its two e-mails: with `number`
    (its id, from `_lock_and_count`) and the database task queue, all in one round trip;
    otherwise through the ORM."""
    registration = Registration(pk=number, event=event, **fields)
    emails = tasks.booking_emails(registration)
    rows = mail.database_task_rows(emails) if notify else []
    if number is None or rows is None:
        registration.save(force_insert=True)
        if notify:
            tasks.queue_booking_emails(registration)
        return registration
    _insert([registration], *([rows] if rows else []))
    if rows:
        mail.announce_enqueued(emails, rows)
    return registration


def book_seat(event, notify=True, **data):
    """Register `data` (the form's cleaned data plus `language`) for `event`: confirmed when
    the seats suffice, on the waiting list otherwise. Raises RegistrationRefused.

    The event's lock is held from the first query to the commit, so everything in it waits
    for every other booking of the event: it holds only the lock itself (which reads the
    event's state and counts the seats), then the insert of the registration with its two
    e-mail tasks (rows written in the same transaction, sent later by a worker, so a
    failing mail server can neither undo nor slow a booking), then the commit. Form
    validation, the rate limit, the session and the redirect all happen outside it
    (`notify=False` for imported data)."""
    event = source_event(event)
    with transaction.atomic():
        seats, anyone_waiting, number = _lock_and_count(event)
        reason = registration_closed_reason(event)
        if reason:
            raise RegistrationRefused(reason)
        if anyone_waiting and seats != 0:
            # Seats added since (a larger room) go to those waiting first.
            promote_waiting(event)
            seats = free_seats(event)
        confirmed = seats is None or data["people"] <= seats
        status = Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITING
        kind = Registration.EmailKind.CONFIRMATION if confirmed else Registration.EmailKind.WAITING
        if notify:
            data |= {"email_kind": kind, "email_status": Registration.EmailStatus.PENDING}
        try:
            registration = _register(
                event, number, notify, {"status": status, "consented_at": timezone.now(), **data}
            )
        except IntegrityError as error:
            # Raised at once, so the whole transaction rolls back: no savepoint needed.
            raise AlreadyRegistered(
                _("This e-mail address is already registered for this event.")
            ) from error
    return registration


def cancel(registration):
    """Cancel a registration, confirm it to the person, free its seats and promote whoever
    fits from the waiting list. Returns the promoted registrations. Cancelling twice
    changes nothing."""
    with transaction.atomic():
        _lock(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return []
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        tasks.queue_email(registration, Registration.EmailKind.CANCELLED)
        event = registration.event
        if event.status == event.Status.CANCELLED or event.end <= timezone.now():
            return []  # nobody is promoted to a meeting that will not take place
        promoted = promote_waiting(event)
    return promoted


def refill(event):
    """After the seats changed (a larger room, a deleted registration): promote whoever
    now fits, under the event's lock."""
    event = source_event(event)
    with transaction.atomic():
        _lock(event)
        if event.status == event.Status.CANCELLED or event.end <= timezone.now():
            return []
        return promote_waiting(event)


def promote_waiting(event):
    """Confirm waiting registrations, in arrival order, that fit in the free seats (call
    inside the transaction that holds the event's lock)."""
    seats = free_seats(event)
    promoted = []
    for waiting in Registration.objects.filter(event=event).waiting():
        if seats is not None and waiting.people > seats:
            continue
        waiting.status = Registration.Status.CONFIRMED
        waiting.save(update_fields=["status"])
        promoted.append(waiting)
        if seats is not None:
            seats -= waiting.people
            if seats == 0:
                break
    for registration in promoted:
        tasks.queue_email(registration, Registration.EmailKind.PROMOTED)
    return promoted


def registration_summary(event):
    """The organiser's numbers: seats confirmed, people waiting, seats free, and how many
    confirmed registrations asked for each kind of help (one query)."""
    event = source_event(event)
    active = Registration.objects.filter(event=event).exclude(status=Registration.Status.CANCELLED)
    confirmed = Q(status=Registration.Status.CONFIRMED)
    totals = active.aggregate(
        confirmed=Coalesce(Sum("people", filter=confirmed), 0),
        waiting=Coalesce(Sum("people", filter=Q(status=Registration.Status.WAITING)), 0),
        waiting_registrations=Count("pk", filter=Q(status=Registration.Status.WAITING)),
        other_needs=Count("pk", filter=confirmed & ~Q(needs_other="")),
        **{
            name: Count("pk", filter=confirmed & Q(**{name: True}))
            for name, _label in Registration.NEEDS
        },
    )
    free = None if event.capacity is None else max(event.capacity - totals["confirmed"], 0)
    needs = [
        {"label": label, "count": totals[name]}
        for name, label in Registration.NEEDS
        if totals[name]
    ]
    if totals["other_needs"]:
        needs.append({"label": _("other needs"), "count": totals["other_needs"]})
    return {**totals, "capacity": event.capacity, "free": free, "needs": needs}
