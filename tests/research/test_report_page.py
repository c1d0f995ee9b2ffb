"""A report's page, its citations, and what happens to the PDFs editors upload."""

import pytest
import wagtail_factories

from django.template.defaultfilters import filesizeformat
from django.test import TestCase
from django.utils import translation

from wagtail.models import Page

from tests.factories import ReportPageFactory, pdf_document
from tests.html import links, one, select, text_of, texts

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]


@pytest.fixture
def evaluation(library):
    pdf = pdf_document("Ewaluacja (PDF)", ["Wnioski z ewaluacji."] * 80)
    page = ReportPageFactory(
        parent=library,
        title="Ewaluacja modelu",
        kind="evaluation",
        authors=[("author", {"name": "Anna Badaczka", "organisation": "ROPS"})],
        key_findings=[("finding", "Model działa bez dodatkowych pieniędzy.")],
    )
    page.files = [("document", pdf)]
    page.save_revision().publish()
    return page


def test_citations_lead_to_the_site_address(client, library, public_address):
    report = ReportPageFactory(parent=library)
    ris = client.get(report.url + "ris/", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert f"UR  - {public_address}{report.url}\r\n" in ris
    bibtex = client.get(report.url + "bibtex/", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert f"  url = {{{public_address}{report.url}}}\n" in bibtex


def test_report_page_shows_files_with_pages_size_and_language(client, evaluation):
    main = text_of(one(client.get(evaluation.url), "main"))
    document = evaluation.documents()[0]
    assert f"{document.page_count} strony" in main or f"{document.page_count} stron" in main
    assert "PDF, " in main and "Język: polski" in main
    assert "Anna Badaczka (ROPS)" in main
    assert "Model działa bez dodatkowych pieniędzy." in main


def test_citation_downloads_as_ris_and_bibtex(client, evaluation):
    year = evaluation.publication_date.year
    ris = client.get(evaluation.url + "ris/")
    assert ris["Content-Disposition"].endswith('.ris"')
    text = ris.content.decode()
    assert text.startswith("TY  - RPRT")
    assert (
        "AU  - Anna Badaczka" in text
        and f"PY  - {year}" in text
        and text.rstrip().endswith("ER  -")
    )
    bibtex = client.get(evaluation.url + "bibtex/").content.decode()
    assert bibtex.startswith("@techreport{")
    assert "title = {Ewaluacja modelu}" in bibtex and "author = {Anna Badaczka}" in bibtex
    assert (
        f"Anna Badaczka ({year}). Ewaluacja modelu." in client.get(evaluation.url).content.decode()
    )


def test_reports_take_part_in_wagtails_own_search(evaluation, locales):
    found = Page.objects.live().filter(locale=locales["pl"]).search("Ewaluacja")
    assert evaluation.pk in [page.pk for page in found]


def test_replacing_a_pdf_updates_the_reports_search_text(evaluation):
    document = evaluation.documents()[0]
    new = pdf_document("Nowa wersja", ["Zupełnie nowe słowo: kooperatywa."])
    document.file = new.file
    with TestCase.captureOnCommitCallbacks(execute=True):  # the tasks run after the commit
        document.save()
    evaluation.refresh_from_db()
    assert "kooperatywa" in evaluation.search_text
    assert "ewaluacji" not in evaluation.search_text


def test_ris_keeps_one_tag_per_line_whatever_the_abstract(client, library):
    page = ReportPageFactory(
        parent=library, title="Raport", abstract="Pierwsza linia\nTR  - wstrzyk"
    )
    lines = client.get(page.url + "ris/").content.decode().splitlines()
    assert not any(line.startswith("TR  -") for line in lines)
    assert "AB  - Pierwsza linia TR - wstrzyk" in lines


def test_english_report_links_to_english_related_reports(client, library, home_en, locales):
    first = ReportPageFactory(parent=library, title="Pierwszy")
    second = ReportPageFactory(parent=library, title="Drugi")
    second.related = [("report", first)]
    second.save_revision().publish()
    english_library = library.copy_for_translation(locales["en"])
    english_library.slug = "research"
    english_library.save_revision().publish()
    first_en = first.copy_for_translation(locales["en"])
    first_en.title, first_en.slug = "First", "first"
    first_en.save_revision().publish()
    second_en = second.copy_for_translation(locales["en"])
    second_en.title, second_en.slug = "Second", "second"
    second_en.save_revision().publish()
    first_en, second_en = (Page.objects.get(pk=page.pk) for page in (first_en, second_en))
    with translation.override("en"):
        html = client.get(second_en.url).content.decode()
    assert ("First", first_en.url) in links(one(html, "main"))
    assert first.url not in html  # no link, no address of the Polish page anywhere


def test_the_report_page_lists_findings_methodology_file_facts_and_citation(
    client, library, public_address
):
    pdf = pdf_document("Ankieta (PDF)", ["Wyniki ankiety w warsztatach."] * 80)
    page = ReportPageFactory(
        parent=library,
        title="Potrzeby uczestników",
        authors=[("author", {"name": "Anna Badaczka", "organisation": ""})],
        publisher="ROPS w Poznaniu",
        methodology="Ankieta w 14 warsztatach i 20 wywiadów.",
        key_findings=[("finding", "Pierwszy wniosek."), ("finding", "Drugi wniosek.")],
    )
    page.files = [("document", pdf)]
    page.save_revision().publish()
    html = client.get(page.url)
    assert texts(html, "section.report__findings ul > li") == [
        "Pierwszy wniosek.",
        "Drugi wniosek.",
    ]
    assert texts(html, "section.report__methodology p") == [
        "Ankieta w 14 warsztatach i 20 wywiadów."
    ]
    facts = text_of(one(html, "#files-heading + ul .resource__meta"))
    assert " ".join(f"PDF, {filesizeformat(pdf.file_size)}".split()) in facts
    assert f"{pdf.page_count} strony" in facts and "Język: polski" in facts
    assert texts(html, ".citation__text") == [
        f"Anna Badaczka ({page.publication_date.year}). Potrzeby uczestników. ROPS w Poznaniu."
        f" Dostępne pod adresem: {public_address}{page.url}"
    ]


def test_related_reports_share_a_zone_chosen_first_at_a_fixed_query_count(
    library, zones, assert_queries_do_not_grow, client
):
    def with_cover(**fields):
        cover = wagtail_factories.ImageFactory()
        return ReportPageFactory(cover_image=cover, cover_image_alt="Okładka", **fields)

    chosen = with_cover(parent=library, title="Wybrany")
    page = ReportPageFactory(parent=library, title="Raport", zones=[zones["wtz"]])
    page.related = [("report", chosen)]
    page.save_revision().publish()
    ReportPageFactory(parent=library, title="Inna strefa", zones=[zones["biznes"]])
    ReportPageFactory(parent=library, title="Ta sama strefa", zones=[zones["wtz"]])

    def related_titles():
        return texts(client.get(page.url), "#related-heading + ul .report-item__title a")

    assert related_titles() == ["Wybrany", "Ta sama strefa"]

    def grow():
        for number in range(4):
            with_cover(parent=library, title=f"Nowy {number}", zones=[zones["wtz"]])

    assert_queries_do_not_grow(page.url, grow)
    assert related_titles() == ["Wybrany", "Nowy 3", "Nowy 2"]
    covers = select(client.get(page.url), "#related-heading + ul img.report-item__cover")
    assert len(covers) == 3
