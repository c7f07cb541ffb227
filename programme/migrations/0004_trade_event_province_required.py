"""A trade event's province is required once every kept event has one (0002). A migration of its
own: on PostgreSQL the rows updated in 0002 must be committed before the table is altered."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0003_trade_event_province"),
    ]

    operations = [
        migrations.AlterField(
            model_name="tradeevent",
            name="province",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="trade_events",
                to="regions.province",
                verbose_name="province",
            ),
        ),
    ]
