import re

from django.core.management.base import BaseCommand, CommandError

from portal.subscriptions import digests, items


class Command(BaseCommand):
    help = (
        "Send the weekly digests of new reports, news and events to the subscribers who "
        "asked for them, once per ISO week (by default the last full week)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--week", help='ISO week such as "2026-W48"; default: last week')

    def handle(self, *args, week=None, **options):
        week = week or items.previous_week()
        if not re.fullmatch(r"\d{4}-W\d{2}", week):
            raise CommandError(f'--week must look like "2026-W48", not {week!r}.')
        try:
            items.week_bounds(week)
        except ValueError as error:
            raise CommandError(f"{week} is not an ISO week: {error}") from error
        queued = digests.queue_digests(week)
        self.stdout.write(f"{week}: {queued} digest(s) queued.")
