"""On PostgreSQL the report search finds the live reports of a language by the copy of the
page's `live` and `locale_id` on the report's search entry (a trigger made by research's
initial migration): the copy follows the page however it changes, a bulk update that sends
no signal included."""

import pytest

from django.db import connection

from wagtail.models import Page

from portal.research.search import ReportQuery, database_report_search
from tests.research.conftest import report

pytestmark = pytest.mark.django_db


def found(library, text):
    results = database_report_search().search(ReportQuery(locale=library.locale, text=text))
    return sorted(hit.report.title for hit in results.hits), results.total


def test_a_report_taken_offline_by_a_bulk_update_leaves_and_comes_back(library):
    if connection.vendor != "postgresql":
        pytest.skip("the copy is kept by PostgreSQL's triggers; SQLite joins the page")
    report(library, "Raport zostaje", abstract="Wspólne słowo: kooperatywa.")
    leaving = report(library, "Raport znika", abstract="Wspólne słowo: kooperatywa.")

    Page.objects.filter(pk=leaving.pk).update(live=False)
    # (each search asks other words: the counts of a search are cached by its words)
    assert found(library, "kooperatywa") == (["Raport zostaje"], 1)

    Page.objects.filter(pk=leaving.pk).update(live=True)
    assert found(library, "wspolne kooperatywa") == (["Raport znika", "Raport zostaje"], 2)
