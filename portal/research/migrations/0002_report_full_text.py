"""Full-text search of reports on PostgreSQL: the `unaccent` extension, a text search
configuration that folds diacritics ("zrodla" is "źródła"), each report's tsvector and its
GIN index; and the indexes of what the listing filters and sorts by (every database).
On SQLite the vector column stays empty: the folded search text serves there."""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

CONFIG = "portal_unaccent"

FULL_TEXT_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
    "word, hword, hword_part, numword, numhword WITH unaccent, simple",
    "CREATE INDEX report_search_vector ON research_reportpage USING gin (search_vector)",
    # The listing joins every report to its page for `live` and the language: this narrow
    # index answers that join in page order (a merge join with `report_facets`).
    "CREATE INDEX research_live_pages ON wagtailcore_page (locale_id, id) WHERE live",
]

DROP_SQL = [
    "DROP INDEX IF EXISTS report_search_vector",
    "DROP INDEX IF EXISTS research_live_pages",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}",
]


def create_full_text(apps, schema_editor):
    """The configuration and index (PostgreSQL only), then the vectors of existing reports."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FULL_TEXT_SQL:
        schema_editor.execute(statement)
    Page = apps.get_model("wagtailcore", "Page")
    title = Subquery(Page.objects.filter(pk=OuterRef("pk")).values("title")[:1])
    apps.get_model("research", "ReportPage").objects.update(
        search_vector=SearchVector(title, weight="A", config=CONFIG)
        + SearchVector("search_text", weight="B", config=CONFIG)
    )


def drop_full_text(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP_SQL:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportpage",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="reportpage",
            index=models.Index(fields=["-publication_date", "-page_ptr"], name="report_newest"),
        ),
        migrations.AddIndex(
            model_name="reportpage",
            index=models.Index(fields=["kind", "-publication_date"], name="report_kind_newest"),
        ),
        migrations.AddIndex(
            model_name="reportpage",
            index=models.Index(
                fields=["page_ptr"],
                include=["kind", "publication_date", "languages"],
                name="report_facets",
            ),
        ),
        migrations.RunPython(create_full_text, drop_full_text),
    ]
