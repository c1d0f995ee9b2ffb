"""What one booking costs the database. While a booking holds its event's lock every other
booking of that event waits, so after the lock is granted a booking sends only what must be
under it: the count of the seats and the registration's id (in the same round trip as the
lock), then the registration's insert with the insert of its two e-mail tasks (production's
database task backend) in one round trip."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.events.registrations import Registration
from tests.events.test_registration import form_data, register_url
from tests.mail_servers import DATABASE_TASKS

pytestmark = pytest.mark.django_db

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT")


def statements_of(queries):
    """The SQL statements sent, without the transaction's own."""
    return [each["sql"] for each in queries if not each["sql"].startswith(TRANSACTION_CONTROL)]


def inserted_tables(sql):
    """The tables of the INSERT statements of one execute, in order."""
    return [
        each.split()[2].strip('"') for each in sql.split("; ") if each.startswith("INSERT INTO")
    ]


def test_a_booking_counts_with_the_lock_and_then_only_inserts(client, meeting, settings):
    if connection.vendor != "postgresql":
        pytest.skip("one round trip for the lock and the count is PostgreSQL's (psycopg 3)")
    settings.TASKS = DATABASE_TASKS
    # The first booking of the address fills the route and site caches.
    client.post(register_url(meeting), form_data(email="pierwsza@example.org"))

    with CaptureQueriesContext(connection) as queries:
        response = client.post(register_url(meeting), form_data())

    assert response.status_code == 302
    assert Registration.objects.get(email="anna@example.org").status == "confirmed"
    statements = statements_of(queries)
    locking = [index for index, sql in enumerate(statements) if "FOR UPDATE" in sql]
    assert len(locking) == 1
    lock_and_count = statements[locking[0]]
    # The count is the second statement of the same execute: it starts once the lock is
    # granted, so it sees the booking committed just before.
    assert lock_and_count.index("FOR UPDATE") < lock_and_count.index("SUM(")
    # One execute after the lock: the registration and its two e-mail tasks.
    assert [inserted_tables(sql) for sql in statements[locking[0] + 1 :]] == [
        ["events_registration", "django_tasks_database_dbtaskresult"],
    ]
    assert len(statements) == 3  # the event page, the lock and count, the inserts
