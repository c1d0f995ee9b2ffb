from django.core.management.base import BaseCommand
from django.db import transaction

from portal.events.organisers import set_up_organisers
from zones.editing import remove_wagtail_defaults


class Command(BaseCommand):
    help = (
        "Create the 'Organizatorzy' group, who may see and export registrations and run "
        "every events index that exists now, and remove Wagtail's default groups and "
        "workflow. Run it again after adding an events index; existing settings are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-wagtail-defaults",
            action="store_true",
            help="Keep Wagtail's groups 'Moderators' and 'Editors' and its workflow "
            "'Moderators approval'.",
        )

    def handle(self, *args, keep_wagtail_defaults=False, **options):
        with transaction.atomic():
            group = set_up_organisers()
            removed = [] if keep_wagtail_defaults else remove_wagtail_defaults()
        for name in removed:
            self.stdout.write(f"Removed Wagtail's default '{name}'")
        self.stdout.write(self.style.SUCCESS(f"Group '{group.name}' is set up."))
