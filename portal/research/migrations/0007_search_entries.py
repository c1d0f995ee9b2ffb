"""What PostgreSQL's report search reads moves off the report row into a narrow row of its
own (ReportSearchEntry): the vectors, the page's `live` and `locale_id` (its trigger now
copies them there) and the date, with a facet set (ReportFacetSet) the counts group by.
The report rows held about four a heap page, so the matches of a common word (one report
in eight) read nearly every page of the table; the entries hold four times as many. Existing
reports get their sets and entries here; saves, the search-text task and
generate_bulk_reports keep them (models.refresh_search_entries). SQLite has both tables
empty: its search reads the report rows."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

CONFIG = "portal_unaccent"

CREATE_SQL = [
    # The old copy on the report row, its triggers and indexes (the columns go below).
    "DROP TRIGGER IF EXISTS research_report_listed ON research_reportpage",
    "DROP FUNCTION IF EXISTS research_report_listed()",
    "DROP INDEX IF EXISTS report_listed_facets",
    "DROP INDEX IF EXISTS report_listed_newest",
    "DROP INDEX IF EXISTS report_search_vector",
    # A change of the page's `live` or `locale_id`, however made, reaches the entry.
    """
    CREATE OR REPLACE FUNCTION research_page_listed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE research_reportsearchentry SET (live, locale_id) = (NEW.live, NEW.locale_id)
        WHERE report_id = NEW.id;
        RETURN NULL;
    END $$
    """,
    "CREATE INDEX report_entry_words ON research_reportsearchentry USING gin (search_vector)",
    # Every report's facet set and entry, from its row and page as they are.
    """
    INSERT INTO research_reportfacetset (kind, year, languages, zone_ids)
    SELECT DISTINCT kind, date_part('year', publication_date)::integer, languages, zone_ids
    FROM research_reportpage
    """,
    f"""
    INSERT INTO research_reportsearchentry
        (report_id, live, locale_id, publication_date, facets_id, search_vector, rank_vector)
    SELECT report.page_ptr_id, page.live, page.locale_id, report.publication_date, sets.id,
        setweight(to_tsvector('{CONFIG}', page.title), 'A')
            || setweight(to_tsvector('{CONFIG}', report.search_text), 'B'),
        setweight(to_tsvector('{CONFIG}', page.title), 'A')
            || setweight(to_tsvector('{CONFIG}', report.abstract), 'B')
    FROM research_reportpage AS report, wagtailcore_page AS page, research_reportfacetset AS sets
    WHERE page.id = report.page_ptr_id AND sets.kind = report.kind
        AND sets.year = date_part('year', report.publication_date)::integer
        AND sets.languages = report.languages AND sets.zone_ids = report.zone_ids
    """,
]


def create_entries(apps, schema_editor):
    """The entries of the reports there are, and the trigger that keeps their `live` and
    `locale_id`; on SQLite nothing (its search reads the report rows)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(";\n".join(CREATE_SQL))


class Migration(migrations.Migration):
    dependencies = [("research", "0006_rank_small_vector")]

    operations = [
        migrations.CreateModel(
            name="ReportFacetSet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=20)),
                ("year", models.IntegerField()),
                ("languages", models.CharField(max_length=40)),
                ("zone_ids", models.CharField(max_length=200)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "year", "languages", "zone_ids"), name="report_facet_set"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ReportSearchEntry",
            fields=[
                (
                    "report",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="research.reportpage",
                    ),
                ),
                ("live", models.BooleanField(default=False)),
                ("locale_id", models.IntegerField(null=True)),
                ("publication_date", models.DateField()),
                (
                    "facets",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="research.reportfacetset",
                    ),
                ),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("rank_vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                "indexes": [
                    models.Index(
                        condition=models.Q(("live", True)),
                        fields=["locale_id", "-publication_date", "-report"],
                        include=("facets",),
                        name="report_entry_newest",
                    )
                ],
            },
        ),
        # Forward only: the columns removed below would come back empty, without their
        # triggers.
        migrations.RunPython(create_entries),
        migrations.RemoveIndex(model_name="reportpage", name="report_facets"),
        migrations.RemoveField(model_name="reportpage", name="listed_live"),
        migrations.RemoveField(model_name="reportpage", name="listed_locale_id"),
        migrations.RemoveField(model_name="reportpage", name="rank_vector"),
        migrations.RemoveField(model_name="reportpage", name="search_vector"),
    ]
