"""Registrations for events: who comes, how many, what they need, and their place in the
queue. Personal data never leaves the admin: no search index, no public page, no log."""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

AT_LEAST_ONE_PERSON = "events_registration_at_least_one_person"


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def seats_taken(self):
        return self.confirmed().aggregate(total=Sum("people"))["total"] or 0


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class EmailKind(models.TextChoices):
        """The messages a registrant gets (portal/events/emails.py)."""

        CONFIRMATION = "confirmation", _("confirmation")
        WAITING = "waiting", _("waiting-list notice")
        PROMOTED = "promoted", _("seat from the waiting list")
        REMINDER = "reminder", _("reminder")
        CANCELLED = "cancelled", _("cancellation")

    class EmailStatus(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("E-mail not delivered")

    class InstitutionType(models.TextChoices):
        WTZ = "wtz", _("Occupational therapy workshop (WTZ)")
        MUNICIPALITY = "gmina", _("Municipality (gmina)")
        COUNTY = "powiat", _("County (powiat)")
        REGION = "wojewodztwo", _("Region (województwo)")
        SOCIAL_SERVICES = "ops", _("ROPS, PCPR or OPS")
        COOPERATIVE = "cooperative", _("Social cooperative")
        BUSINESS = "business", _("Business")
        NGO = "ngo", _("NGO")
        OTHER = "other", _("Other")

    NEEDS = [
        ("needs_wheelchair", _("wheelchair access")),
        ("needs_sign_language", _("Polish Sign Language interpreter")),
        ("needs_induction_loop", _("induction loop")),
        ("needs_easy_read", _("easy-to-read materials")),
        ("needs_assistant", _("an assistant comes along")),
        ("needs_diet", _("dietary needs")),
    ]

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="registrations",
        help_text=_("Always the event in the source language, whichever language was used."),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    name = models.CharField(_("name and surname"), max_length=120)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    institution = models.CharField(_("institution"), max_length=200)
    institution_type = models.CharField(
        _("type of institution"), max_length=20, choices=InstitutionType.choices
    )
    position = models.CharField(_("position"), max_length=120, blank=True)
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)
    companions = models.TextField(_("names of the other people"), max_length=2000, blank=True)
    needs_wheelchair = models.BooleanField(_("wheelchair access"), default=False)
    needs_sign_language = models.BooleanField(_("Polish Sign Language interpreter"), default=False)
    needs_induction_loop = models.BooleanField(_("induction loop"), default=False)
    needs_easy_read = models.BooleanField(_("easy-to-read materials"), default=False)
    needs_assistant = models.BooleanField(_("an assistant comes along"), default=False)
    needs_diet = models.BooleanField(_("dietary needs"), default=False)
    needs_other = models.CharField(_("other needs"), max_length=500, blank=True)
    consent_version = models.CharField(_("consent version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given at"))
    newsletter = models.BooleanField(_("newsletter"), default=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # The latest message to the registrant and how sending it went (empty: none was due,
    # e.g. imported data). Organisers see a failure in the admin and can send it again.
    email_kind = models.CharField(
        _("latest e-mail"), max_length=20, choices=EmailKind.choices, blank=True
    )
    email_status = models.CharField(
        _("e-mail status"), max_length=10, choices=EmailStatus.choices, blank=True
    )
    email_attempts = models.PositiveSmallIntegerField(_("attempts to send the e-mail"), default=0)
    email_error = models.CharField(_("why the e-mail failed"), max_length=200, blank=True)

    objects = RegistrationQuerySet.as_manager()

    # Not in Wagtail's reference index: a registration is personal data, not content that
    # "uses" its event, and indexing it put a task into every booking's locked transaction.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status="cancelled"),
                name="events_registration_one_per_email_and_event",
            ),
            models.CheckConstraint(condition=Q(people__gte=1), name=AT_LEAST_ONE_PERSON),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        # No name here: this label is stored in the admin's history, which the purge of
        # personal data does not reach.
        return f"{_('Registration')} {self.pk} – {self.event}"

    def get_constraints(self):
        """The constraints `validate_constraints` checks: not the check that there is at
        least one person when the number is already known to be one or more. Django would
        build (and, with the number excluded, then drop) a query to ask the database;
        the database still enforces it. Saves a query, or its building, on every booking."""
        if not (isinstance(self.people, int) and self.people >= 1):
            return super().get_constraints()
        return [
            (model, [each for each in constraints if each.name != AT_LEAST_ONE_PERSON])
            for model, constraints in super().get_constraints()
        ]

    def needs_list(self):
        needs = [str(label) for name, label in self.NEEDS if getattr(self, name)]
        if self.needs_other:
            needs.append(self.needs_other)
        return needs
