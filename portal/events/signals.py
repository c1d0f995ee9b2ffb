"""What follows an event's publication or a registration's deletion: the iCalendar
SEQUENCE goes up, and freed or added seats go to the waiting list."""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import page_published

from . import booking
from .models import EventPage
from .registrations import Registration


@receiver(page_published, sender=EventPage)
def raise_calendar_sequence(sender, instance, **kwargs):
    EventPage.objects.filter(pk=instance.pk).update(ical_sequence=F("ical_sequence") + 1)
    instance.ical_sequence += 1


@receiver(page_published, sender=EventPage)
def seat_the_waiting_list(sender, instance, **kwargs):
    """More seats (a larger room) go first to those waiting, in arrival order."""
    transaction.on_commit(lambda: booking.refill(instance))


@receiver(post_delete, sender=Registration)
def promote_after_delete(sender, instance, **kwargs):
    """A registration deleted in the admin frees its seats like a cancellation."""
    if instance.status == Registration.Status.CONFIRMED:
        event_id = instance.event_id
        transaction.on_commit(lambda: booking.refill(EventPage.objects.get(pk=event_id)))
