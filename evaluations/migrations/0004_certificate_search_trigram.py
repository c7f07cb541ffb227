"""PostgreSQL only: pg_trgm and a GIN trigram index on Certificate.search_text.

The index serves both the catalogue's word match (LIKE '%word%') and its typo-tolerant trigram
match (``%>``). SQLite has neither, so this migration does nothing there. There is no unaccent:
``search_text`` is folded in Python (ocop_portal.text.fold), which also keeps SQLite in step.
CREATE EXTENSION needs a role allowed to create it (pg_trgm is a trusted extension from PG 13).
"""

from django.db import migrations

INDEX = "certificate_search_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON evaluations_certificate "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0003_certificate_search_notice_revocation")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
