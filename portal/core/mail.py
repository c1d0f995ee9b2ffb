"""What every e-mail task shares: which errors mean "the mail server failed" (worth trying
again later), when the next attempt runs, and a short reason an organiser can read.

E-mail is sent by background tasks (django-tasks). A task that meets a mail-server error
asks `retry_at()` when to try again: with a backend that can defer a task (the database
backend run by `manage.py db_worker`, in production) the next attempt waits
EMAIL_RETRY_DELAYS[n] seconds; after the last delay there is no next attempt and the task
records the failure. The immediate backend (development and tests) runs a task at once,
inside the request, and cannot wait: there a failed message gets no retry and is recorded
as failed straight away. Trying again at once would only repeat the error a moment later
and, with a server that does not answer, multiply the visitor's wait by the number of
attempts; the organisers' "send again" covers it.
"""

import logging
import smtplib
from datetime import timedelta

from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import normalize_json, task_enqueued
from django_tasks_db.models import DBTaskResult, get_date_max

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# Refused, dropped, timed out, TLS failed, nobody listening: smtplib's errors and the
# socket's (OSError covers ConnectionError, TimeoutError and ssl.SSLError).
MAIL_SERVER_ERRORS = (smtplib.SMTPException, OSError)


def enqueue_with_the_change(task, *args, **kwargs):
    """Queue `task` so that it exists if and only if the change that asks for it commits.
    The database backend (production) writes the task in the same transaction as the
    booking: a crash or a database blip between the commit and the queueing can no longer
    keep a booking without its e-mail. A backend that runs the task at once (development,
    tests) waits for the commit, so no e-mail goes out for a change that was rolled back."""
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def enqueue_all_with_the_change(calls):
    """Like `enqueue_with_the_change` for several `(task, args)` at once: the database
    backend writes them in one INSERT (django-tasks has no bulk enqueue), so a booking's two
    e-mails cost one statement inside its lock instead of two."""
    rows = database_task_rows(calls)
    if rows is None:
        for task, args in calls:
            enqueue_with_the_change(task, *args)
        return
    DBTaskResult.objects.bulk_create(rows)
    announce_enqueued(calls, rows)


def database_task_rows(calls):
    """The database backend's rows for `(task, args)` calls, not yet saved, for a caller
    that writes them in a statement of its own; None when the tasks' backend is not the
    database (the caller then enqueues them with `enqueue_with_the_change`)."""
    backend = calls[0][0].get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    rows = []
    for task, args in calls:
        backend.validate_task(task)
        rows.append(
            # The id comes from the model's own default (a new UUID), as the backend's
            # enqueue gives it when no `id_function` is configured (none is here).
            DBTaskResult(
                args_kwargs=normalize_json({"args": args, "kwargs": {}}),
                priority=task.priority,
                task_path=task.module_path,
                queue_name=task.queue_name,
                # What the model's pre_save handler does, which bulk_create skips.
                run_after=task.run_after or get_date_max(),
                backend_name=backend.alias,
            )
        )
    return rows


def announce_enqueued(calls, rows):
    """django-tasks' `task_enqueued` signal for the rows of `calls` once written, as the
    backend's own enqueue sends it."""
    sender = type(calls[0][0].get_backend())
    for row in rows:
        task_enqueued.send(sender, task_result=row.task_result)


def deliver(task, what, attempt, send, task_args):
    """Run `send()`, attempt `attempt` of mail task `task` (called with `task_args`). On a
    mail-server error log it (by `what`, never an address) and queue the next attempt after
    its delay. Returns (None, False) when sent, else (the error, whether it is retried)."""
    try:
        send()
    except MAIL_SERVER_ERRORS as error:
        when = retry_at(task, attempt)
        log_failure(task, what, attempt, error, when)
        if when:
            task.using(run_after=when).enqueue(*task_args, attempt=attempt + 1)
        return error, bool(when)
    return None, False


def attempts_allowed(task):
    """The first attempt plus one per retry delay, where `task`'s backend can defer."""
    if not task.get_backend().supports_defer:
        return 1
    return 1 + len(settings.EMAIL_RETRY_DELAYS)


def retry_at(task, attempt):
    """When attempt `attempt + 1` of a mail task whose attempt `attempt` just failed should
    run, or None when the attempts are used up or `task`'s backend cannot defer tasks."""
    if attempt >= attempts_allowed(task):
        return None
    return timezone.now() + timedelta(seconds=settings.EMAIL_RETRY_DELAYS[attempt - 1])


def log_failure(task, what, attempt, error, retrying):
    """One warning per failed attempt, naming the message by its record (never by address:
    SMTP errors often quote the recipient, and personal data stay out of the logs)."""
    logger.warning(
        "%s: attempt %d of %d failed (%s)%s",
        what,
        attempt,
        attempts_allowed(task),
        type(error).__name__,
        "; trying again later" if retrying else "; not delivered",
    )


def describe(error):
    """A short reason for the admin: the SMTP reply when there is one, else the error."""
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        if isinstance(reply, bytes):
            reply = reply.decode(errors="replace")
        reason = f"{error.smtp_code} {reply}"
    else:
        reason = f"{type(error).__name__}: {error}".rstrip(": ")
    return reason[:200]
