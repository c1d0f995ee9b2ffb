from django.conf import settings

from zones.editing import set_up_editing
from zones.management.set_up_command import SetUpCommand
from zones.models import Zone


class Command(SetUpCommand):
    help = (
        "Create what is missing of the editing set-up: the 'Moderacja' group, a "
        "'Redakcja: <zone>' group and collection for every zone, their permissions (on every "
        "index that exists now) and the moderation workflow, and remove Wagtail's default "
        "groups and workflow. Run it again after adding a zone or an index; existing "
        "settings are kept."
    )

    def set_up(self):
        set_up_editing()
        for zone in Zone.objects.filter(editor_group__isnull=False).select_related(
            "editor_group", "locale"
        ):
            if zone.locale.language_code == settings.LANGUAGE_CODE:
                self.stdout.write(f"{zone.name}: group '{zone.editor_group.name}'")
        return "Zone editing is set up."
