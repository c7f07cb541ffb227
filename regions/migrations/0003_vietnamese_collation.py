"""The ICU collation that puts names in Vietnamese alphabetical order (regions.collation).

PostgreSQL built with ICU (every packaged build since 10) ships "vi-x-icu"; it is created here
where a cluster lacks it. SQLite gets the same-named collation on each connection instead.
"""

from django.db import migrations

CREATE = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'vi-x-icu') THEN
    CREATE COLLATION "vi-x-icu" (provider = icu, locale = 'vi');
  END IF;
END $$"""


def create_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_load_regions")]

    operations = [migrations.RunPython(create_collation, migrations.RunPython.noop)]
