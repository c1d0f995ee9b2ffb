"""A PDF's text is read by a background task once its upload is committed, within bounds
(pages, seconds, characters); encrypted, damaged and huge files are kept and flagged next
to the file field; control characters never reach the database."""

import io
import logging
import multiprocessing
import zlib

import pytest
from pypdf import PdfReader, PdfWriter

from django.core.files.base import ContentFile
from django.test import TestCase

from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.core.demo_content import demo_pdf
from tests.factories import pdf_of_pages
from tests.html import one, text_of
from tests.pdfs import pdf_file

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]

Document = get_document_model()


def upload_form(title, content, name="plik.pdf"):
    """What the admin's document form sends for a new file."""
    return {
        "title": title,
        "file": ContentFile(content, name=name),
        "collection": Collection.get_first_root_node().pk,
        "language": "pl",
        "kind": "",
    }


@pytest.fixture
def upload(admin_client, locales):
    """Upload a file through the admin's document form, as an editor does; the tasks that
    the committed upload enqueues run (the immediate backend, as in development)."""

    def post(title, content, name="plik.pdf"):
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = admin_client.post("/admin/documents/add/", upload_form(title, content, name))
        assert response.status_code == 302, response.content.decode()[:2000]
        return Document.objects.get(title=title)

    return post


def help_next_to_file_field(admin_client, document):
    """The help the admin's edit form shows under the file field, found as a screen reader
    finds it: by the id the file input is described by."""
    page = admin_client.get(f"/admin/documents/edit/{document.pk}/")
    described_by = one(page, 'input[type="file"][name="file"]')["aria-describedby"]
    return text_of(one(page, f'[data-contentpath="file"] .w-field__help[id="{described_by}"]'))


def encrypted_pdf(password):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(demo_pdf("Tajne", ["Słowo ukryte."]))))
    writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_the_text_is_read_after_the_upload_is_committed(admin_client, locales):
    with TestCase.captureOnCommitCallbacks() as after_commit:
        response = admin_client.post(
            "/admin/documents/add/", upload_form("Ewaluacja", pdf_of_pages(3))
        )
    assert response.status_code == 302
    document = Document.objects.get(title="Ewaluacja")
    assert document.text_status == "pending" and document.text == ""  # not in the request
    for callback in after_commit:
        callback()
    document.refresh_from_db()
    assert document.text_status == "indexed"
    assert document.pages() == ["strona1", "strona2", "strona3"] and document.page_count == 3


def test_a_replaced_file_is_read_again(upload):
    document = upload("Raport", pdf_of_pages(3))
    document.file = ContentFile(pdf_of_pages(2, words=lambda n: f"nowa{n}"), name="nowy.pdf")
    with TestCase.captureOnCommitCallbacks(execute=True):
        document.save()
    document.refresh_from_db()
    assert document.pages() == ["nowa1", "nowa2"] and document.page_count == 2


def test_editing_the_title_does_not_read_the_file_again(upload, admin_client):
    document = upload("Raport roczny", pdf_of_pages(2))
    Document.objects.filter(pk=document.pk).update(text="tekst przeczytany wcześniej")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Raport roczny 2025",
                "collection": document.collection_id,
                "language": "pl",
                "kind": "report",
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Raport roczny 2025"
    assert document.text == "tekst przeczytany wcześniej" and document.text_status == "indexed"


