"""The subscription e-mails, sent by background tasks (django-tasks), so that a mail server
that refuses or hangs never fails or holds up a publish or a visitor's request. A message
that meets a mail-server error is tried again after EMAIL_RETRY_DELAYS (portal.core.mail);
tasks get primary keys and JSON values, never objects."""

from django_tasks import task

from wagtail.models import Page

from portal.core import mail

from . import emails, items
from .models import DigestDelivery, Subscription


@task()
def send_confirmation(preferences, attempt=1):
    """The confirmation link of a subscription asked for with `preferences`."""
    mail.deliver(
        send_confirmation,
        "Subscription confirmation e-mail",
        attempt,
        lambda: emails.send_confirmation(preferences),
        (preferences,),
    )


@task()
def announce(page_id):
    """The first publication of page `page_id`: one notice to each confirmed subscriber who
    follows one of its zones at once, in its language, for its kind."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return
    page = page.specific
    kind = items.kind_of(page)
    subscribers = Subscription.objects.wanting(
        kind, page.zone_keys(), page.locale.language_code, Subscription.Frequency.AT_ONCE
    )
    for subscription_id in subscribers.values_list("pk", flat=True):
        send_notice.enqueue(subscription_id, page_id)


@task()
def send_notice(subscription_id, page_id, attempt=1):
    """One notice; skipped when the subscriber left or the page went offline meanwhile."""
    subscription = Subscription.objects.confirmed().filter(pk=subscription_id).first()
    page = Page.objects.filter(pk=page_id, live=True).first()
    if subscription is None or page is None:
        return
    item = items.item_of(page.specific)
    mail.deliver(
        send_notice,
        f"Subscription {subscription_id}, notice of page {page_id}",
        attempt,
        lambda: emails.send_notice(subscription, item),
        (subscription_id, page_id),
    )


@task()
def send_digest(delivery_id, attempt=1):
    """The weekly digest a DigestDelivery stands for (items counted when it was made)."""
    delivery = DigestDelivery.objects.select_related("subscription").filter(pk=delivery_id)
    delivery = delivery.first()
    if delivery is None or delivery.subscription.status != Subscription.Status.CONFIRMED:
        return
    subscription = delivery.subscription
    week_items = digest_items(subscription, delivery.week)
    if not week_items:
        return
    mail.deliver(
        send_digest,
        f"Subscription {subscription.pk}, digest of {delivery.week}",
        attempt,
        lambda: emails.send_digest(subscription, week_items, delivery.week),
        (delivery_id,),
    )


def digest_items(subscription, week, published=None):
    """The items of ISO week `week` that `subscription` follows (zones and kinds), from
    `published` (items.published_between's list for its language) or the database."""
    if published is None:
        published = items.published_between(subscription.language, *items.week_bounds(week))
    zone_keys = {zone.translation_key for zone in subscription.zones.all()}
    kinds = set(subscription.kinds)
    return [item for item, keys in published if item.kind in kinds and keys & zone_keys]
