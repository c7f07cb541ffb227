"""Every trade event belongs to a province (issue 19, 5a). Events kept before this belong to the
province the installation serves (``OCOP_PROVINCE_CODE``)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def to_installation_province(apps, schema_editor):
    TradeEvent = apps.get_model("programme", "TradeEvent")
    TradeEvent.objects.filter(province__isnull=True).update(
        province_id=settings.OCOP_PROVINCE_CODE
    )


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0002_text_max_lengths"),
        ("regions", "0002_load_regions"),
    ]

    operations = [
        migrations.AddField(
            model_name="tradeevent",
            name="province",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="trade_events",
                to="regions.province",
                verbose_name="province",
            ),
        ),
        migrations.RunPython(to_installation_province, migrations.RunPython.noop),
    ]
