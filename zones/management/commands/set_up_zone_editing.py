from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from zones.editing import set_up_editing
from zones.models import Zone


class Command(BaseCommand):
    help = (
        "Create what is missing of the editing set-up: the 'Moderacja' group, a "
        "'Redakcja: <zone>' group and collection for every zone, their permissions and the "
        "moderation workflow. Run it after adding a zone; existing settings are kept."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            set_up_editing()
        for zone in Zone.objects.filter(editor_group__isnull=False).select_related(
            "editor_group", "locale"
        ):
            if zone.locale.language_code == settings.LANGUAGE_CODE:
                self.stdout.write(f"{zone.name}: group '{zone.editor_group.name}'")
        self.stdout.write(self.style.SUCCESS("Zone editing is set up."))
