"""The weekly digests: for each confirmed weekly subscriber with something new in their
zones, one DigestDelivery per ISO week, and its e-mail queued. The record is made before
the e-mail is queued and the pair (subscription, week) is unique, so running the command
twice, or from two machines, never sends a week's digest twice."""

from django.db import IntegrityError, transaction

from portal.core import mail

from . import items, tasks
from .models import DigestDelivery, Subscription


def queue_digests(week):
    """Queue the digests of ISO week `week` not queued yet; returns how many."""
    start, end = items.week_bounds(week)
    subscribers = (
        Subscription.objects.confirmed()
        .filter(frequency=Subscription.Frequency.WEEKLY)
        .exclude(digests__week=week)
        .prefetch_related("zones")
    )
    published = {}
    queued = 0
    for subscription in subscribers:
        language = subscription.language
        if language not in published:
            published[language] = items.published_between(language, start, end)
        week_items = tasks.digest_items(subscription, week, published[language])
        if week_items and _record(subscription, week, len(week_items)):
            queued += 1
    return queued


def _record(subscription, week, count):
    """Record the digest and queue its e-mail; False when another run recorded it first."""
    try:
        with transaction.atomic():
            delivery = DigestDelivery.objects.create(
                subscription=subscription, week=week, items=count
            )
            mail.enqueue_with_the_change(tasks.send_digest, delivery.pk)
    except IntegrityError:
        return False
    return True
