from django.db import migrations, models


def fill_zone_ids(apps, schema_editor):
    """Every existing report's zone ids, as ReportPage.save keeps them from now on."""
    ReportPage = apps.get_model("research", "ReportPage")
    Through = ReportPage.zones.through
    zones = {}
    for report_id, zone_id in Through.objects.values_list("reportpage_id", "zone_id"):
        zones.setdefault(report_id, []).append(zone_id)
    for report_id, ids in zones.items():
        ReportPage.objects.filter(pk=report_id).update(
            zone_ids=",".join(str(pk) for pk in sorted(ids))
        )


class Migration(migrations.Migration):
    dependencies = [("research", "0003_reports_publisher_cover")]

    operations = [
        migrations.AddField(
            model_name="reportpage",
            name="zone_ids",
            field=models.CharField(default="", editable=False, max_length=200),
        ),
        migrations.RunPython(fill_zone_ids, migrations.RunPython.noop),
        # The grouped facet query reads the zones from the covering index too.
        migrations.RemoveIndex(model_name="reportpage", name="report_facets"),
        migrations.AddIndex(
            model_name="reportpage",
            index=models.Index(
                fields=["page_ptr"],
                include=["kind", "publication_date", "languages", "zone_ids"],
                name="report_facets",
            ),
        ),
    ]
