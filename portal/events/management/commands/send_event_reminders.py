import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.events import tasks
from portal.events.registrations import Registration


class Command(BaseCommand):
    help = (
        "E-mail a reminder to everyone confirmed for an event that starts tomorrow (Warsaw "
        "time). Run it daily; nobody gets two reminders, even if it runs twice. The e-mails "
        "are queued for the background worker, which retries a failing mail server."
    )

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            event__start__date=tomorrow,
            event__live=True,
        ).exclude(event__status="cancelled")
        queued = 0
        for registration in due.select_related("event"):
            # Claim the reminder first: a second run (or a parallel one) finds it taken.
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=timezone.now())
            if claimed:
                tasks.queue_email(registration, Registration.EmailKind.REMINDER)
                queued += 1
        self.stdout.write(f"Reminders queued: {queued}.")
