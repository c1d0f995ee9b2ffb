"""A person's subscription to the news of one or more zones, by e-mail.

A subscription is stored as soon as the form is sent, waiting for confirmation; only a
confirmed one receives notices (double opt-in). The preferences a confirmation link
applies travel inside the signed link itself (tokens.py), so that sending the form again
for an address that is already subscribed changes nothing until the owner of the mailbox
confirms. The zones are the Polish (default-language) Zone rows, as on every tagged page.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zones.models import Zone


class Kind(models.TextChoices):
    """What a subscriber may receive: one kind per content family."""

    REPORTS = "reports", _("Reports and analyses")
    NEWS = "news", _("News")
    EVENTS = "events", _("Events")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscription.Status.CONFIRMED)

    def wanting(self, kind, zone_keys, language, frequency):
        """The confirmed subscriptions that want `kind` from any of the zones with these
        translation keys, in `language`, with this `frequency`."""
        return (
            self.confirmed()
            .filter(
                **{Subscription.KIND_FIELDS[kind]: True},
                language=language,
                frequency=frequency,
                zones__translation_key__in=zone_keys,
            )
            .distinct()
        )


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", pgettext_lazy("subscription status", "Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Frequency(models.TextChoices):
        AT_ONCE = "at_once", _("At once, one e-mail per item")
        WEEKLY = "weekly", _("Once a week, a digest")

    KIND_FIELDS = {Kind.REPORTS: "reports", Kind.NEWS: "news", Kind.EVENTS: "events"}

    email = models.EmailField(_("e-mail"), unique=True)
    zones = models.ManyToManyField(
        Zone,
        verbose_name=_("zones"),
        related_name="subscriptions",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    reports = models.BooleanField(_("reports and analyses"), default=False)
    news = models.BooleanField(_("news"), default=False)
    events = models.BooleanField(_("events"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("how often"), max_length=16, choices=Frequency.choices, default=Frequency.AT_ONCE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # The secret behind the unsubscribe and preferences links; a new one voids the old links.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    consent_version = models.CharField(_("consent version"), max_length=16, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "status_changed_at"], name="subscription_age")]

    def __str__(self):
        return self.email

    @property
    def kinds(self):
        return [kind for kind, field in self.KIND_FIELDS.items() if getattr(self, field)]

    def set_kinds(self, kinds):
        for kind, field in self.KIND_FIELDS.items():
            setattr(self, field, kind in kinds)

    def kinds_display(self):
        return ", ".join(str(Kind(kind).label) for kind in self.kinds)

    kinds_display.short_description = _("receives")

    def zone_names(self):
        """The zones, named in Polish (from the prefetched zones in listings)."""
        return ", ".join(zone.name for zone in self.zones.all())

    zone_names.short_description = _("zones")


class DigestDelivery(models.Model):
    """One weekly digest sent (or being sent) to one subscription for one ISO week: the
    unique pair makes `send_zone_digests` send each week's digest once, however often it
    runs."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digests")
    week = models.CharField(_("ISO week"), max_length=8)  # "2026-W48"
    items = models.PositiveIntegerField(_("items"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "week"], name="one_digest_a_week")
        ]

    def __str__(self):
        return f"{self.week}: {self.subscription_id}"
