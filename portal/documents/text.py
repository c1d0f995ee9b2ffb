"""What a document's file says: the text of a PDF, read within bounds (pages, seconds,
characters), so that no file can hold a worker or break an upload.

The document model marks a new file "pending" and enqueues `tasks.read_document_text` once
the upload is committed; the task reads the file here and stores what `read_file_text` gives.
"""

import io
import logging
import multiprocessing
import time
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, PdfReadError
from pypdf.generic import DictionaryObject, IndirectObject, NameObject

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class TextStatus(models.TextChoices):
    NONE = "", _("Not a PDF")
    PENDING = "pending", _("Waiting to be read")
    INDEXED = "indexed", _("Text indexed")
    TOO_LARGE = "too_large", _("Too large: text read from the first pages only")
    TIMED_OUT = "timed_out", _("Too slow to read: text read from the first pages only")
    ENCRYPTED = "encrypted", _("Encrypted PDF: text could not be read")
    FAILED = "failed", _("Damaged PDF: text could not be read")


# Control characters have no place in searchable text, and PostgreSQL refuses NUL in a text
# column. A form feed separates the pages, so one inside a page (or any other line or page
# break) becomes a newline; lone surrogates cannot be stored as UTF-8 and go too.
_CONTROL = [*range(0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]
_CLEAN = str.maketrans(
    {**dict.fromkeys(_CONTROL), ord("\t"): "\t", **dict.fromkeys(map(ord, "\n\v\f\r"), "\n")}
)


def clean(text):
    """`text` without control characters, ready to be stored and searched."""
    return text.translate(_CLEAN)


@dataclass
class PdfText:
    """What was read from a file: the pages' text, the number of pages, and how it went."""

    status: str
    pages: list[str] = field(default_factory=list)
    page_count: int | None = None

    @property
    def text(self):
        return "\f".join(self.pages)


def read_pdf(content, *, max_pages, max_seconds, max_chars):
    """The text of the PDF whose bytes are `content`, page by page, within bounds: at most
    `max_pages` pages and `max_chars` characters (TOO_LARGE beyond), and `max_seconds` in
    all (TIMED_OUT); the pages read so far are kept either way. An encrypted or damaged file
    gives ENCRYPTED or FAILED and no text: it never raises for a bad file.

    pypdf cannot be interrupted inside one step (opening a file of 200,000 objects, or one
    page of a huge content stream), so the file is read in a child process that is killed
    when the time is up: no file can hold the worker, or the upload request with the
    immediate backend, beyond `max_seconds`. The child is forked, so it starts at once with
    everything imported; it gets only the bytes and never touches the database."""
    deadline = time.monotonic() + max_seconds
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    reader = context.Process(
        target=_read_in_child,
        args=(sender, content),
        kwargs={"max_pages": max_pages, "max_seconds": max_seconds, "max_chars": max_chars},
        name="pdf-text",
        daemon=True,
    )
    reader.start()
    sender.close()  # the child holds its own copy: the pipe ends when the child does
    try:
        return _receive(receiver, deadline)
    finally:
        receiver.close()
        reader.join(max(deadline - time.monotonic(), 0))  # a child that finished is exiting
        if reader.is_alive():
            reader.kill()
            logger.warning("Reading a PDF took over %s s: its reader was killed", max_seconds)
            reader.join()
        reader.close()


def _read_in_child(sender, content, **bounds):
    """The child's work: read the file, sending each page's text as soon as it is read
    (so that the parent keeps them if it has to kill the child), then the outcome."""
    with sender:
        result = _read_pdf_here(io.BytesIO(content), tell=sender.send, **bounds)
        sender.send(_Outcome(result.status, result.page_count))


@dataclass
class _Outcome:
    """The last message of the child: how the reading ended."""

    status: str
    page_count: int | None


@dataclass
class _Declared:
    """A message of the child, sent once the file is open: the page count it declares."""

    page_count: int | None


def _receive(receiver, deadline):
    """What the child sends before `deadline`: the pages' text and the outcome. When time
    runs out first, the pages received so far, TIMED_OUT, and the declared page count."""
    result = PdfText(TextStatus.TIMED_OUT)
    declared = None
    while receiver.poll(max(deadline - time.monotonic(), 0)):
        try:
            message = receiver.recv()
        except EOFError:  # the child died without a word (say, out of memory)
            logger.warning("The reader of a PDF stopped before it finished")
            return PdfText(TextStatus.FAILED)
        match message:
            case str():
                result.pages.append(message)
            case _Declared():
                declared = message.page_count
            case _Outcome():
                result.status, result.page_count = message.status, message.page_count
                return result
    result.page_count = max(declared, len(result.pages)) if declared else None
    return result


def _read_pdf_here(file, *, max_pages, max_seconds, max_chars, tell):
    """`read_pdf` in this process, bounded only between pages. `tell` is given each page's
    text as soon as it is kept, and the declared page count (`_Declared`) once known."""
    deadline = time.monotonic() + max_seconds
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):  # an empty password opens
            return PdfText(TextStatus.ENCRYPTED)
        tell(_Declared(_declared_page_count(reader)))
        return _read_pages(
            reader, max_pages=max_pages, deadline=deadline, max_chars=max_chars, tell=tell
        )
    except DependencyError:  # AES needs the optional `cryptography` package
        logger.warning("PDF encrypted with an algorithm pypdf cannot read here")
        return PdfText(TextStatus.ENCRYPTED)
    except Exception:
        # pypdf raises many kinds of errors on damaged or hostile files (not only its own
        # PyPdfError); whichever it is, the upload stays, flagged, and the trace is logged.
        logger.warning("Text of a PDF could not be read", exc_info=True)
        return PdfText(TextStatus.FAILED)


