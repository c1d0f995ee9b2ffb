from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile the project's .po files into .mo files with polib, so `make run` needs no "
        "GNU gettext on the machine. Same result as `compilemessages` for our own locale/."
    )

    def handle(self, *args, **options):
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"Compiled {count} message catalogue(s).")
