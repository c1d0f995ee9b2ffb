from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchterm",
            name="spelling",
            field=models.CharField(blank=True, max_length=60),
        ),
    ]
