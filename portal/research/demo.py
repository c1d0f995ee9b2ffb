"""Demo reports: twelve made-up studies on the project's themes, each with a PDF of a few
pages in its page's language (demo_pdf.py) made by the demo command, so that words found
only inside a PDF can be searched and its first page becomes the cover. The texts are in
demo.yaml beside this module."""

import datetime
from pathlib import Path

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.core import demo_content
from zones.models import Zone

from .demo_pdf import ReportText, report_pdf
from .models import ReportPage, ResearchIndexPage

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_content.demo_step(order=72)
def create_reports(demo):
    data = demo_content.read_demo_data(DATA_FILE)
    existed = {
        page.locale.language_code
        for page in ResearchIndexPage.objects.filter(
            translation_key__in=ResearchIndexPage.objects.child_of(demo.home_pages["pl"]).values(
                "translation_key"
            )
        ).select_related("locale")
    }
    index = demo_content.index_page(demo, ResearchIndexPage, data["index"], "research index")
    before = data["menu_before"]  # the news index's slug in each language
    indexes = ResearchIndexPage.objects.filter(translation_key=index.translation_key)
    for page in indexes.select_related("locale"):
        if page.locale.language_code not in existed:
            # The menu reads: O projekcie, Model, Strefy, Badania i analizy, Aktualności…
            slug = getattr(before, page.locale.language_code)
            news = Page.objects.sibling_of(page).filter(slug=slug).first()
            if news is not None and news.path < page.path:
                Page.objects.get(pk=page.pk).move(news, pos="left")
    zones = {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}
    today = timezone.localdate()
    for item in data["reports"]:
        slug, title, abstract = item["slug"], item["title"], item["abstract"]
        paragraphs = item["pdf"]
        details = data["report_details"][slug]
        author = {field: text.pl for field, text in data["author"].items()}
        report = demo_content.existing_child(index, ReportPage, slug)
        if report is None:
            report = ReportPage(
                title=title.pl,
                slug=slug,
                kind=item["kind"],
                publication_date=today - datetime.timedelta(days=30 * item["months_ago"]),
                abstract=abstract.pl,
                authors=[("author", author)],
                publisher=data["publisher"].pl,
                methodology=details["methodology"].pl,
                key_findings=[("finding", finding.pl) for finding in details["findings"]],
            )
            document = report_document(data, item, report, "pl", notes=paragraphs)
            report.files = [("document", document)]
            report.zones = [zones[z] for z in item["zones"] if z in zones]
            index.add_child(instance=report)
            report.save_revision().publish()
            demo.note(f"report {report.title}")
        if title.en is None:
            continue
        for locale in demo.translation_locales:
            if report.get_translation_or_none(locale) is None:
                strings = {title.pl: title.en, slug: slugify(title.en), abstract.pl: abstract.en}
                strings.update(report_strings(data, details))
                strings |= dict(data["author"].values())
                translated = demo_content.translate(report, locale, strings, publish=False)
                # The translation reads its own language's PDF (its cover, its words).
                code = locale.language_code
                translated.files = [("document", report_document(data, item, translated, code))]
                translated.save_revision().publish()
                demo.note(f"report {title.en} ({locale.language_code})")


def report_strings(data, details):
    """The English of the report's publisher, method and findings, for `translate()`."""
    texts = [data["publisher"], details["methodology"], *details["findings"]]
    return {text.pl: text.en for text in texts if text.en}


def report_document(data, item, report, language, notes=()):
    """A new document holding the report's PDF in `language` (whose words `report`, a page
    in that language, already holds)."""
    content = report_pdf(report_text(data, item, report, language, notes))
    name = report.slug if language == "pl" else f"{report.slug}-{language}"
    return get_document_model().objects.create(
        title=f"{report.title} (PDF)",
        file=demo_content.demo_file(f"{name}.pdf", content),
        language=language,
        file_size=len(content),
    )


def report_text(data, item, report, language, notes):
    """What the report's PDF says in `language`: the page's own words, the method's table
    and the project's chapter from demo.yaml."""
    details = data["report_details"][item["slug"]]
    labels = {name: getattr(label, language) for name, label in data["pdf_labels"].items()}
    with translation.override(language):
        kind, date = report.get_kind_display(), date_format(report.publication_date, "F Y")
    return ReportText(
        language=language,
        title=report.title,
        kind=str(kind),
        date=date,
        authors=", ".join(
            ", ".join(filter(None, (block.value["name"], block.value["organisation"])))
            for block in report.authors
        ),
        publisher=report.publisher,
        abstract=report.abstract,
        methodology=report.methodology,
        findings=[str(block.value) for block in report.key_findings],
        table_caption=labels["table"],
        table=[
            [labels["group"], labels["column"]],
            *([in_language(cell, language) for cell in row] for row in details["table"]),
        ],
        project=[in_language(paragraph, language) for paragraph in data["pdf_project"]],
        labels=labels,
        notes=list(notes),
    )


def in_language(text, language):
    """A `Translated` text in `language` (Polish while it is not translated); a fact (a
    number) as it is."""
    if isinstance(text, demo_content.Translated):
        return getattr(text, language) or text.pl
    return str(text)
