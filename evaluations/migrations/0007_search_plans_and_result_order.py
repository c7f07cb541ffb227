"""The catalogue search's trigram operator priced as what it is, and the results admin's order.

PostgreSQL prices pg_trgm's word-similarity operator (``%>``) like a cheap comparison, so on a
table of a few tens of thousands of certificates it prefers to compute it on every row (about
90 ms) over the GIN index of migration 0004 (under 10 ms). Declaring its real cost lets the
planner choose the index. ALTER FUNCTION needs the extension's owner: where the portal's role is
not, the migration goes on and says so (a DBA can run the same statement later).
"""

import logging

from django.db import DatabaseError, migrations, models, transaction

logger = logging.getLogger(__name__)
COSTLY = "ALTER FUNCTION word_similarity_commutator_op(text, text) COST {cost}"


def price_trigram_operator(apps, schema_editor, cost=100):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(COSTLY.format(cost=cost))
    except DatabaseError as error:
        logger.warning("Could not set the cost of pg_trgm's %%> operator: %s", error)


def restore_price(apps, schema_editor):
    price_trigram_operator(apps, schema_editor, cost=1)


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0006_notice_without_rating")]

    operations = [
        migrations.RunPython(price_trigram_operator, restore_price, elidable=False),
        migrations.AddIndex(
            model_name="councilresult",
            index=models.Index(fields=["-closed_at", "-id"], name="result_closed"),
        ),
    ]
