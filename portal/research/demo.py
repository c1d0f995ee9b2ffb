"""Demo reports: twelve made-up studies on the project's themes, each with a small PDF
made by the demo command, so that words found only inside a PDF can be searched. The texts
are in demo.yaml beside this module."""

import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.core.demo_content import (
    demo_file,
    demo_pdf,
    demo_step,
    existing_child,
    index_page,
    read_demo_data,
    translate,
)
from zones.models import Zone

from .models import ReportPage, ResearchIndexPage

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_step(order=72)
def create_reports(demo):
    data = read_demo_data(DATA_FILE)
    existed = {
        page.locale.language_code
        for page in ResearchIndexPage.objects.filter(
            translation_key__in=ResearchIndexPage.objects.child_of(demo.home_pages["pl"]).values(
                "translation_key"
            )
        ).select_related("locale")
    }
    index = index_page(demo, ResearchIndexPage, data["index"], "research index")
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
    Document = get_document_model()
    today = timezone.localdate()
    for item in data["reports"]:
        slug, title, abstract = item["slug"], item["title"], item["abstract"]
        paragraphs, finding = item["pdf"], item["key_finding"]
        author = {field: text.pl for field, text in data["author"].items()}
        report = existing_child(index, ReportPage, slug)
        if report is None:
            content = demo_pdf(title.pl, paragraphs * 8)  # a few pages of text
            document = Document.objects.create(
                title=f"{title.pl} (PDF)",
                file=demo_file(f"{slug}.pdf", content),
                language="pl",
                file_size=len(content),
            )
            report = ReportPage(
                title=title.pl,
                slug=slug,
                kind=item["kind"],
                publication_date=today - datetime.timedelta(days=30 * item["months_ago"]),
                abstract=abstract.pl,
                authors=[("author", author)],
                key_findings=[("finding", finding.pl)],
                files=[("document", document)],
            )
            report.zones = [zones[z] for z in item["zones"] if z in zones]
            index.add_child(instance=report)
            report.save_revision().publish()
            demo.note(f"report {report.title}")
        if title.en is None:
            continue
        for locale in demo.translation_locales:
            if report.get_translation_or_none(locale) is None:
                strings = {title.pl: title.en, slug: slugify(title.en), abstract.pl: abstract.en}
                strings |= dict([finding, *data["author"].values()])
                translate(report, locale, strings)
                demo.note(f"report {title.en} ({locale.language_code})")
