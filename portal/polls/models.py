"""The poll ("Sonda"): a question with answers, shown as a block on any page.

Votes are counted only on the answers of the poll in the source language (Polish). A
translation's answers are the same answers in other words: wagtail-localize gives them the
`translation_key` of their source answer, and a vote or a result in English goes through
that key to the Polish tally. So each language shows one and the same count.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PollQuerySet(models.QuerySet):
    def with_total_votes(self):
        """Each poll with `total_votes`: the votes on its source-language answers (its own
        answers when it has no source-language version), in the same query."""

        def total(**poll_filter):
            return Subquery(
                PollChoice.objects.filter(**poll_filter)
                .order_by()
                .values("poll__translation_key")
                .annotate(total=Sum("votes"))
                .values("total")[:1]
            )

        return self.annotate(
            total_votes=Coalesce(
                total(
                    poll__translation_key=OuterRef("translation_key"),
                    poll__locale=Locale.get_default(),
                ),
                total(poll=OuterRef("pk")),
                Value(0),
            )
        )


class Poll(TranslatableMixin, ClusterableModel):
    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Voting not open yet")
        OPEN = "open", _("Voting open")
        CLOSED = "closed", _("Voting closed")

    question = models.CharField(_("question"), max_length=255)
    opens_at = models.DateTimeField(
        _("voting starts"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open the poll at once."),
    )
    closes_at = models.DateTimeField(
        _("voting ends"), null=True, blank=True, help_text=_("Leave empty to keep the poll open.")
    )

    objects = PollQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
        InlinePanel("choices", label=_("Answers"), min_num=2),
    ]

    # The dates cannot differ between languages: a vote in any language counts on the
    # same tally, so the poll opens and closes for all of them at once.
    translatable_fields = [
        TranslatableField("question"),
        SynchronizedField("opens_at", overridable=False),
        SynchronizedField("closes_at", overridable=False),
        TranslatableField("choices"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self):
        return self.question

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The poll must close after it opens.")})

    def status(self, now=None):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return self.Status.UPCOMING
        if self.closes_at and now >= self.closes_at:
            return self.Status.CLOSED
        return self.Status.OPEN

    def get_status_display(self):
        return self.status().label

    @property
    def source_poll(self):
        """The poll whose answers hold the votes: the version in the default (source)
        language, or this poll when it has none."""
        if not hasattr(self, "_source_poll"):
            default = Locale.get_default()
            source = None
            if self.locale_id != default.pk:
                source = Poll.objects.filter(
                    translation_key=self.translation_key, locale=default
                ).first()
            self._source_poll = source or self
        return self._source_poll

    def tally_choice(self, choice):
        """The answer that counts a vote for `choice` (one of this poll's answers): the
        source-language answer with the same translation key."""
        source = self.source_poll
        if source.pk == self.pk:
            return choice
        return source.choices.filter(translation_key=choice.translation_key).first() or choice

    def results(self):
        """The answers in this poll's language with the votes of the source poll: two
        queries, whatever the number of answers."""
        choices = list(self.choices.all())
        source = self.source_poll
        if source.pk == self.pk:
            votes = {choice.translation_key: choice.votes for choice in choices}
        else:
            votes = dict(source.choices.values_list("translation_key", "votes"))
        counted = [(choice, votes.get(choice.translation_key, choice.votes)) for choice in choices]
        total = sum(count for _choice, count in counted)
        return PollResults(
            rows=[ChoiceResult(choice, count, percent(count, total)) for choice, count in counted],
            total=total,
        )


class PollChoice(TranslatableMixin, Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("answer"), max_length=255)
    # Counted by the database (F expressions); only the source-language answers' counts
    # are used, a translation's copy is whatever wagtail-localize last synchronised.
    votes = models.PositiveIntegerField(_("votes"), default=0, editable=False)

    panels = [FieldPanel("label")]

    translatable_fields = [TranslatableField("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        """Saving an existing answer (an editor saving the poll) never writes `votes`: the
        value read when the form was loaded may be older than the votes counted since."""
        if not self._state.adding and not kwargs.get("force_insert") and not args:
            kwargs.setdefault(
                "update_fields",
                [
                    field.name
                    for field in self._meta.concrete_fields
                    if not field.primary_key and field.name != "votes"
                ],
            )
        super().save(*args, **kwargs)


def percent(part, total):
    """`part` of `total` in whole per cent, halves rounded up (0 when nobody voted)."""
    if not total:
        return 0
    return (200 * part + total) // (2 * total)


@dataclass
class ChoiceResult:
    choice: PollChoice
    votes: int
    percent: int

    @property
    def votes_text(self):
        return ngettext("%(count)s vote", "%(count)s votes", self.votes) % {"count": self.votes}


@dataclass
class PollResults:
    rows: list
    total: int

    @property
    def total_text(self):
        return ngettext("%(count)s vote in total", "%(count)s votes in total", self.total) % {
            "count": self.total
        }
