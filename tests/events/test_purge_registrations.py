"""The purge of personal data refuses a retention of zero or fewer days, which would reach
the registrations of events that have not happened yet."""

import io

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from portal.events.registrations import Registration
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("days", ["0", "-400"])
def test_purge_refuses_zero_or_negative_days_and_anonymises_nothing(events_index, days):
    next_week = EventPageFactory(parent=events_index)
    Registration.objects.create(
        event=next_week,
        status="confirmed",
        consented_at=timezone.now(),
        language="pl",
        name="Anna Nowak",
        email="anna@example.org",
        institution="WTZ w Koninie",
        institution_type="wtz",
        consent_version="2026-11",
    )

    with pytest.raises(CommandError, match="--days must be 1 or more"):
        call_command("purge_registrations", "--days", days, stdout=io.StringIO())

    kept = Registration.objects.get()
    assert kept.name == "Anna Nowak" and kept.email == "anna@example.org"
    assert kept.anonymised_at is None
