"""The life of a subscription: asked for, confirmed, changed, ended. Views and commands
call these; the database keeps one row per address (a unique e-mail), so two forms sent at
once for the same address still make one subscription."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.core import mail
from zones.models import Zone

from . import tasks
from .models import Subscription

Status = Subscription.Status


def ask_to_subscribe(preferences):
    """Store a new address as waiting for confirmation, and send the confirmation link for
    `preferences`. An address already known is left as it is, whatever its status: its
    preferences change only when the link is followed, and the visitor is told the same
    thing in both cases, so the form never reveals who is subscribed."""
    subscription, created = _get_or_create(preferences["email"])
    if created:
        apply_preferences(subscription, preferences)
    mail.enqueue_with_the_change(tasks.send_confirmation, preferences)


def _get_or_create(email):
    try:
        with transaction.atomic():
            return Subscription.objects.get_or_create(
                email=email,
                defaults={"language": settings.LANGUAGE_CODE},
            )
    except IntegrityError:  # the same address, sent twice at the same moment
        return Subscription.objects.get(email=email), False


def apply_preferences(subscription, preferences):
    """Save zones (by slug), kinds, language and frequency on `subscription`."""
    subscription.set_kinds(preferences["kinds"])
    subscription.language = preferences["language"]
    subscription.frequency = preferences["frequency"]
    subscription.save()
    subscription.zones.set(
        Zone.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, slug__in=preferences["zones"]
        )
    )


def confirm(preferences):
    """Follow a confirmation link: the address is subscribed with the preferences the link
    carries (a row purged meanwhile is made again)."""
    subscription, _created = _get_or_create(preferences["email"])
    now = timezone.now()
    if subscription.status != Status.CONFIRMED:
        subscription.status = Status.CONFIRMED
        subscription.status_changed_at = now
    subscription.confirmed_at = now
    subscription.consent_version = settings.SUBSCRIPTION_CONSENT_VERSION
    apply_preferences(subscription, preferences)
    return subscription


def unsubscribe(subscription):
    """End the subscription: no notice or digest goes to it any more."""
    if subscription.status != Status.UNSUBSCRIBED:
        Subscription.objects.filter(pk=subscription.pk).update(
            status=Status.UNSUBSCRIBED, status_changed_at=timezone.now()
        )
        subscription.status = Status.UNSUBSCRIBED


def purge(now=None):
    """Delete addresses never confirmed or unsubscribed longer ago than
    SUBSCRIPTION_RETENTION_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - timezone.timedelta(days=settings.SUBSCRIPTION_RETENTION_DAYS)
    stale = Subscription.objects.filter(
        status__in=[Status.PENDING, Status.UNSUBSCRIBED], status_changed_at__lt=cutoff
    )
    _total, per_model = stale.delete()
    return per_model.get(Subscription._meta.label, 0)
