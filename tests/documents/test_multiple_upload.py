"""Wagtail's multiple upload (/admin/documents/multiple/add/) with our document form: each
file becomes a document at once, and "Uaktualnij" (update) saves what the editor adds to
it, also for an upload that Wagtail held back because its first form was refused."""

from pathlib import Path

import pytest
from pytest_django.asserts import assertInHTML

from django.core.files.base import ContentFile
from django.test import TestCase

from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from tests.factories import ZoneFactory, pdf_of_pages

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture
def upload(admin_client, locales):
    """Send one file as the multiple-upload page does (its tasks run as after a commit)
    and give back Wagtail's JSON answer."""

    def post(name, content, **fields):
        collection = Collection.get_first_root_node().pk
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = admin_client.post(
                "/admin/documents/multiple/add/",
                {"files[]": ContentFile(content, name=name), "collection": collection, **fields},
            )
        assert response.status_code == 200
        return response.json()

    return post


def update_form(prefix, **fields):
    """What "Uaktualnij" sends for one uploaded file: its edit form, prefixed."""
    values = {
        "title": "Poradnik spółdzielni",
        "collection": Collection.get_first_root_node().pk,
        "description": "Jak założyć spółdzielnię socjalną.",
        "language": "en",
        "kind": "guide",
        **fields,
    }
    return {f"{prefix}-{name}": value for name, value in values.items()}


def test_each_uploaded_file_becomes_a_polish_document_with_its_text_read(upload):
    answer = upload("poradnik.pdf", pdf_of_pages(2))
    assert answer["success"] and "uploaded_file_id" not in answer
    document = Document.objects.get(pk=answer["doc_id"])
    assert document.title == "poradnik.pdf" and document.language == "pl"
    assert document.text_status == "indexed" and document.page_count == 2


def test_update_after_the_upload_saves_the_editors_fields(admin_client, upload, settings):
    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    doc_id = upload("poradnik.pdf", pdf_of_pages(2))["doc_id"]
    file_name = Document.objects.get(pk=doc_id).file.name
    response = admin_client.post(
        f"/admin/documents/multiple/{doc_id}/", update_form(f"doc-{doc_id}", zones=[zone.pk])
    )
    assert response.status_code == 200 and response.json()["success"]
    document = Document.objects.get(pk=doc_id)
    assert (document.title, document.language, document.kind) == (
        "Poradnik spółdzielni",
        "en",
        "guide",
    )
    assert document.description == "Jak założyć spółdzielnię socjalną."
    assert list(document.zones.all()) == [zone]
    assert document.file.name == file_name and document.page_count == 2
    # The document's file and the cover drawn from it are the only ones left: no orphan
    # under wagtail_uploads/.
    media = Path(settings.MEDIA_ROOT)
    stored = sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())
    assert stored == sorted([file_name, document.cover.file.name])


def test_a_held_back_upload_becomes_a_document_on_update(admin_client, upload):
    # A title longer than the model allows makes Wagtail hold the file back as an upload.
    answer = upload("poradnik.pdf", pdf_of_pages(3), title="t" * 300)
    upload_id = answer["uploaded_file_id"]
    assert not Document.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            f"/admin/documents/multiple/create_from_uploaded_document/{upload_id}/",
            update_form(f"uploaded-document-{upload_id}"),
        )
    assert response.status_code == 200 and response.json()["success"]
    document = Document.objects.get(pk=response.json()["doc_id"])
    assert document.title == "Poradnik spółdzielni" and document.language == "en"
    assert document.file.name.endswith(".pdf") and document.page_count == 3
    assert not UploadedFile.objects.exists()


def test_a_held_back_upload_with_a_bad_field_is_sent_back_with_the_message(admin_client, upload):
    upload_id = upload("poradnik.pdf", pdf_of_pages(1), title="t" * 300)["uploaded_file_id"]
    response = admin_client.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{upload_id}/",
        update_form(f"uploaded-document-{upload_id}", language="xx"),
    )
    answer = response.json()
    assert response.status_code == 200 and not answer["success"]
    assertInHTML(
        '<p class="error-message">Wybierz poprawną wartość. xx nie jest żadną z dostępnych '
        "opcji.</p>",
        answer["form"],
    )
    assert not Document.objects.exists() and UploadedFile.objects.filter(pk=upload_id).exists()