def pdf_with_a_slow_page(pages, slow, operators=300_000):
    """A real PDF of `pages` pages, page n saying "stronaN" except page `slow`, whose content
    stream is `operators` text operators: compressed, the file stays small, but pypdf needs
    seconds to read that one page, a step it cannot interrupt."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for number in range(1, pages + 1):
        if number == slow:
            stream = zlib.compress(b"BT /F1 12 Tf " + b"(x) Tj " * operators + b"ET")
            head = b"<< /Length %d /Filter /FlateDecode >>" % len(stream)
        else:
            stream = b"BT /F1 12 Tf 20 20 Td (strona%d) Tj ET" % number
            head = b"<< /Length %d >>" % len(stream)
        objects.append(head + b"\nstream\n" + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /Contents %d 0 R >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = (
        b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 300 60]"
        b" /Resources << /Font << /F1 3 0 R >> >> >>" % (b" ".join(kids), pages)
    )
    return pdf_file(objects)


def test_a_20000_page_pdf_is_saved_and_flagged_without_reading_it_all(
    upload, admin_client, settings
):
    # Time enough to count the pages even on a busy machine; the page limit stops the reading.
    settings.PDF_TEXT_MAX_PAGES, settings.PDF_TEXT_MAX_SECONDS = 50, 30
    document = upload("Gruba księga", pdf_of_pages(20_000))
    assert document.text_status == "too_large"
    assert document.page_count == 20_000
    assert document.pages_read() == 50
    assert document.pages()[0] == "strona1"
    help_text = help_next_to_file_field(admin_client, document)
    assert "wyszukiwarka znajdzie tylko słowa z pierwsz" in help_text


def test_only_the_first_max_pages_are_read(upload, admin_client, settings):
    settings.PDF_TEXT_MAX_PAGES, settings.PDF_TEXT_MAX_SECONDS = 3, 60
    document = upload("Dziesięć stron", pdf_of_pages(10))
    assert document.pages() == ["strona1", "strona2", "strona3"]
    assert document.text_status == "too_large" and document.page_count == 10
    help_text = help_next_to_file_field(admin_client, document)
    assert "zbyt obszerny" in help_text and "tylko słowa z pierwszych 3 stron" in help_text


def test_reading_stops_at_the_time_limit(upload, admin_client, settings):
    settings.PDF_TEXT_MAX_SECONDS = 1  # page 1 is read at once, page 2 takes seconds
    document = upload("Powolny", pdf_with_a_slow_page(5, slow=2))
    assert document.pages() == ["strona1"]
    assert document.text_status == "timed_out" and document.page_count == 5
    help_text = help_next_to_file_field(admin_client, document)
    assert "trwało zbyt długo" in help_text and "tylko słowa z pierwszej strony" in help_text
    assert multiprocessing.active_children() == []


def test_a_single_page_that_takes_too_long_is_cut_short(upload, admin_client, settings, caplog):
    # pypdf reads one page in one step: checking the time between pages came too late, and
    # this upload held the request for seconds. The reader is now killed when time is up.
    settings.PDF_TEXT_MAX_SECONDS = 0.5
    with caplog.at_level(logging.WARNING, logger="portal.documents.text"):
        document = upload("Jedna ciężka strona", pdf_with_a_slow_page(1, slow=1))
    assert document.text_status == "timed_out" and document.text == ""
    assert document.page_count == 1
    assert "its reader was killed" in caplog.text
    assert multiprocessing.active_children() == []  # killed and reaped: no zombie left
    help_text = help_next_to_file_field(admin_client, document)
    assert "trwało zbyt długo" in help_text and "nie znajdzie w nim słów" in help_text


def test_the_stored_text_stops_at_its_maximum_size(upload, settings):
    settings.PDF_TEXT_MAX_CHARS, settings.PDF_TEXT_MAX_SECONDS = 20, 60
    document = upload("Długi", pdf_of_pages(5))
    assert document.text == "strona1\fstrona2\fstro"
    assert document.text_status == "too_large"


def pdf_with_control_characters(text):
    """A one-page PDF whose text holds `text` with its NUL and control characters, as some
    publishers' PDFs do. A PDF library leaves them out, so it is built by hand; code 128 of
    the font is given the glyph ł, which WinAnsiEncoding lacks."""
    stream = b"BT /F1 12 Tf 20 20 Td (%s) Tj ET" % text.replace("ł", "\x80").encode("latin-1")
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 3 0 R >> >> >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding"
            b" /BaseEncoding /WinAnsiEncoding /Differences [128 /lslash] >> >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        ]
    )


def test_nul_and_control_characters_are_not_stored(upload, admin_client):
    # PostgreSQL refuses NUL in a text column: this upload used to answer 500 there.
    content = pdf_with_control_characters(
        "Spółdzielnia koope\x00ratywa\x01 i\x07 warsztat terapii."
    )
    assert "\x00" in PdfReader(io.BytesIO(content)).pages[0].extract_text()
    document = upload("Plik z bajtem NUL", content)
    assert document.text_status == "indexed"
    assert "Spółdzielnia kooperatywa i warsztat terapii." in document.text
    assert not [char for char in document.text if ord(char) < 32 and char not in "\n\t\f"]
    found = admin_client.get("/admin/documents/?q=kooperatywa").content.decode()
    assert f"/admin/documents/edit/{document.pk}/" in found


def test_an_encrypted_pdf_is_saved_and_flagged(upload, admin_client):
    document = upload("Zaszyfrowany", encrypted_pdf("tajne"))
    assert document.text_status == "encrypted" and document.text == ""
    assert "jest zaszyfrowany" in help_next_to_file_field(admin_client, document)


def test_a_pdf_encrypted_with_an_empty_password_is_read(upload):
    document = upload("Pusty klucz", encrypted_pdf(""))
    assert document.text_status == "indexed" and "ukryte" in document.text


def test_a_damaged_pdf_is_saved_and_flagged(upload, admin_client):
    document = upload("Uszkodzony", b"%PDF-1.4 this is not really a pdf")
    assert document.text_status == "failed" and document.text == ""
    assert "plik jest uszkodzony" in help_next_to_file_field(admin_client, document)


def test_a_file_that_is_not_a_pdf_has_no_text_and_no_flag(upload, admin_client):
    document = upload("Notatki", b"Zwykly tekst", name="notatki.txt")
    assert document.text_status == "" and document.text == ""
    assert "wyszukiwarka" not in help_next_to_file_field(admin_client, document)
