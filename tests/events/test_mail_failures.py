"""A mail server that refuses or hangs costs the visitor nothing: the booking is taken once,
the cancellation goes through, and the failure shows to the organisers, who can send the
e-mail again. Real SMTP servers on local ports (tests/mail_servers.py); both task backends:
the immediate one of development (the task runs in the request, no retries) and the
database one of production (the request only queues, `db_worker` sends and retries)."""

from datetime import timedelta

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.utils import timezone
from django.utils.translation import gettext

from portal.core.navigation import subpage_url
from portal.events import booking, emails
from portal.events.registrations import Registration
from tests.events.test_registration import form_data, person, register_url
from tests.mail_servers import (
    DATABASE_TASKS,
    hanging_smtp,
    refusing_smtp,
    run_worker,
    smtp_sink,
    use_smtp,
)

# The requests must commit for real (the e-mail is queued when the booking commits), and
# the database worker runs outside any test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=["immediate", "database"])
def backend(request, settings):
    """Run the test with each task backend; `deliver()` then does what the production
    worker would (nothing to do with the immediate backend: the task ran in the request)."""
    if request.param == "database":
        settings.TASKS = DATABASE_TASKS
        settings.EMAIL_RETRY_DELAYS = [0, 0, 0]  # all attempts in one run of the worker
    return request.param


def deliver(backend):
    if backend == "database":
        run_worker()


def attempts_made(backend, settings):
    """The immediate backend cannot defer a retry, so it makes one attempt; the database
    backend makes the first plus one per delay."""
    return 1 if backend == "immediate" else 1 + len(settings.EMAIL_RETRY_DELAYS)


def test_booking_with_the_mail_server_refusing_is_taken_once_and_the_email_marked_failed(
    client, meeting, settings, backend
):
    with refusing_smtp() as server:
        use_smtp(settings, server)
        response = client.post(register_url(meeting), form_data())
        assert response.status_code == 302
        assert response["Location"] == subpage_url(meeting, "registered")
        result = client.get(response["Location"])
        assert result.status_code == 200
        assert gettext("You are registered") in result.content.decode()
        deliver(backend)
        assert server.connections > 0  # it was really asked, and refused

    registration = Registration.objects.get()  # exactly one: nobody needs to try again
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email_kind == Registration.EmailKind.CONFIRMATION
    assert registration.email_status == Registration.EmailStatus.FAILED
    assert registration.email_attempts == attempts_made(backend, settings)
    assert registration.email_error.startswith("554 ")


def test_cancelling_with_the_mail_server_refusing_still_promotes_the_next_person(
    client, meeting, settings, backend
):
    meeting.capacity = 1
    meeting.save_revision().publish()
    leaving = booking.book_seat(meeting, notify=False, **person(1))
    waiting = booking.book_seat(meeting, notify=False, **person(2))
    assert waiting.status == Registration.Status.WAITING
    cancel_url = subpage_url(meeting, "cancel")
    with refusing_smtp() as server:
        use_smtp(settings, server)
        response = client.post(f"{cancel_url}?t={emails.cancel_token(leaving)}")
        assert response.status_code == 200
        assert gettext("Registration cancelled") in response.content.decode()
        deliver(backend)

    leaving.refresh_from_db()
    waiting.refresh_from_db()
    assert leaving.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED  # the seat went to the next one
    assert waiting.email_kind == Registration.EmailKind.PROMOTED
    assert waiting.email_status == Registration.EmailStatus.FAILED
    assert leaving.email_kind == Registration.EmailKind.CANCELLED
    assert leaving.email_status == Registration.EmailStatus.FAILED


def test_booking_with_a_mail_server_that_never_answers_is_given_up_after_the_timeout(
    client, meeting, settings, backend
):
    """The server accepts and never answers: each message is given up after EMAIL_TIMEOUT
    ("timed out" below) instead of holding the request until gunicorn kills it; with the
    database backend the request does not even connect (speed itself is for `make bench`)."""
    settings.EMAIL_RETRY_DELAYS = []  # one attempt: this test is about waiting, not retrying
    with hanging_smtp() as server:
        use_smtp(settings, server)
        response = client.post(register_url(meeting), form_data())
        assert response.status_code == 302
        if backend == "database":
            assert server.connections == 0  # the request only queued the two messages
            deliver(backend)
        assert server.connections == 2  # the person's and the organiser's, each given up

    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email_status == Registration.EmailStatus.FAILED
    assert "timed out" in registration.email_error


def test_the_database_worker_retries_after_each_delay_then_marks_the_email_failed(
    client, meeting, settings
):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_RETRY_DELAYS = [60, 300, 1800]
    with refusing_smtp() as server, time_machine.travel(timezone.now(), tick=True) as clock:
        use_smtp(settings, server)
        assert client.post(register_url(meeting), form_data()).status_code == 302
        assert server.connections == 0  # the request queued the e-mails and sent nothing
        registration = Registration.objects.get()
        for attempt, delay in enumerate(settings.EMAIL_RETRY_DELAYS, start=1):
            run_worker()
            registration.refresh_from_db()
            assert registration.email_status == Registration.EmailStatus.PENDING
            assert registration.email_attempts == attempt
            retry = DBTaskResult.objects.filter(
                status="READY", task_path__endswith="send_registration_email"
            ).get()
            expected = timezone.now() + timedelta(seconds=delay)
            assert abs(retry.run_after - expected) < timedelta(seconds=5)
            run_worker()  # not due yet: nothing happens
            registration.refresh_from_db()
            assert registration.email_attempts == attempt
            clock.shift(delay + 1)
        run_worker()
        assert server.connections == 2 * 4  # the person's and the organiser's, 4 attempts each

    registration.refresh_from_db()
    assert registration.email_status == Registration.EmailStatus.FAILED
    assert registration.email_attempts == 4
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_with_the_database_backend_the_request_queues_and_the_worker_delivers(
    client, meeting, settings
):
    settings.TASKS = DATABASE_TASKS
    with smtp_sink() as sink:
        use_smtp(settings, sink)
        assert client.post(register_url(meeting), form_data()).status_code == 302
        assert sink.messages == []
        queued = DBTaskResult.objects.filter(status="READY")  # the two e-mails, nothing else
        assert sorted(queued.values_list("task_path", flat=True)) == [
            "portal.events.tasks.notify_organiser",
            "portal.events.tasks.send_registration_email",
        ]
        run_worker()

    person_mail, organiser_mail = sorted(sink.messages, key=lambda m: m["To"] != "anna@example.org")
    assert person_mail["To"] == "anna@example.org"
    assert person_mail["Subject"] == "Zgłoszenie potwierdzone: Spotkanie w Poznaniu"
    assert any(part.get_filename(" ").endswith(".ics") for part in person_mail.walk())
    assert organiser_mail["To"] == "organizator@example.org"
    registration = Registration.objects.get()
    assert registration.email_status == Registration.EmailStatus.SENT
    assert registration.email_attempts == 1
    assert registration.email_error == ""
