"""Many published reports at once, for benchmarks: 100,000 in a few minutes on PostgreSQL.

Saving pages one by one (a revision, a publish, signals) took 40 minutes for 10,000. Here
treebeard's materialised paths are computed for the new children of the research index,
the page and report rows (with their search text) go in with multi-row INSERTs, then the
zones and (on PostgreSQL) the full-text vectors, one statement each per batch.
The reports are live and published without revisions, in Polish only, like the reports
this command made before.
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from portal.core.fragments import invalidate_fragments
from portal.research.models import (
    ReportPage,
    ResearchIndexPage,
    refresh_search_entries,
    zone_ids_text,
)
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

# A second, independent theme per report, so that a query of words from both themes
# finds about one report in 64 rather than one in 8.
REGIONS = [
    "województwo łódzkie",
    "województwo śląskie",
    "Małopolska",
    "Pomorze",
    "Podkarpacie",
    "Wielkopolska",
    "Mazowsze",
    "Dolny Śląsk",
]

BATCH = 2_000


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
        start = ReportPage.objects.count()
        with transaction.atomic():
            index = ResearchIndexPage.objects.select_for_update().get(pk=index.pk)
            first_step = next_child_step(index)
            for batch_start in range(0, count, BATCH):
                numbers = range(start + batch_start, start + min(batch_start + BATCH, count))
                reports = [
                    new_report(index, first_step + number - start, number, rng)
                    for number in numbers
                ]
                insert_reports(reports)
                tag_zones(reports, zones, rng)
                refresh_search_entries(ReportPage.objects.filter(pk__in=[r.pk for r in reports]))
            Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
        # No page was published through Wagtail: forget the cached listing counts ourselves.
        invalidate_fragments()
        self.stdout.write(self.style.SUCCESS(f"Created {count} reports."))


def next_child_step(index):
    """The treebeard step after the index's last child (1 for a childless index)."""
    last = index.get_last_child()
    if last is None:
        return 1
    return Page._str2int(last.path[-Page.steplen :]) + 1


def new_report(index, step, number, rng):
    """A live report, child number `step` of `index`, with its search text filled in."""
    subject, region = rng.choice(SUBJECTS), rng.choice(REGIONS)
    now = timezone.now()
    slug = f"raport-zbiorczy-{number + 1}"
    title = f"Raport {number + 1}: {subject}"
    report = ReportPage(
        title=title,
        draft_title=title,
        slug=slug,
        path=Page._get_path(index.path, index.depth + 1, step),
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        locale_id=index.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        kind=rng.choice(ReportPage.Kind.values),
        publication_date=timezone.localdate() - datetime.timedelta(days=rng.randint(0, 1500)),
        abstract=f"Wyniki badania: {subject}. " * 3 + f"Region: {region}.",
        methodology="Ankiety, wywiady pogłębione i analiza dokumentów.",
    )
    report.refresh_search_text()
    return report


def insert_reports(reports):
    """The page rows and then the report rows, as Model.save() does for a page, but many
    rows per INSERT. The page INSERT returns the new ids."""
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    rows = Page._base_manager._insert(
        reports,
        fields=page_fields,
        returning_fields=Page._meta.db_returning_fields,
        using=connection.alias,
    )
    for report, (pk,) in zip(reports, rows, strict=True):
        report.page_ptr_id = report.pk = pk
    ReportPage._base_manager._insert(
        reports, fields=ReportPage._meta.local_concrete_fields, using=connection.alias
    )


def tag_zones(reports, zones, rng):
    """One or two zones per report, in one INSERT, and each report's `zone_ids` (one
    UPDATE per zone set)."""
    chosen = {
        report.pk: rng.sample(zones, k=min(len(zones), rng.randint(1, 2))) for report in reports
    }
    Through = ReportPage.zones.through
    Through.objects.bulk_create(
        Through(reportpage_id=pk, zone_id=zone.pk) for pk, tags in chosen.items() for zone in tags
    )
    by_text = {}
    for pk, tags in chosen.items():
        by_text.setdefault(zone_ids_text(tags), []).append(pk)
    for text, ids in by_text.items():
        ReportPage.objects.filter(pk__in=ids).update(zone_ids=text)
