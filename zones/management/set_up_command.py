"""The shared shape of the re-runnable set-up commands (set_up_zone_editing,
set_up_organisers): each sets up its groups and rights, then removes Wagtail's default
groups and workflow unless told to keep them."""

from django.core.management.base import BaseCommand
from django.db import transaction

from zones.editing import remove_wagtail_defaults


class SetUpCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-wagtail-defaults",
            action="store_true",
            help="Keep Wagtail's groups 'Moderators' and 'Editors' and its workflow "
            "'Moderators approval'.",
        )

    def handle(self, *args, keep_wagtail_defaults=False, **options):
        with transaction.atomic():
            done = self.set_up()
            removed = [] if keep_wagtail_defaults else remove_wagtail_defaults()
        for name in removed:
            self.stdout.write(f"Removed Wagtail's default '{name}'")
        self.stdout.write(self.style.SUCCESS(done))

    def set_up(self):
        """Create what is missing; return the closing line to print."""
        raise NotImplementedError
