"""ScheduledRun moves here from the removed jobs app, its table (jobs_scheduledrun) and rows kept.

A database migrated at the jobs app has the table: only Django's state moves, and the content
type follows. A new database has never had it: it is created here. The Job table of the
background-job queue is dropped with its content type, and the jobs app's migration records.
"""

from django.db import migrations, models


def take_over_from_jobs(apps, schema_editor):
    connection = schema_editor.connection
    tables = connection.introspection.table_names()
    if "jobs_scheduledrun" not in tables:
        schema_editor.create_model(apps.get_model("duties", "ScheduledRun"))
    if "jobs_job" in tables:
        schema_editor.execute(f"DROP TABLE {schema_editor.quote_name('jobs_job')}")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="jobs", model="scheduledrun").update(app_label="duties")
    # Its permissions go with it (cascade); the admin log keeps its entries without the link.
    ContentType.objects.filter(app_label="jobs", model="job").delete()
    # The weekly duty that pruned jobs now only purges form tokens, under its own name.
    ScheduledRun = apps.get_model("duties", "ScheduledRun")
    ScheduledRun.objects.filter(command="prune_jobs").update(command="purge_form_tokens")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", ["jobs"])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ScheduledRun",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "command",
                            models.CharField(max_length=60, unique=True, verbose_name="command"),
                        ),
                        (
                            "last_started_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last started"
                            ),
                        ),
                        (
                            "last_finished_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last finished"
                            ),
                        ),
                        ("last_ok", models.BooleanField(default=False, verbose_name="succeeded")),
                        (
                            "last_message",
                            models.CharField(blank=True, max_length=500, verbose_name="error"),
                        ),
                    ],
                    options={
                        "verbose_name": "scheduled run",
                        "verbose_name_plural": "scheduled runs",
                        "db_table": "jobs_scheduledrun",
                    },
                ),
            ],
        ),
        # After the state has the model, so the function can create its table from it.
        migrations.RunPython(take_over_from_jobs, migrations.RunPython.noop),
    ]
