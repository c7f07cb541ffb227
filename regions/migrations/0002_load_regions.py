"""Load the 34 provinces, former districts and 3,321 communes from regions/data/regions.json."""

from django.db import migrations


def load(apps, schema_editor):
    from regions.loading import load_regions

    load_regions(apps, using=schema_editor.connection.alias)


def unload(apps, schema_editor):
    from regions.loading import unload_regions

    unload_regions(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload, elidable=False),
    ]
