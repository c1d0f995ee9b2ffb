"""The page's `live` and `locale_id` on the report's own row (PostgreSQL): triggers keep
them, partial indexes of the live reports serve the search's page of hits and its counts.

A trigger on the report row reads them from its page on every INSERT and on every UPDATE
that writes them (Django's save writes every column, with whatever the instance holds); a
trigger on the page table copies a change of `live` or `locale_id` to the report, however it
is made (a publish, an unpublish, `Page.objects.update`). SQLite keeps the columns empty: its
search joins the page table."""

from django.db import migrations, models

FUNCTIONS_SQL = [
    """
    CREATE FUNCTION research_report_listed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT live, locale_id INTO NEW.listed_live, NEW.listed_locale_id
        FROM wagtailcore_page WHERE id = NEW.page_ptr_id;
        NEW.listed_live := coalesce(NEW.listed_live, false);
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER research_report_listed
    BEFORE INSERT OR UPDATE OF listed_live, listed_locale_id ON research_reportpage
    FOR EACH ROW EXECUTE FUNCTION research_report_listed()
    """,
    """
    CREATE FUNCTION research_page_listed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE research_reportpage
        SET listed_live = NEW.live, listed_locale_id = NEW.locale_id
        WHERE page_ptr_id = NEW.id;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER research_page_listed
    AFTER UPDATE OF live, locale_id ON wagtailcore_page
    FOR EACH ROW
    WHEN (OLD.live IS DISTINCT FROM NEW.live OR OLD.locale_id IS DISTINCT FROM NEW.locale_id)
    EXECUTE FUNCTION research_page_listed()
    """,
    """
    UPDATE research_reportpage AS report
    SET listed_live = page.live, listed_locale_id = page.locale_id
    FROM wagtailcore_page AS page WHERE page.id = report.page_ptr_id
    """,
    # The newest live reports of a language (the listing and its filters, page by page) ...
    """
    CREATE INDEX report_listed_newest ON research_reportpage
    (listed_locale_id, publication_date DESC, page_ptr_id DESC) WHERE listed_live
    """,
    # ... and what the counts group them by, read without the rows (an index-only scan).
    """
    CREATE INDEX report_listed_facets ON research_reportpage (listed_locale_id)
    INCLUDE (kind, publication_date, languages, zone_ids) WHERE listed_live
    """,
]

DROP_SQL = [
    "DROP INDEX IF EXISTS report_listed_facets",
    "DROP INDEX IF EXISTS report_listed_newest",
    "DROP TRIGGER IF EXISTS research_page_listed ON wagtailcore_page",
    "DROP FUNCTION IF EXISTS research_page_listed()",
    "DROP TRIGGER IF EXISTS research_report_listed ON research_reportpage",
    "DROP FUNCTION IF EXISTS research_report_listed()",
]


def create_listed(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FUNCTIONS_SQL:
        schema_editor.execute(statement)


def drop_listed(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP_SQL:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("research", "0004_scale_report_zone_ids")]

    operations = [
        migrations.AddField(
            model_name="reportpage",
            name="listed_live",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="reportpage",
            name="listed_locale_id",
            field=models.IntegerField(editable=False, null=True),
        ),
        migrations.RunPython(create_listed, drop_listed),
    ]
