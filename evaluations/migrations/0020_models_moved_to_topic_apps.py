"""The models that moved to dossiers, councils and certificates leave this app's state (their
tables stay); the content types follow them, so admin log entries and permissions keep
pointing at the same rows."""

import django.db.models.deletion
from django.db import migrations, models

MOVED = {
    "dossiers": ["round", "dossier", "dossierrevision", "correctionitem"],
    "councils": [
        "council",
        "councilmember",
        "councilsession",
        "sessionitem",
        "writtensheetadmission",
        "scoresheet",
        "councilresult",
    ],
    "certificates": [
        "certificate",
        "notice",
        "sequence",
        "correctionrequest",
        "issueddocument",
    ],
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    db = schema_editor.connection.alias
    for app_label, models_ in MOVED.items():
        for model in models_:
            old = ContentType.objects.using(db).filter(app_label="evaluations", model=model).first()
            if old is None:
                continue  # a fresh database: post_migrate creates them under the new label
            # Migrated back and forth: post_migrate has meanwhile made the new label's row. The
            # old one keeps the history; the new one's permissions are the same codenames.
            new = ContentType.objects.using(db).filter(app_label=app_label, model=model).first()
            if new is not None:
                LogEntry.objects.using(db).filter(content_type=new).update(content_type=old)
                Permission.objects.using(db).filter(content_type=new).delete()
                new.delete()
            old.app_label = app_label
            old.save(update_fields=["app_label"])


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for app_label, models_ in MOVED.items():
        ContentType.objects.using(db).filter(app_label=app_label, model__in=models_).update(
            app_label="evaluations"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('admin', '0003_logentry_add_action_flag_choices'),
        ('catalogue', '0003_certificate_moved_to_certificates'),
        ('dossiers', '0001_initial'),
        ('councils', '0002_foreign_keys'),
        ('certificates', '0002_foreign_keys'),
        ('evaluations', '0019_labels_and_vietnamese_order'),
        ('outbox', '0003_dossier_moved_to_dossiers'),
        ('products', '0008_dossier_moved_to_dossiers'),
        ('reports', '0002_certificate_moved_to_certificates'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The rows stay where they are: only Django's idea of the models moves.
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='certificate',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='extended_by',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='issued_by',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='product',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='reissue_of',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='replaced_by',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='revoked_by',
                ),
                migrations.RemoveField(
                    model_name='correctionrequest',
                    name='certificate',
                ),
                migrations.RemoveField(
                    model_name='correctionrequest',
                    name='reissued',
                ),
                migrations.RemoveField(
                    model_name='dossier',
                    name='previous_certificate',
                ),
                migrations.RemoveField(
                    model_name='correctionitem',
                    name='answered_by',
                ),
                migrations.RemoveField(
                    model_name='correctionitem',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='correctionitem',
                    name='requested_by',
                ),
                migrations.RemoveField(
                    model_name='correctionrequest',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='correctionrequest',
                    name='requested_by',
                ),
                migrations.RemoveField(
                    model_name='council',
                    name='round',
                ),
                migrations.RemoveField(
                    model_name='councilsession',
                    name='council',
                ),
                migrations.RemoveField(
                    model_name='dossier',
                    name='council',
                ),
                migrations.RemoveField(
                    model_name='councilmember',
                    name='council',
                ),
                migrations.RemoveField(
                    model_name='councilmember',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='writtensheetadmission',
                    name='member',
                ),
                migrations.RemoveField(
                    model_name='councilsession',
                    name='attendees',
                ),
                migrations.RemoveField(
                    model_name='councilresult',
                    name='closed_by',
                ),
                migrations.RemoveField(
                    model_name='councilresult',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='councilsession',
                    name='opened_by',
                ),
                migrations.RemoveField(
                    model_name='sessionitem',
                    name='session',
                ),
                migrations.RemoveField(
                    model_name='writtensheetadmission',
                    name='session',
                ),
                migrations.RemoveField(
                    model_name='dossier',
                    name='product',
                ),
                migrations.RemoveField(
                    model_name='dossier',
                    name='round',
                ),
                migrations.RemoveField(
                    model_name='scoresheet',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='sessionitem',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='dossierrevision',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='notice',
                    name='dossier',
                ),
                migrations.AlterField(
                    model_name='dossierevent',
                    name='dossier',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='dossiers.dossier'),
                ),
                migrations.RemoveField(
                    model_name='dossierrevision',
                    name='submitted_by',
                ),
                migrations.DeleteModel(
                    name='IssuedDocument',
                ),
                migrations.RemoveField(
                    model_name='notice',
                    name='issued_by',
                ),
                migrations.RemoveField(
                    model_name='notice',
                    name='product',
                ),
                migrations.RemoveField(
                    model_name='round',
                    name='province',
                ),
                migrations.RemoveField(
                    model_name='scoresheet',
                    name='member',
                ),
                migrations.DeleteModel(
                    name='Sequence',
                ),
                migrations.RemoveField(
                    model_name='writtensheetadmission',
                    name='recorded_by',
                ),
                migrations.DeleteModel(
                    name='Certificate',
                ),
                migrations.DeleteModel(
                    name='CorrectionItem',
                ),
                migrations.DeleteModel(
                    name='CorrectionRequest',
                ),
                migrations.DeleteModel(
                    name='Council',
                ),
                migrations.DeleteModel(
                    name='CouncilMember',
                ),
                migrations.DeleteModel(
                    name='CouncilResult',
                ),
                migrations.DeleteModel(
                    name='CouncilSession',
                ),
                migrations.DeleteModel(
                    name='SessionItem',
                ),
                migrations.DeleteModel(
                    name='Dossier',
                ),
                migrations.DeleteModel(
                    name='DossierRevision',
                ),
                migrations.DeleteModel(
                    name='Notice',
                ),
                migrations.DeleteModel(
                    name='Round',
                ),
                migrations.DeleteModel(
                    name='ScoreSheet',
                ),
                migrations.DeleteModel(
                    name='WrittenSheetAdmission',
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
