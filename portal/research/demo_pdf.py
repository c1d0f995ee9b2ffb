"""The demo reports' PDFs: a title page and chapters with headings, a table and page numbers,
in one language, set in the DejaVu Sans font shipped with the site (Polish letters and all),
so that their text is extracted, searched and their first page drawn as a cover like a
publisher's PDF. The words come from demo.yaml beside this module."""

from dataclasses import dataclass, field

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from portal.core.demo_content import PDF_FONT

FONT = "DejaVu"
# The site's colours (static/css/site.css): the headings' green and the body's ink.
GREEN = (0, 94, 66)
INK = (33, 33, 33)
MUTED = (90, 90, 90)
PALE = (232, 242, 237)


@dataclass
class ReportText:
    """What one language's PDF of a report says; `labels` name its parts in that language
    (chapter headings, "Page {page} of {pages}" and so on)."""

    language: str
    title: str
    kind: str
    date: str
    authors: str
    publisher: str
    abstract: str
    methodology: str
    findings: list[str]
    table_caption: str
    table: list[list[str]]  # the header row first
    project: list[str]
    labels: dict
    notes: list[str] = field(default_factory=list)


class ReportPdf(FPDF):
    """An A4 report whose pages after the first carry the title and "Page n of N"."""

    def __init__(self, text):
        super().__init__(format="A4")
        self.text = text
        self.add_font(FONT, fname=PDF_FONT)
        self.set_margins(22, 22, 22)
        self.set_auto_page_break(True, margin=24)
        self.set_title(text.title)
        self.set_author(text.authors)
        self.set_lang(text.language)

    def header(self):
        if self.page_no() > 1:
            self.set_font(FONT, size=8)
            self.set_text_color(*MUTED)
            self.cell(0, 6, self.text.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(4)

    def footer(self):
        self.set_y(-16)
        self.set_font(FONT, size=8)
        self.set_text_color(*MUTED)
        label = self.text.labels["page"].format(page=self.page_no(), pages="{nb}")
        self.cell(0, 8, label, align="C")

    def heading(self, text, size=15):
        self.set_font(FONT, size=size)
        self.set_text_color(*GREEN)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def paragraph(self, text):
        self.set_font(FONT, size=11)
        self.set_text_color(*INK)
        self.multi_cell(0, 6, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def bullets(self, items):
        self.set_font(FONT, size=11)
        self.set_text_color(*INK)
        for item in items:
            self.cell(6, 6, "•")
            self.multi_cell(0, 6, item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(1.5)
        self.ln(2)


def title_page(pdf, text):
    """The cover: publisher, kind, title, authors and date, on a green band."""
    pdf.add_page()
    pdf.set_fill_color(*GREEN)
    pdf.rect(0, 0, pdf.w, 92, style="F")
    pdf.set_fill_color(*PALE)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(FONT, size=11)
    pdf.set_y(24)
    pdf.multi_cell(0, 6, text.publisher, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.set_font(FONT, size=12)
    pdf.cell(0, 8, text.kind.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=24)
    pdf.multi_cell(0, 11, text.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(108)
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, size=12)
    pdf.multi_cell(0, 7, text.authors, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(0, 7, text.date, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(12)
    pdf.heading(text.labels["abstract"], size=13)
    pdf.paragraph(text.abstract)


def summary_chapter(pdf, text):
    pdf.add_page()
    pdf.heading(f"1. {text.labels['findings']}")
    for note in text.notes:
        pdf.paragraph(note)
    pdf.bullets(text.findings)


def method_chapter(pdf, text):
    """The method in words, then the table of who or what was studied."""
    pdf.add_page()
    pdf.heading(f"2. {text.labels['methodology']}")
    pdf.paragraph(text.methodology)
    pdf.ln(2)
    pdf.set_font(FONT, size=10)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, 6, text.table_caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    with pdf.table(
        text_align=("LEFT", "RIGHT"),
        col_widths=(3, 1),
        headings_style=FontFace(color=GREEN),  # the shipped font has no bold face
        line_height=7,
        borders_layout="HORIZONTAL_LINES",
        cell_fill_color=PALE,
        cell_fill_mode="ROWS",
    ) as table:
        for cells in text.table:
            row = table.row()
            for cell in cells:
                row.cell(str(cell))


def project_chapter(pdf, text):
    pdf.add_page()
    pdf.heading(f"3. {text.labels['project']}")
    for paragraph in text.project:
        pdf.paragraph(paragraph)


def report_pdf(text):
    """The bytes of the PDF saying `text` (a ReportText): four pages or more."""
    pdf = ReportPdf(text)
    for part in (title_page, summary_chapter, method_chapter, project_chapter):
        part(pdf, text)
    return bytes(pdf.output())
