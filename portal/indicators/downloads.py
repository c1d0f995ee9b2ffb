"""Download counts without tracking people: one counter per document and day."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentDownload(models.Model):
    """How many times a document was served on one day (Warsaw time). Nothing else: no
    address, cookie, user agent or user, so counting downloads tracks nobody."""

    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="daily_downloads",
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("number of downloads"), default=0)

    class Meta:
        verbose_name = _("document downloads on a day")
        verbose_name_plural = _("document downloads by day")
        constraints = [
            models.UniqueConstraint(fields=["document", "day"], name="indicators_download_day")
        ]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.count}"


def count_download(document, day=None):
    """Add one to the document's counter for today. The database adds (an F() update), so
    parallel downloads on several app servers are all counted; the first download of the
    day creates the row, and a parallel first download that loses the race adds instead."""
    day = day or timezone.localdate()
    counters = DocumentDownload.objects.filter(document=document, day=day)
    if counters.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DocumentDownload.objects.create(document=document, day=day, count=1)
    except IntegrityError:
        counters.update(count=F("count") + 1)
