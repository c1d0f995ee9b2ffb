from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from zones.editing import remove_wagtail_defaults, set_up_editing
from zones.models import Zone


class Command(BaseCommand):
    help = (
        "Create what is missing of the editing set-up: the 'Moderacja' group, a "
        "'Redakcja: <zone>' group and collection for every zone, their permissions (on every "
        "index that exists now) and the moderation workflow, and remove Wagtail's default "
        "groups and workflow. Run it again after adding a zone or an index; existing "
        "settings are kept."
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
            set_up_editing()
            removed = [] if keep_wagtail_defaults else remove_wagtail_defaults()
        for zone in Zone.objects.filter(editor_group__isnull=False).select_related(
            "editor_group", "locale"
        ):
            if zone.locale.language_code == settings.LANGUAGE_CODE:
                self.stdout.write(f"{zone.name}: group '{zone.editor_group.name}'")
        for name in removed:
            self.stdout.write(f"Removed Wagtail's default '{name}'")
        self.stdout.write(self.style.SUCCESS("Zone editing is set up."))
