import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from portal.research.models import ReportPage, ResearchIndexPage
from zones.models import Zone

SUBJECTS = [
    "zatrudnienie uczestników WTZ",
    "źródła finansowania spółdzielni",
    "bariery współpracy z samorządem",
    "usługi cateringowe",
    "pielęgnacja terenów zielonych",
    "trener pracy",
    "zamówienia z klauzulą społeczną",
    "modele zagraniczne",
]


class Command(BaseCommand):
    help = "Create N realistic reports in the Polish research index, for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, seed, **options):
        index = ResearchIndexPage.objects.filter(locale=Locale.get_default()).first()
        if index is None:
            raise CommandError("There is no research index yet: run load_demo_content first.")
        rng = random.Random(seed)  # noqa: S311  (test data, not security)
        zones = list(Zone.objects.filter(locale=Locale.get_default()))
        kinds = [value for value, _label in ReportPage.Kind.choices]
        start = ReportPage.objects.count()
        with transaction.atomic():
            for number in range(start, start + count):
                subject = rng.choice(SUBJECTS)
                page = ReportPage(
                    title=f"Raport {number + 1}: {subject}",
                    slug=f"raport-zbiorczy-{number + 1}",
                    kind=rng.choice(kinds),
                    publication_date=timezone.localdate()
                    - datetime.timedelta(days=rng.randint(0, 1500)),
                    abstract=f"Wyniki badania: {subject}. " * 3,
                    methodology="Ankiety, wywiady pogłębione i analiza dokumentów.",
                )
                page.zones = rng.sample(zones, k=min(len(zones), rng.randint(1, 2)))
                index.add_child(instance=page)
                page.save_revision().publish()
        self.stdout.write(self.style.SUCCESS(f"Created {count} reports."))
