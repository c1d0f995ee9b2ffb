"""Every publication of an event raises its iCalendar SEQUENCE, so calendar programs that
subscribed to it replace their copy with the new time or status."""

from django.db.models import F
from django.dispatch import receiver

from wagtail.signals import page_published

from .models import EventPage


@receiver(page_published, sender=EventPage)
def raise_calendar_sequence(sender, instance, **kwargs):
    EventPage.objects.filter(pk=instance.pk).update(ical_sequence=F("ical_sequence") + 1)
    instance.ical_sequence += 1
