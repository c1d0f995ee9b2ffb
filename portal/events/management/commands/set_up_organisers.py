from django.core.management.base import BaseCommand

from portal.events.organisers import set_up_organisers


class Command(BaseCommand):
    help = "Create the 'Organizatorzy' group, who may see and export registrations."

    def handle(self, *args, **options):
        group = set_up_organisers()
        self.stdout.write(self.style.SUCCESS(f"Group '{group.name}' is set up."))
