from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.core.demo_content import load_all


class Command(BaseCommand):
    help = (
        "Build the demo site: page tree, zones, settings and sample content in Polish and "
        "English, on the default Site set to PORTAL_BASE_URL (configure_site). Safe to run "
        "again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apps",
            nargs="+",
            metavar="APP",
            help="only the steps of these apps, or these steps named with their app "
            "(e.g. portal.core zones.create_zones portal.events); a step may need "
            "what earlier steps made",
        )

    def handle(self, *args, **options):
        # Each save of a page, snippet or document would update Wagtail's reference index
        # (usage counts, and how a PDF's text finds its reports) on its own, several times per
        # page; the index is rebuilt once instead, before the commit that reads the PDFs.
        with transaction.atomic():
            with disable_reference_index_auto_update():
                demo = load_all(apps=options["apps"])
            if demo.created:
                call_command("rebuild_references_index", verbosity=0)
        if demo.created:
            for what in demo.created:
                self.stdout.write(f"  created {what}")
            self.stdout.write(self.style.SUCCESS(f"Demo content: {len(demo.created)} created."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        # The demo's links (feeds, sitemap, e-mails) must lead to where it is served.
        call_command("configure_site", stdout=self.stdout)
