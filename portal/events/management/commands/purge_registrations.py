import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from portal.events.registrations import Registration


class Command(BaseCommand):
    help = (
        "Anonymise the personal data of registrations for events that ended more than "
        "--days days ago (REGISTRATION_RETENTION_DAYS, 90 by default). Counts, statuses, "
        "institution types and needs stay for reporting."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.REGISTRATION_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 1:
            # Zero or fewer days would reach past today: --days -400 anonymises the
            # registrations of events that have not happened yet.
            raise CommandError(
                f"--days must be 1 or more (got {days}): registrations are anonymised only "
                "for events that ended at least a day ago."
            )
        cutoff = timezone.now() - datetime.timedelta(days=days)
        due = Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True)
        count = due.update(
            name="—",
            email=Concat(Value("anonymised-"), Cast("pk", CharField()), Value("@invalid")),
            phone="",
            position="",
            companions="",
            needs_other="",
            email_error="",  # an SMTP reply may quote the address
            anonymised_at=timezone.now(),
        )
        self.stdout.write(f"Anonymised registrations: {count}.")
