"""A PDF's cover: its first page drawn as a PNG with PDFium (pypdfium2), kept as a Wagtail
image so that templates ask for renditions of it like of any editor's image.

The document model enqueues `tasks.render_document_cover` when a new file is committed; the
task draws the page here. A damaged or encrypted file, or one whose first page cannot be
drawn, gives no cover: it never raises, and the document is saved all the same.
"""

import io
import logging
import multiprocessing

import pypdfium2 as pdfium

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

# Wide enough for the report page's largest rendition (480 px) on a screen of density 2.
COVER_WIDTH = 960
# A page that takes longer to draw (a crafted or enormous one) gives no cover.
COVER_MAX_SECONDS = 30


def first_page_png(content, width=COVER_WIDTH, max_seconds=COVER_MAX_SECONDS):
    """The first page of the PDF whose bytes are `content`, as PNG bytes `width` pixels
    wide, or None when PDFium cannot open the file or draw the page in `max_seconds`.

    PDFium cannot be interrupted, so the page is drawn in a forked child that is killed
    when the time is up (as the text is read, see text.py): no file holds the worker."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        drawing = pool.apply_async(_draw_first_page, (content, width))
        try:
            return drawing.get(timeout=max_seconds)
        except multiprocessing.TimeoutError:
            return None


def _draw_first_page(content, width):
    """In the child: the PNG bytes of the first page, or None."""
    try:
        pdf = pdfium.PdfDocument(content)
    except pdfium.PdfiumError:
        return None
    try:
        if len(pdf) == 0:
            return None
        page = pdf[0]
        page_width = page.get_width()
        if page_width <= 0:
            return None
        image = page.render(scale=width / page_width).to_pil()
    except (pdfium.PdfiumError, ValueError, OSError):
        return None
    finally:
        pdf.close()
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def render_cover(document):
    """A new Wagtail image of the document's first page (in the document's collection),
    or None when the file is not a PDF or its first page cannot be drawn."""
    if document.file_extension.lower() != "pdf":
        return None
    try:
        with document.open_file() as file:
            content = file.read()
    except OSError:
        logger.warning("File of document %s could not be opened", document.pk, exc_info=True)
        return None
    png = first_page_png(content)
    if png is None:
        logger.info("No cover for document %s: its first page cannot be drawn", document.pk)
        return None
    image = get_image_model()(title=document.title[:255], collection=document.collection)
    image.file = ImageFile(io.BytesIO(png), name=f"cover-{document.pk}.png")
    image.save()
    return image
