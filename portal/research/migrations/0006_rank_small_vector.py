"""Best match first ranks by a small vector of each report's title (A) and abstract (B),
kept beside the search vector (PostgreSQL): ranking by the search vector read every
match's whole text, PDFs included. Existing reports get theirs here; saves and the
search-text task keep it (models.refresh_search_vectors). SQLite leaves the column empty:
its search ranks by the title (search.DatabaseReportSearch)."""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import OuterRef, Subquery

CONFIG = "portal_unaccent"


def fill_rank_vectors(apps, schema_editor):
    """The vectors of the reports there are, in one UPDATE (PostgreSQL only)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    Page = apps.get_model("wagtailcore", "Page")
    title = Subquery(Page.objects.filter(pk=OuterRef("pk")).values("title")[:1])
    apps.get_model("research", "ReportPage").objects.update(
        rank_vector=SearchVector(title, weight="A", config=CONFIG)
        + SearchVector("abstract", weight="B", config=CONFIG)
    )


class Migration(migrations.Migration):
    dependencies = [("research", "0005_search100k_listed_reports")]

    operations = [
        migrations.AddField(
            model_name="reportpage",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_rank_vectors, migrations.RunPython.noop),
    ]
