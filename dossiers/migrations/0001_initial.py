"""Rounds, dossiers and revisions, moved from the evaluations app with their tables (issue 17):
state only, the tables stay evaluations_*."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('evaluations', '0019_labels_and_vietnamese_order'),
        ('certificates', '0001_initial'),
        ('councils', '0001_initial'),
        ('products', '0005_labels_and_vietnamese_order'),
        ('regions', '0004_vietnamese_name_order'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The rows stay where they are: only Django's idea of the models moves.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Round',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='round number in the year')),
                        ('criteria_decision', models.CharField(default='26/2026', max_length=20, verbose_name='criteria decision')),
                        ('opens_on', models.DateField(verbose_name='opens on')),
                        ('local_cutoff_on', models.DateField(verbose_name='local review cut-off')),
                        ('council_meeting_on', models.DateField(verbose_name='council meeting')),
                        ('closes_on', models.DateField(verbose_name='closes on')),
                        ('state', models.CharField(choices=[('planned', 'Planned'), ('open', 'Open for dossiers'), ('council', 'Council evaluation'), ('closed', 'Closed')], default='planned', max_length=20, verbose_name='state')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.province', verbose_name='province')),
                    ],
                    options={
                        'verbose_name': 'evaluation round',
                        'verbose_name_plural': 'evaluation rounds',
                        'db_table': 'evaluations_round',
                        'ordering': ['-year', '-number'],
                    },
                ),
                migrations.CreateModel(
                    name='Dossier',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('first', 'First evaluation'), ('upgrade', 'Upgrade'), ('re_evaluation', 'Re-evaluation of an expiring certificate')], default='first', max_length=20, verbose_name='kind')),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('returned', 'Returned for correction'), ('accepted', 'Accepted locally'), ('forwarded', 'Forwarded to the province'), ('rejected', 'Rejected'), ('withdrawn', 'Withdrawn'), ('in_scoring', 'In council scoring'), ('scored', 'Scored, awaiting approval'), ('approved', 'Recognised'), ('not_recognised', 'Not recognised'), ('nominated', 'Nominated for national 5★')], default='draft', editable=False, max_length=20, verbose_name='state')),
                        ('revision', models.PositiveSmallIntegerField(default=0, editable=False, verbose_name='revision')),
                        ('submitted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last submitted')),
                        ('local_assessment', models.JSONField(blank=True, default=dict, verbose_name='local assessment')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('council', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='dossiers', to='councils.council', verbose_name='council')),
                        ('previous_certificate', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='follow_up_dossiers', to='certificates.certificate', verbose_name='certificate re-evaluated or upgraded')),
                        ('product', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='dossiers', to='products.product', verbose_name='product')),
                        ('round', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='dossiers', to='dossiers.round', verbose_name='round')),
                    ],
                    options={
                        'verbose_name': 'dossier',
                        'verbose_name_plural': 'dossiers',
                        'db_table': 'evaluations_dossier',
                        'ordering': ['-updated_at'],
                    },
                ),
                migrations.CreateModel(
                    name='CorrectionItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('revision', models.PositiveSmallIntegerField(verbose_name='revision returned')),
                        ('kind', models.CharField(choices=[('checklist', 'Dossier item'), ('criterion', 'Criterion')], max_length=20, verbose_name='kind')),
                        ('key', models.CharField(max_length=40)),
                        ('label', models.CharField(max_length=300, verbose_name='item')),
                        ('note', models.TextField(max_length=2000, verbose_name='what to correct')),
                        ('answer', models.TextField(blank=True, max_length=2000, verbose_name='answer')),
                        ('answered_at', models.DateTimeField(blank=True, null=True, verbose_name='answered')),
                        ('answered_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('dossier', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='correction_items', to='dossiers.dossier')),
                    ],
                    options={
                        'verbose_name': 'correction item',
                        'verbose_name_plural': 'correction items',
                        'db_table': 'evaluations_correctionitem',
                        'ordering': ['dossier', 'revision', 'pk'],
                        'constraints': [models.UniqueConstraint(fields=('dossier', 'revision', 'kind', 'key'), name='correction_item_once')],
                    },
                ),
                migrations.CreateModel(
                    name='DossierRevision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='revision')),
                        ('submitted_at', models.DateTimeField(verbose_name='submitted')),
                        ('snapshot', models.JSONField(blank=True, default=dict)),
                        ('tracking_code', models.CharField(blank=True, editable=False, max_length=20, null=True, unique=True, verbose_name='tracking code')),
                        ('dossier', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='dossiers.dossier')),
                        ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'dossier revision',
                        'verbose_name_plural': 'dossier revisions',
                        'db_table': 'evaluations_dossierrevision',
                        'ordering': ['dossier', 'number'],
                        'constraints': [models.UniqueConstraint(fields=('dossier', 'number'), name='revision_one_per_number')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='round',
                    constraint=models.UniqueConstraint(fields=('province', 'year', 'number'), name='round_unique_number_per_year'),
                ),
                migrations.AddConstraint(
                    model_name='round',
                    constraint=models.CheckConstraint(condition=models.Q(('opens_on__lte', models.F('local_cutoff_on')), ('local_cutoff_on__lte', models.F('council_meeting_on')), ('council_meeting_on__lte', models.F('closes_on'))), name='round_dates_in_order'),
                ),
                migrations.AddIndex(
                    model_name='dossier',
                    index=models.Index(fields=['state', 'round'], name='dossier_queue'),
                ),
                migrations.AddConstraint(
                    model_name='dossier',
                    constraint=models.UniqueConstraint(fields=('round', 'product'), name='dossier_one_per_round'),
                ),
            ],
        ),
    ]
