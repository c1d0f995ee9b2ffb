from django.conf import settings
from django.core.management.base import BaseCommand

from portal.subscriptions import subscribing


class Command(BaseCommand):
    help = (
        "Delete the addresses never confirmed or unsubscribed more than "
        "SUBSCRIPTION_RETENTION_DAYS days ago."
    )

    def handle(self, *args, **options):
        deleted = subscribing.purge()
        self.stdout.write(
            f"{deleted} subscription(s) older than {settings.SUBSCRIPTION_RETENTION_DAYS} "
            "days deleted."
        )
