"""Building the site index (models.SearchEntry) from the pages, the handbook's steps and the
documents: what each entry says, where it leads and its facets.

Generic over page types: a page's text is what its own `search_fields` name (the same
declaration Wagtail's search reads), so a new page type needs nothing here. Only the
handbook's steps, which are sub-views of one page rather than pages, are spelt out.
"""

import datetime
import html
from collections import Counter

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import Manager
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.search import index

from portal.handbook.models import HandbookPage
from portal.research.text import fold
from zones.models import ZonePage

from .models import SearchEntry, SearchTerm, refresh_vectors

STEP_KIND = "handbook.step"
DOCUMENT_KIND = "document"
# Fields whose value is when the content happened or appeared, in order of preference.
DATE_FIELDS = ("date", "publication_date", "start", "start_date")
# A PostgreSQL tsvector must stay under 1 MB: the folded text is cut before that.
MAX_SEARCH_TEXT = 900_000
# A PDF gives "did you mean" its most frequent words of at least this many letters, at most
# this many per file: a 300-page report does not flood the vocabulary with its rare words.
PDF_WORD_MIN_LETTERS = 4
PDF_WORDS_PER_DOCUMENT = 2_000


def plain(value):
    """Text of a field value as the index reads it: strings, lists and dicts of them (a
    StreamField's searchable content), rich text without its tags."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain(item) for item in value.values())
    return html.unescape(strip_tags(str(value))).strip()


def field_texts(obj, fields):
    """The texts of `fields` (SearchField, RelatedFields) of `obj`, the title left out (the
    entry keeps it apart) and so are fields editors do not write (a report's folded
    search text: its PDFs are read page by page instead, see `attached_document_ids`)."""
    for field in fields:
        if isinstance(field, index.SearchField):
            if field.field_name == "title" or not is_editable(obj, field.field_name):
                continue
            text = plain(field.get_value(obj))
            if text:
                yield text
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if isinstance(related, Manager) else [related]
            for item in items:
                yield from field_texts(item, field.fields)


def is_editable(obj, name):
    try:
        return obj._meta.get_field(name).editable
    except FieldDoesNotExist:  # a method or property named in search_fields
        return True


def page_text(page):
    return "\n".join(field_texts(page, page.get_search_fields()))


def attached_document_ids(page):
    """The ids of the files a page presents as its own text (a report's PDFs)."""
    documents = getattr(page, "documents", None)
    if not callable(documents):
        return []
    return [document.pk for document in documents()]


def page_zones(page):
    """The slugs of the zones a page belongs to (shared by every language)."""
    if isinstance(page, ZonePage):
        return [page.zone.slug]
    zones = getattr(page, "zones", None)
    if zones is not None and hasattr(zones, "all"):
        return [zone.slug for zone in zones.all()]
    return []


def page_date(page):
    for name in DATE_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


def zones_value(slugs):
    return f",{','.join(sorted(set(slugs)))}," if slugs else ""


def make_entry(locale, title, url, text, kind, zones=(), date=None, pdf_texts=(), **fields):
    """An unsaved entry; `pdf_texts` (its PDFs' text) is searched and feeds the vocabulary,
    but excerpts are cut from the PDFs' pages (see portal.research.search.in_documents)."""
    entry = SearchEntry(
        locale=locale,
        title=title[:400],
        url=url,
        text=text,
        kind=kind,
        zones=zones_value(zones),
        date=date,
        year=date.year if date else None,
        **fields,
    )
    entry.search_text = fold(" ".join([title, text, *pdf_texts]))[:MAX_SEARCH_TEXT]
    entry.pdf_texts = pdf_texts  # not stored: read by remember_words
    return entry


def is_findable(page):
    """Live, public and on a site: what a visitor can open."""
    return (
        page.live
        and not page.get_view_restrictions().exists()
        and page.get_url() is not None
        and not page.is_root()
    )


def entries_for_page(page):
    """The entries of one (specific) page: the page itself and, for the handbook, each step."""
    page = page.specific
    documents = get_document_model().objects.filter(pk__in=attached_document_ids(page))
    pdf_texts = [document.text.replace("\f", " ") for document in documents]
    date = page_date(page)
    entries = [
        make_entry(
            page.locale,
            page.title,
            page.get_url(),
            page_text(page),
            page.specific_class._meta.label_lower,
            zones=page_zones(page),
            date=date,
            pdf_texts=pdf_texts,
            page=page,
            document_ids=[document.pk for document in documents],
        )
    ]
    if isinstance(page, HandbookPage):
        entries += step_entries(page, date)
    return entries


def step_entries(handbook, date):
    """One entry per step of the model: each has its own address (a routable sub-view)."""
    with translation.override(handbook.locale.language_code):
        return [
            make_entry(
                handbook.locale,
                _("Step %(number)d: %(title)s") % {"number": step.number, "title": step.title},
                step.url,
                " ".join(filter(None, [plain(step.body), step.other_actors, step.chapter])),
                STEP_KIND,
                zones=[zone.slug for zone, _page in step.zone_links],
                date=date,
                page=handbook,
                part=step.number,
            )
            for step in handbook.numbered_steps
        ]


def entries_for_document(document, locales):
    """A document in its language (a document in several languages, in every language), if
    no collection privacy hides it."""
    if document.collection.get_view_restrictions().exists():
        return []
    codes = [document.language] if document.language in locales else list(locales)
    date = document.created_at.date() if document.created_at else None
    return [
        make_entry(
            locales[code],
            document.title,
            document.url,
            document.description,
            DOCUMENT_KIND,
            zones=[zone.slug for zone in document.zones.all()],
            date=date,
            pdf_texts=[document.text.replace("\f", " ")],
            document=document,
            document_ids=[document.pk],
        )
        for code in codes
    ]


def remember_words(entries):
    """Add the words of the entries' titles, own text and PDFs (see `pdf_words`) to the
    "did you mean" vocabulary, each folded (what is matched) with its most frequent spelling
    (what is offered): one bulk insert that skips the words already known."""
    spellings = {}
    for entry in entries:
        forms = spellings.setdefault(entry.locale_id, {})
        found = list(written_words(f"{entry.title} {entry.text}"))
        for text in getattr(entry, "pdf_texts", ()):
            found += pdf_words(text)
        for folded, written in found:
            forms.setdefault(folded, Counter())[written] += 1
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(locale_id=locale_id, word=folded, spelling=written.most_common(1)[0][0])
            for locale_id, forms in spellings.items()
            for folded, written in forms.items()
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


def pdf_words(text):
    """The (folded, written) words of a PDF worth suggesting: of at least
    PDF_WORD_MIN_LETTERS letters, its PDF_WORDS_PER_DOCUMENT most frequent folded words."""
    found = [pair for pair in written_words(text) if len(pair[0]) >= PDF_WORD_MIN_LETTERS]
    kept = {
        folded for folded, _n in Counter(f for f, _w in found).most_common(PDF_WORDS_PER_DOCUMENT)
    }
    return [pair for pair in found if pair[0] in kept]


def written_words(text):
    """(folded, as written in lower case) for each word of 3–60 letters (digits and
    one-letter words make poor suggestions)."""
    cleaned = "".join(char if char.isalpha() else " " for char in text)
    for word in cleaned.split():
        folded, written = fold(word), word.lower()
        if 3 <= len(folded) <= 60 and len(written) <= 60:
            yield folded, written


@transaction.atomic
def index_page(page):
    """Replace the entries of `page`: none if it is not (or no longer) findable."""
    SearchEntry.objects.filter(page=page).delete()
    # A copy from the database: the caller's page keeps what it had computed (the
    # handbook's cached steps), and the index gets what was saved.
    page = Page.objects.filter(pk=page.pk).specific().first()
    if page is None or not is_findable(page):
        return []
    entries = SearchEntry.objects.bulk_create(entries_for_page(page))
    after_saving(entries)
    return entries


def forget_page(page):
    SearchEntry.objects.filter(page=page).delete()


@transaction.atomic
def index_document(document):
    SearchEntry.objects.filter(document=document).delete()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    entries = SearchEntry.objects.bulk_create(entries_for_document(document, locales))
    after_saving(entries)
    return entries


def after_saving(entries):
    """The vocabulary and, on PostgreSQL, the entries' tsvectors (see backends)."""
    remember_words(entries)
    refresh_vectors(SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries]))


def pages_using(document):
    """The pages that show `document`'s text as their own (Wagtail's reference index)."""
    ids = [ref.object_id for ref in ReferenceIndex.get_references_to(document)]
    return Page.objects.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])


def rebuild():
    """Index every page and document again (`manage.py rebuild_site_search`, the demo); the
    vocabulary too, so it loses the words of what is gone and gains their spellings."""
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()
    count = 0
    for page in Page.objects.live().specific().iterator(chunk_size=100):
        count += len(index_page(page))
    for document in get_document_model().objects.select_related("collection"):
        count += len(index_document(document))
    return count
