"""Downloads are counted per document and day when Wagtail serves the file, and nothing
about the person who downloaded it is stored."""

import datetime

import pytest

from django.test import override_settings
from django.utils import timezone

from portal.indicators.downloads import DocumentDownload, count_download
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def _fetch(client, document):
    response = client.get(document.url, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Czytnik/1.0")
    assert response.status_code == 200
    b"".join(response.streaming_content)


@override_settings(WAGTAILDOCS_SERVE_METHOD="serve_view")
def test_each_download_adds_one_to_the_documents_counter_for_today(client):
    report, guide = DocumentFactory(), DocumentFactory()

    for _time in range(3):
        _fetch(client, report)
    _fetch(client, guide)

    counters = DocumentDownload.objects.order_by("document_id")
    assert [(row.document_id, row.count) for row in counters] == [(report.pk, 3), (guide.pk, 1)]
    assert {row.day for row in counters} == {timezone.localdate()}


def test_the_counter_knows_only_the_document_the_day_and_the_number():
    fields = {field.name for field in DocumentDownload._meta.get_fields()}

    assert fields == {"id", "document", "day", "count"}


def test_a_new_day_starts_a_new_counter_and_the_old_one_stays():
    document = DocumentFactory()

    count_download(document, day=datetime.date(2026, 5, 1))
    count_download(document, day=datetime.date(2026, 5, 1))
    count_download(document, day=datetime.date(2026, 5, 2))

    counts = dict(DocumentDownload.objects.values_list("day", "count"))
    assert counts == {datetime.date(2026, 5, 1): 2, datetime.date(2026, 5, 2): 1}
