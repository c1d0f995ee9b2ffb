"""The moderators' list of subscribers: filters, a fixed number of queries, and a CSV/XLSX
export in which nothing a visitor typed runs as a formula. And the purge of addresses
never confirmed or unsubscribed."""

import csv
import io
from datetime import timedelta
from io import StringIO

import openpyxl
import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.subscriptions.models import Subscription
from tests.html import select, text_of
from zones.editing import set_up_moderators

from .conftest import subscriber

pytestmark = pytest.mark.django_db

LISTING = "/admin/subscriptions/"
Status = Subscription.Status


@pytest.fixture
def moderator(client, django_user_model, home):
    """A member of "Moderacja" as the zones' set-up makes it, signed in to the admin."""
    user = django_user_model.objects.create_user("moderator", password="x")  # noqa: S106
    user.groups.add(set_up_moderators())
    client.force_login(user)
    return user


def listed(client, query=""):
    response = client.get(LISTING + query)
    assert response.status_code == 200
    return [text_of(cell.find("a")) for cell in select(response, "table.listing tbody td.title")]


def test_moderators_filter_subscribers_by_zone_status_and_language(client, moderator, zones):
    wtz, business = zones["wtz"], zones["biznes"]
    subscriber("a@example.org", [wtz])
    subscriber("b@example.org", [business], language="en")
    subscriber("c@example.org", [wtz, business], status=Status.PENDING)

    assert sorted(listed(client)) == ["a@example.org", "b@example.org", "c@example.org"]
    assert sorted(listed(client, f"?zones={wtz.pk}")) == ["a@example.org", "c@example.org"]
    assert listed(client, "?status=pending") == ["c@example.org"]
    assert listed(client, "?language=en") == ["b@example.org"]


def test_the_listing_costs_the_same_queries_for_few_and_many(client, moderator, zones):
    def add(count, start):
        for number in range(start, start + count):
            subscriber(f"s{number}@example.org", list(zones.values()))

    def count():
        client.get(LISTING)  # what a first visit makes once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LISTING).status_code == 200
        return len(queries.captured_queries)

    add(2, 0)
    few = count()
    add(10, 2)
    assert count() == few


def download(client, export_format):
    response = client.get(f"{LISTING}?export={export_format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_exports_carry_no_formula(client, moderator, zones):
    # A valid address can start with "=": it must stay text in a spreadsheet.
    subscriber("=cmd@example.org", [zones["wtz"]])

    (row,) = csv.DictReader(io.StringIO(download(client, "csv").decode()))
    assert row["E-mail"] == "'=cmd@example.org"
    assert row["Strefy"] == "Strefa WTZ"

    sheet = openpyxl.load_workbook(io.BytesIO(download(client, "xlsx"))).active
    headings, values = (list(cells) for cells in sheet.iter_rows(values_only=True))
    assert dict(zip(headings, values, strict=True))["E-mail"] == "'=cmd@example.org"


def test_purge_removes_old_unconfirmed_and_unsubscribed_addresses_only(settings, zones):
    settings.SUBSCRIPTION_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    recent = timezone.now() - timedelta(days=29)
    for email, status, changed in [
        ("old-pending@example.org", Status.PENDING, old),
        ("old-left@example.org", Status.UNSUBSCRIBED, old),
        ("recent-pending@example.org", Status.PENDING, recent),
        ("recent-left@example.org", Status.UNSUBSCRIBED, recent),
        ("old-reader@example.org", Status.CONFIRMED, old),
    ]:
        subscriber(email, [zones["wtz"]], status=status, status_changed_at=changed)

    out = StringIO()
    call_command("purge_subscriptions", stdout=out)

    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "old-reader@example.org",
        "recent-left@example.org",
        "recent-pending@example.org",
    ]
    assert out.getvalue().startswith("2 ")
