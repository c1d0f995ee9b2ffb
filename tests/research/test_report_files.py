"""A report's search follows the text of its files, refreshed by background tasks once the
change is committed; the Elasticsearch entry (when configured) follows the report."""

import logging

import pytest

from django.core.files.base import ContentFile
from django.test import TestCase

from wagtail.documents import get_document_model

from portal.core.demo_content import demo_pdf
from portal.core.outages import forget_outages
from tests.factories import ReportPageFactory, pdf_document
from tests.html import texts

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]


def publish_report(library, title, files=()):
    page = ReportPageFactory(parent=library, title=title)
    page.files = [("document", document) for document in files]
    page.save_revision().publish()
    return page


def found(client, library, words):
    return texts(client.get(library.url, {"q": words}), ".report-item__title > a[href]")


def test_a_pdf_whose_text_holds_a_nul_byte_finds_its_report(client, library):
    # PostgreSQL refuses NUL in text: the file is read and stored without it.
    pdf = pdf_document("Plik", ["Spółdzielnia koope\x00ratywa w gminie."])
    publish_report(library, "Raport o spółdzielniach", files=[pdf])
    publish_report(library, "Inny raport")
    assert found(client, library, "kooperatywa") == ["Raport o spółdzielniach"]


def test_a_file_read_after_the_report_was_published_then_finds_it(client, library):
    with TestCase.captureOnCommitCallbacks() as after_upload:
        pdf = get_document_model().objects.create(
            title="Plik", file=ContentFile(demo_pdf("Plik", ["Bariery lokalowe."]), name="a.pdf")
        )
    publish_report(library, "Raport o lokalach", files=[pdf])
    assert found(client, library, "lokalowe") == []  # the file is still waiting for a worker
    with TestCase.captureOnCommitCallbacks(execute=True):
        for task in after_upload:
            task()
    assert found(client, library, "lokalowe") == ["Raport o lokalach"]


def test_a_deleted_file_no_longer_finds_the_report(client, library):
    pdf = pdf_document("Plik", ["Bariery lokalowe."])
    publish_report(library, "Raport o lokalach", files=[pdf])
    assert found(client, library, "lokalowe") == ["Raport o lokalach"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        pdf.delete()
    assert found(client, library, "lokalowe") == []


def test_a_report_with_an_unreadable_file_is_published_and_found_by_title(client, library):
    with TestCase.captureOnCommitCallbacks(execute=True):
        damaged = get_document_model().objects.create(
            title="Uszkodzony", file=ContentFile(b"%PDF-1.4 nie PDF", name="zly.pdf")
        )
    damaged.refresh_from_db()
    assert damaged.text_status == "failed"
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish_report(library, "Raport z uszkodzonym plikiem", files=[damaged])
    assert found(client, library, "uszkodzonym") == ["Raport z uszkodzonym plikiem"]


def test_the_elasticsearch_entry_is_updated_by_a_task_after_the_commit(library, settings, caplog):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens: each try is logged
    with caplog.at_level(logging.WARNING, logger="portal.core.search_backend"):
        with TestCase.captureOnCommitCallbacks() as after_publish:
            report = publish_report(library, "Raport")
        assert not caplog.records  # nothing reached Elasticsearch inside the transaction
        with TestCase.captureOnCommitCallbacks(execute=True):
            for task in after_publish:
                task()
        assert f"report {report.pk} not indexed" in caplog.text
        forget_outages()  # a warning a minute: start a new minute, as a later request would
        with TestCase.captureOnCommitCallbacks(execute=True):
            report.delete()
        assert f"report {report.pk} not removed" in caplog.text
