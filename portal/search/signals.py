"""Keeping the site index up to date: a page's entries follow its publishing, unpublishing
and moves (a move changes the addresses below it too); a document's entry follows its saves
and the reading of its text, and so do the pages that show that text (reports), and its
collection's privacy. Deleting a page or document deletes its entries (on delete cascade).
Elasticsearch, when configured, gets the new entries once the change is committed (es.py;
skipped while it is down)."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.documents.signals import document_text_changed

from . import entries as index
from . import es
from .models import SearchEntry

Document = get_document_model()


def send_to_elasticsearch(entries, **owner):
    """Once committed, replace the owner's (page_id= or document_id=) old entries in
    Elasticsearch by the new ones."""
    if settings.ELASTICSEARCH_URL:
        transaction.on_commit(partial(es.replace, [entry.pk for entry in entries], **owner))


@receiver(page_published)
def follow_page(sender, instance, **kwargs):
    send_to_elasticsearch(index.index_page(instance), page_id=instance.pk)


@receiver(page_unpublished)
def forget_page(sender, instance, **kwargs):
    """Unpublished, or being deleted (Wagtail unpublishes a live page it deletes): its
    entries go, and none are made for a page that is on its way out."""
    index.forget_page(instance)
    send_to_elasticsearch([], page_id=instance.pk)


@receiver(post_page_move)
def follow_moved_pages(sender, instance, **kwargs):
    """The moved page and every page below it have new addresses."""
    for page in instance.get_descendants(inclusive=True).live().specific():
        send_to_elasticsearch(index.index_page(page), page_id=page.pk)


@receiver(post_save, sender=Document)
def follow_document(sender, instance, **kwargs):
    send_to_elasticsearch(index.index_document(instance), document_id=instance.pk)


@receiver(document_text_changed, sender=Document)
def follow_document_text(sender, document, **kwargs):
    """A PDF's new text finds the document and the pages that show it."""
    send_to_elasticsearch(index.index_document(document), document_id=document.pk)
    for page in index.pages_using(document).live().specific():
        send_to_elasticsearch(index.index_page(page), page_id=page.pk)


def documents_under(restriction):
    """The documents a collection's privacy covers: its own and its sub-collections'."""
    collection = Collection.objects.filter(pk=restriction.collection_id).first()
    if collection is None:  # the restriction went with its collection
        return Document.objects.none()
    return Document.objects.filter(collection__in=collection.get_descendants(inclusive=True))


@receiver(post_save, sender=CollectionViewRestriction)
def hide_private_documents(sender, instance, **kwargs):
    """A collection made private: its documents leave the results at once (one DELETE), not
    at the next rebuild_site_search."""
    documents = list(documents_under(instance).values_list("pk", flat=True))
    SearchEntry.objects.filter(document__in=documents).delete()
    for pk in documents:
        send_to_elasticsearch([], document_id=pk)


@receiver(post_delete, sender=CollectionViewRestriction)
def show_documents_made_public(sender, instance, **kwargs):
    """A collection's privacy removed: its documents are indexed again, unless a privacy of
    a collection above still hides them (entries_for_document checks)."""
    for document in documents_under(instance).select_related("collection"):
        send_to_elasticsearch(index.index_document(document), document_id=document.pk)
