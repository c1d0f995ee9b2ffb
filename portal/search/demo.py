"""Demo content of the site search: the index built from everything the other steps made,
and a result editors pinned for a common query in each language (demo.yaml)."""

from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.db.models.signals import post_save

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.signals import page_published, post_page_move

from portal.core import demo_content
from portal.core.signals import Receiver, receivers_paused
from portal.documents.signals import document_text_changed

from . import signals
from .entries import rebuild
from .models import SearchEntry

DATA_FILE = Path(__file__).with_name("demo.yaml")

# The receivers that keep the site index up to date after each save (signals.py), with the
# sender each listens to.
FOLLOWERS = (
    Receiver(page_published, signals.follow_page),
    Receiver(post_page_move, signals.follow_moved_pages),
    Receiver(post_save, signals.follow_document, signals.Document),
    Receiver(document_text_changed, signals.follow_document_text, signals.Document),
)


# The senders of the changes the paused receivers would have followed during this run.
_missed = set()


def _note_missed(sender, **kwargs):
    _missed.add(sender)


@contextmanager
def site_index_paused():
    """No index entries for each page published and document saved or read while the demo
    is built, only a note that there was one: `build_search_index` then deletes them all
    and indexes everything once."""
    _missed.clear()
    with receivers_paused(FOLLOWERS, instead=_note_missed):
        yield


@demo_content.demo_step(order=99, pauses=site_index_paused)
def build_search_index(demo):
    """Last of all: every page and document the demo made, in the index. A run that
    published, moved or read nothing (the second) leaves the index as the receivers kept
    it, unless it is empty."""
    if _missed or not SearchEntry.objects.exists():
        demo.note(f"search index ({rebuild()} entries)")
    for promotion in demo_content.read_demo_data(DATA_FILE)["promotions"]:
        pin(demo, promotion)


def pin(demo, promotion):
    """Pin the page for the query in each language, unless an editor already pinned it."""
    model = apps.get_model(promotion["page"])
    for locale in [demo.source_locale, *demo.translation_locales]:
        code = locale.language_code
        page = model.objects.live().filter(locale=locale).first()
        query_text = getattr(promotion["query"], code)
        if page is None or not query_text:
            continue
        query = Query.get(query_text)
        _pick, created = SearchPromotion.objects.get_or_create(
            query=query,
            page=page,
            defaults={"description": getattr(promotion["description"], code), "sort_order": 0},
        )
        if created:
            demo.note(f"search promotion “{query_text}” ({code})")
