from portal.events.organisers import set_up_organisers
from zones.management.set_up_command import SetUpCommand


class Command(SetUpCommand):
    help = (
        "Create the 'Organizatorzy' group, who may see and export registrations and run "
        "every events index that exists now, and remove Wagtail's default groups and "
        "workflow. Run it again after adding an events index; existing settings are kept."
    )

    def set_up(self):
        return f"Group '{set_up_organisers().name}' is set up."
