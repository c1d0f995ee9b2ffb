"""Notices of new content: on the first publication of a report, news item or event, the
announcement is queued (after the commit) as a background task, so a publish never waits
for, or fails because of, the mail server."""

from django.dispatch import receiver

from wagtail.signals import page_published

from portal.core import mail

from . import items, tasks


@receiver(page_published)
def announce_first_publication(sender, instance, revision=None, **kwargs):
    if items.kind_of(instance) is None or not items.is_first_publication(instance, revision):
        return
    mail.enqueue_with_the_change(tasks.announce, instance.pk)
