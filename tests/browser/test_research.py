"""The research library in a real browser: filters, a phrase found only inside a PDF, the
report page and its file."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from portal.research.models import ReportPage
from tests.factories import ReportPageFactory, ResearchIndexPageFactory, pdf_document

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

BARRIERS = "Bariery współpracy samorządów ze spółdzielniami socjalnymi"


@pytest.fixture
def library(site, zones):
    """Four reports: two analyses for local governments (one whose PDF alone speaks of
    premises, "lokalowe"), an analysis for WTZ and a research report for local governments."""
    index = ResearchIndexPageFactory(parent=site)
    analysis, research = ReportPage.Kind.ANALYSIS, ReportPage.Kind.RESEARCH
    for title, kind, zone in [
        (BARRIERS, analysis, "samorzady"),
        ("Finansowanie spółdzielni z budżetu gminy", analysis, "samorzady"),
        ("Uczestnicy WTZ na rynku pracy", analysis, "wtz"),
        ("Badanie ankietowe samorządów", research, "samorzady"),
    ]:
        ReportPageFactory(parent=index, title=title, kind=kind, zones=[zones[zone]])
    barriers = ReportPage.objects.get(title=BARRIERS)
    pdf = pdf_document("Bariery współpracy", ["Wstęp."] * 3 + ["Główne są bariery lokalowe."])
    barriers.files = [("document", pdf)]
    barriers.save_revision().publish()
    return index


def test_visitor_filters_searches_a_pdf_phrase_and_downloads_the_report(page, visit, library):
    visit(page, "/pl/badania-i-analizy/")
    page.select_option("#id_zone", "samorzady")
    page.select_option("#id_kind", "analysis")
    page.get_by_role("button", name="Szukaj", exact=True).click()
    expect(page).to_have_url(
        re.compile(r"zone=samorzady.*kind=analysis|kind=analysis.*zone=samorzady")
    )
    expect(page.locator(".report-item")).to_have_count(2)
    assert_accessible(page)  # the listing with filters applied

    page.fill("#id_q", "lokalowe")  # only in the PDF, not on the page
    page.get_by_role("button", name="Szukaj", exact=True).click()
    expect(page.locator(".report-item")).to_have_count(1)
    expect(page.locator(".report-item__excerpt mark")).to_have_text("lokalowe")
    assert_accessible(page)

    page.get_by_role("link", name=BARRIERS).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bariery współpracy")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.locator(".resource__title a").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
