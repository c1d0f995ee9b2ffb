"""Report covers: the first page of the report's PDF drawn by a background task when no
cover is chosen, the editor's cover winning, a broken PDF leaving no cover (and no error),
and the covers in the research list at a fixed number of queries, read only for the items
not yet in the fragment cache."""

import pytest
import wagtail_factories
from fpdf import FPDF
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from portal.core.demo_content import PDF_FONT
from portal.documents.text import TextStatus
from tests.html import one, select
from tests.research.conftest import report

pytestmark = [pytest.mark.django_db, pytest.mark.indexed]


def fpdf_bytes(pages, password=None):
    """A real PDF of `pages` pages made with fpdf2, encrypted when a password is given."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=PDF_FONT)
    pdf.set_font("DejaVu", size=14)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(text=f"Strona {number}: spółdzielnia socjalna")
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)  # noqa: S106
    return bytes(pdf.output())


def uploaded(content, title="Raport (PDF)"):
    """A document holding `content`, saved as an upload is (its tasks run on commit)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = get_document_model().objects.create(
            title=title, file=ContentFile(content, name="raport.pdf"), file_size=len(content)
        )
    document.refresh_from_db()
    return document


def test_a_pdfs_first_page_becomes_its_cover_and_its_pages_are_counted():
    document = uploaded(fpdf_bytes(pages=3))
    assert document.page_count == 3
    assert document.cover is not None
    with document.cover.file.open() as file, PILImage.open(file) as picture:
        assert picture.format == "PNG"
        width, height = picture.size
    assert 1.3 < height / width < 1.5  # an A4 page, upright
    assert (document.cover.width, document.cover.height) == (width, height)


def test_the_report_page_and_the_list_show_the_pdfs_cover(client, library):
    document = uploaded(fpdf_bytes(pages=1))
    page = report(library, "Raport z okładką", files=[document])
    response = client.get(page.url)
    cover = one(response, "picture img.report__cover")
    assert cover.get("src").startswith("/media/images/cover-")
    # Sized for the 12rem it is shown at (twice that for dense screens), AVIF or WebP first.
    assert cover.get("width") == "200" and cover.get("alt") == ""
    assert "400w" in cover.get("srcset")
    assert [
        source.get("type") for source in select(response, "picture:has(.report__cover) source")
    ] == [
        "image/avif",
        "image/webp",
    ]
    item_cover = one(client.get(library.url), ".report-item img.report-item__cover")
    assert item_cover.get("width") == "160"


def test_a_cover_drawn_after_the_report_was_published_reaches_the_report(client, library):
    content = fpdf_bytes(pages=1)
    document = get_document_model().objects.create(
        title="Później", file=ContentFile(content, name="pozniej.pdf"), file_size=len(content)
    )  # its tasks have not run yet: the report is published before its cover is drawn
    page = report(library, "Raport", files=[document])
    assert select(client.get(page.url), "img.report__cover") == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        document.file = ContentFile(content, name="nowy.pdf")
        document.save()
    assert len(select(client.get(page.url), "img.report__cover")) == 1


def test_an_editors_cover_wins_over_the_pdfs(client, library):
    document = uploaded(fpdf_bytes(pages=1))
    chosen = wagtail_factories.ImageFactory(title="Okładka wydawcy")
    page = report(
        library,
        "Raport",
        files=[document],
        cover_image=chosen,
        cover_image_alt="Okładka: wykres na zielonym tle",
    )
    cover = one(client.get(page.url), "img.report__cover")
    assert cover.get("alt") == "Okładka: wykres na zielonym tle"
    assert f"/{chosen.file.name.rsplit('/', 1)[-1].rsplit('.', 1)[0]}." in cover.get("src")
    assert page.shown_cover_id == chosen.pk != document.cover_id


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\ngarbage", fpdf_bytes(1, password="tajne")],
    ids=["damaged", "encrypted"],
)
def test_a_broken_or_encrypted_pdf_gives_no_cover_and_no_error(client, library, content):
    document = uploaded(content)
    assert document.pk is not None and document.cover is None
    assert document.text_status in (TextStatus.FAILED, TextStatus.ENCRYPTED)
    page = report(library, "Raport", files=[document])
    response = client.get(page.url)
    assert response.status_code == 200
    assert select(response, "img.report__cover") == []


def test_the_research_list_with_covers_costs_the_same_queries_for_2_and_6_reports(
    library, assert_queries_do_not_grow
):
    def with_own_cover(number):
        image = wagtail_factories.ImageFactory()
        report(library, f"Raport {number}", cover_image=image, cover_image_alt="Okładka")

    for number in range(2):
        with_own_cover(number)

    assert_queries_do_not_grow(library.url, lambda: [with_own_cover(n) for n in range(2, 6)])


def test_a_search_whose_items_are_cached_shows_their_covers_without_reading_them(client, library):
    image = wagtail_factories.ImageFactory()
    report(library, "Raport o rynku", cover_image=image, cover_image_alt="Okładka")
    url = library.url + "?q=rynku"
    client.get(url)  # makes the rendition, which stores a new fragment version
    first = one(client.get(url), ".report-item img.report-item__cover")  # drawn: read
    with CaptureQueriesContext(connection) as again:
        cached = one(client.get(url + "&sort=newest"), ".report-item img.report-item__cover")
    assert cached.get("src") == first.get("src")
    assert not [query for query in again if "wagtailimages_" in query["sql"]]


def test_a_replaced_file_gets_a_new_cover_and_the_old_one_is_removed():
    document = uploaded(fpdf_bytes(pages=1))
    old_cover = document.cover_id
    with TestCase.captureOnCommitCallbacks(execute=True):
        document.file = ContentFile(fpdf_bytes(pages=2), name="nowy.pdf")
        document.save()
    document.refresh_from_db()
    assert document.cover_id not in (None, old_cover) and document.page_count == 2
    assert not get_image_model().objects.filter(pk=old_cover).exists()
