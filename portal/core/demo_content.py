"""The framework behind `manage.py load_demo_content`.

Every app that has demo content keeps it in its own `demo.py` and registers its steps with
`@demo_step(order)`; the command imports every installed app's `demo` module and runs the
steps in order. Each step must be idempotent: it creates what is missing and leaves what
exists alone, so running the command again never duplicates anything or overwrites an
editor's change.
"""

import logging
import textwrap
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils.module_loading import autodiscover_modules

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

logger = logging.getLogger(__name__)

_steps = []


def demo_step(order):
    """Register a function `step(demo: DemoContext)` to run at position `order`."""

    def register(func):
        if func not in [registered for _, registered in _steps]:
            _steps.append((order, func))
        return func

    return register


@dataclass
class DemoContext:
    """What the steps share: the locales, the home pages, and a log of what was created."""

    source_locale: Locale
    translation_locales: list
    home_pages: dict = field(default_factory=dict)
    created: list = field(default_factory=list)

    def note(self, what):
        self.created.append(what)


def load_all(stdout=None):
    autodiscover_modules("demo")
    source_locale, _ = Locale.objects.get_or_create(language_code="pl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    demo = DemoContext(source_locale=source_locale, translation_locales=[english])
    for _order, step in sorted(_steps, key=lambda item: item[0]):
        step(demo)
    return demo


def translate(instance, locale, strings, publish=True):
    """Create or refresh the `locale` translation of a page or snippet through
    wagtail-localize, so the admin shows it as a translation that can be synced.

    `strings` maps each source segment (a field value, a rich-text paragraph, a slug)
    to its translation. The translation is only created when it does not exist yet,
    so an editor's later changes are kept.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        else:
            missing.append(entry.msgid)
    if missing:
        logger.warning("Demo translation of %r lacks: %s", instance, missing)
    translation.import_po(po)
    if isinstance(instance, Page):
        # wagtail-localize publishes a page translation in transaction.on_commit with the
        # page as it was before its children existed, which resets the tree's child count
        # when the demo runs inside one transaction. Publish it here, from the database.
        translation.save_target(publish=False)
        translated = instance.get_translation(locale)
        if publish:
            translated.get_latest_revision().publish()
        return translated.specific
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def translate_missing(demo, instance, strings, label):
    """`translate()` into every translation language the instance is not yet in, noting
    "<label> (<language>)" for each translation made."""
    for locale in demo.translation_locales:
        if instance.get_translation_or_none(locale) is None:
            translate(instance, locale, strings)
            demo.note(f"{label} ({locale.language_code})")


def publish_child(parent, page):
    """Add `page` below `parent` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def demo_file(name, content):
    """A small file made by the demo command itself (no downloads)."""
    return ContentFile(content, name=name)


# Polish letters are not in WinAnsiEncoding; the PDF maps them onto unused codes through
# a /Differences array, naming the standard glyphs every PDF viewer's Helvetica has.
_PDF_POLISH_GLYPHS = {
    "ą": "aogonek", "Ą": "Aogonek", "ć": "cacute", "Ć": "Cacute", "ę": "eogonek",
    "Ę": "Eogonek", "ł": "lslash", "Ł": "Lslash", "ń": "nacute", "Ń": "Nacute",
    "ś": "sacute", "Ś": "Sacute", "ź": "zacute", "Ź": "Zacute", "ż": "zdotaccent",
    "Ż": "Zdotaccent",
}  # fmt: skip
_PDF_FREE_CODES = [0x80, 0x81, 0x82, 0x83, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E,
                   0x8F, 0x90, 0x98]  # fmt: skip
_PDF_CODES = dict(zip(_PDF_POLISH_GLYPHS, _PDF_FREE_CODES, strict=True))


def _pdf_text(text):
    """`text` as a PDF literal string in the font's encoding."""
    out = bytearray()
    for char in text:
        if char in _PDF_CODES:
            out.append(_PDF_CODES[char])
            continue
        byte = char.encode("cp1252", errors="replace")
        if byte in (b"(", b")", b"\\"):
            out += b"\\"
        out += byte
    return b"(" + bytes(out) + b")"


def demo_pdf(title, paragraphs, lines_per_page=46, width=88):
    """A small real PDF (A4, Helvetica) with a title and paragraphs of text, several pages
    when the text is long. Made by the demo command so that it needs no PDF library and
    the text can be extracted and searched like any publisher's PDF."""
    lines = [("title", title), ("text", "")]
    for paragraph in paragraphs:
        lines += [("text", line) for line in textwrap.wrap(paragraph, width)] + [("text", "")]
    pages = [
        lines[start : start + lines_per_page] for start in range(0, len(lines), lines_per_page)
    ]
    differences = b" ".join(
        b"%d /%s" % (code, glyph.encode())
        for code, glyph in zip(_PDF_FREE_CODES, _PDF_POLISH_GLYPHS.values(), strict=True)
    )
    encoding = (
        b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [" + differences + b"] >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding " + encoding + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding " + encoding + b" >>",
    ]
    page_numbers = []
    for number, page_lines in enumerate(pages, start=1):
        stream = [b"BT", b"/F1 11 Tf", b"14 TL", b"56 790 Td"]
        for kind, line in page_lines:
            font = b"/F2 16 Tf" if kind == "title" else b"/F1 11 Tf"
            stream += [font, _pdf_text(line) + b" Tj", b"T*"]
        stream += [
            b"/F1 9 Tf",
            b"ET",
            b"BT /F1 9 Tf 290 30 Td " + _pdf_text(str(number)) + b" Tj ET",
        ]
        content = b"\n".join(stream)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % len(objects)
        )
        page_numbers.append(len(objects))
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))
    return pdf_file(objects)


def pdf_file(objects):
    """A PDF file of numbered `objects` (the first the catalogue), with the cross-reference
    table readers need to find them: one writer for the demo's and the tests' PDFs."""
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(output)


def demo_rtf(title, paragraphs):
    """A small real RTF document (opens in any word processor), for document templates."""

    def escape(text):
        return "".join(
            char
            if ord(char) < 128 and char not in "\\{}"
            else f"\\u{ord(char)}?"
            if ord(char) >= 128
            else f"\\{char}"
            for char in text
        )

    body = "".join(f"\\par {escape(paragraph)}\\par\n" for paragraph in paragraphs)
    document = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\fs24\n" + (
        f"{{\\b\\fs32 {escape(title)}}}\\par\n{body}}}"
    )
    return document.encode("ascii")


def index_page(demo, model, texts, label):
    """The listing page (`model`) below the Polish home page, with its translations:
    created, in the menu, from `texts` = {"title": (pl, en), "slug": …, "intro": …}."""
    home = demo.home_pages["pl"]
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(**{field: pl for field, (pl, _en) in texts.items()}, show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
        demo.note(label)
    for locale in demo.translation_locales:
        if index.get_translation_or_none(locale) is None:
            translate(index, locale, dict(texts.values()))
    return index
