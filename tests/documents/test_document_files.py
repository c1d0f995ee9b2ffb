"""An upload never leaves an orphan file under MEDIA_ROOT: when saving a document fails
after its file was written (the database refuses a value), the file goes too, and a failed
replacement keeps the file the document had."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from django.core.files.base import ContentFile
from django.db import DataError, IntegrityError, connection, transaction
from django.test import TestCase

from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from portal.core.demo_content import demo_pdf
from tests.factories import pdf_of_pages

pytestmark = pytest.mark.django_db

Document = get_document_model()

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite stores what PostgreSQL refuses; `make pytest` runs these on PostgreSQL",
)


def stored_files(settings):
    """Every document file under MEDIA_ROOT, by its name in storage (the covers drawn from
    the PDFs are images, kept and removed with the image library's own files)."""
    root = Path(settings.MEDIA_ROOT)
    images = {"original_images", "images"}
    return sorted(
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] not in images
    )


@pytest.fixture
def refused_tag():
    """PostgreSQL refuses the tag "odrzucony", as it refuses any value that breaks a
    constraint; the tag is saved after the document, in the same transaction."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE taggit_tag ADD CONSTRAINT refused CHECK (name <> 'odrzucony')")
    return "odrzucony"


def form(title, content, **fields):
    return {
        "title": title,
        "file": ContentFile(content, name="raport.pdf"),
        "collection": Collection.get_first_root_node().pk,
        "language": "pl",
        "kind": "",
        **fields,
    }


@needs_postgresql
def test_a_document_the_database_refuses_leaves_no_file(locales, settings):
    with pytest.raises(DataError), transaction.atomic():
        Document.objects.create(title="Raport\x00", file=ContentFile(b"%PDF-", name="raport.pdf"))
    assert stored_files(settings) == []


@needs_postgresql
def test_a_file_written_before_a_refused_save_is_removed(locales, settings):
    # Wagtail's multiple upload writes the file to the document, then saves it.
    document = Document(title="Raport\x00")
    document.file.save("raport.pdf", ContentFile(b"%PDF-"), save=False)
    assert stored_files(settings) == ["documents/raport.pdf"]
    with pytest.raises(DataError), transaction.atomic():
        document.save()
    assert stored_files(settings) == []


@needs_postgresql
def test_an_upload_whose_tag_the_database_refuses_leaves_no_file(
    admin_client, locales, settings, refused_tag
):
    with pytest.raises(IntegrityError):
        admin_client.post("/admin/documents/add/", form("Raport", b"%PDF-", tags=refused_tag))
    assert not Document.objects.exists()
    assert stored_files(settings) == []


@needs_postgresql
def test_a_failed_replacement_keeps_the_current_file(admin_client, locales, settings, refused_tag):
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post("/admin/documents/add/", form("Raport", pdf_of_pages(2)))
    document = Document.objects.get()
    before = stored_files(settings)
    with pytest.raises(IntegrityError), TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            form("Raport", pdf_of_pages(3), tags=refused_tag),
        )
    assert stored_files(settings) == before == [Document.objects.get().file.name]
    assert Document.objects.get().page_count == 2


def test_a_replaced_file_is_deleted_once_the_change_is_committed(admin_client, locales, settings):
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post("/admin/documents/add/", form("Raport", pdf_of_pages(2)))
        old_name = Document.objects.get().file.name
        admin_client.post(
            f"/admin/documents/edit/{Document.objects.get().pk}/", form("Raport", pdf_of_pages(3))
        )
    document = Document.objects.get()
    assert document.file.name != old_name and document.page_count == 3
    assert stored_files(settings) == [document.file.name]


def test_the_multiple_upload_keeps_every_bad_file_with_its_row(admin_client, locales, settings):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(demo_pdf("Tajne", ["Słowo."]))))
    writer.encrypt("tajne")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    bad_files = {
        "uszkodzony.pdf": b"%PDF-1.4 this is not really a pdf",
        "zaszyfrowany.pdf": encrypted.getvalue(),
        "nul.pdf": demo_pdf("NUL", ["koope\x00ratywa"]),
        "gruby.pdf": pdf_of_pages(20_000),
    }
    for name, content in bad_files.items():
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = admin_client.post(
                "/admin/documents/multiple/add/",
                {
                    "files[]": ContentFile(content, name=name),
                    "collection": Collection.get_first_root_node().pk,
                },
            )
        assert response.status_code == 200 and response.json()["success"], name
    held = [document.file.name for document in Document.objects.all()]
    held += [upload.file.name for upload in UploadedFile.objects.all()]
    assert stored_files(settings) == sorted(held)
    assert len(held) == len(bad_files)