def _read_pages(reader, *, max_pages, deadline, max_chars, tell):
    """The pages' text up to the first bound reached (the first page is always read), with
    the page count: counted when every page was read, else as the file declares it. Each
    page's text is also given to `tell` as soon as it is kept."""
    result = PdfText(TextStatus.INDEXED)
    size = 0
    for page in _pages(reader):
        if len(result.pages) == max_pages:
            result.status = TextStatus.TOO_LARGE
            break
        if result.pages and time.monotonic() > deadline:
            result.status = TextStatus.TIMED_OUT
            break
        text = clean(page.extract_text() or "")
        room = max(max_chars - size, 0)
        if len(text) > room:
            result.pages.append(text[:room])
            tell(text[:room])
            result.status = TextStatus.TOO_LARGE
            break
        result.pages.append(text)
        tell(text)
        size += len(text) + 1  # and its page separator
    if result.status == TextStatus.INDEXED:
        result.page_count = len(result.pages)
    else:
        declared = _declared_page_count(reader)
        result.page_count = max(declared, len(result.pages)) if declared else None
    return result


_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def _pages(reader):
    """The pages of `reader` in reading order, one at a time. pypdf's `reader.pages` parses
    every page of the file before giving the first (3.7 s for 20,000 pages here), so a page
    or time limit would come too late; this walks the page tree only as far as it is read,
    giving each page what it inherits from its parents (fonts, sizes) as pypdf does."""
    stack = [(iter([reader.trailer["/Root"]["/Pages"]]), {})]
    seen = set()
    while stack:
        kids, inherited = stack[-1]
        kid = next(kids, None)
        if kid is None:
            stack.pop()
            continue
        node = kid.get_object()
        if not isinstance(node, DictionaryObject):
            continue
        if "/Kids" in node and node.get("/Type") != "/Page":
            if id(node) in seen:
                raise PdfReadError("The page tree loops.")
            seen.add(id(node))
            passed_on = {key: node[key] for key in _INHERITED if key in node}
            stack.append((iter(node["/Kids"]), {**inherited, **passed_on}))
            continue
        page = PageObject(reader, kid if isinstance(kid, IndirectObject) else None)
        if not isinstance(kid, IndirectObject):
            page.update(node)
        for key, value in inherited.items():
            if key not in page:
                page[NameObject(key)] = value
        yield page


def _declared_page_count(reader):
    """The page count the file declares (read without walking its pages), or None."""
    count = reader.trailer["/Root"]["/Pages"].get("/Count")
    count = count.get_object() if count is not None else None
    return int(count) if isinstance(count, int) and count > 0 else None


def read_file_text(document):
    """The text of a document's file, read within the bounds set in the settings."""
    if document.file_extension.lower() != "pdf":
        return PdfText(TextStatus.NONE)
    try:
        with document.open_file() as file:
            content = file.read()
    except OSError:
        logger.warning("File of document %s could not be opened", document.pk, exc_info=True)
        return PdfText(TextStatus.FAILED)
    return read_pdf(
        content,
        max_pages=settings.PDF_TEXT_MAX_PAGES,
        max_seconds=settings.PDF_TEXT_MAX_SECONDS,
        max_chars=settings.PDF_TEXT_MAX_CHARS,
    )
