"""The councils' models, moved from the evaluations app with their tables (issue 17):
state only, the tables stay evaluations_*."""

import django.core.validators
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('evaluations', '0019_labels_and_vietnamese_order'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The rows stay where they are: only Django's idea of the models moves.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Council',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('spread_limit', models.DecimalField(decimal_places=2, default=Decimal('10'), max_digits=5, verbose_name='spread limit (points)')),
                        ('quorum_numerator', models.PositiveSmallIntegerField(default=2, validators=[django.core.validators.MinValueValidator(1)], verbose_name='quorum numerator')),
                        ('quorum_denominator', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1)], verbose_name='quorum denominator')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'council',
                        'verbose_name_plural': 'councils',
                        'db_table': 'evaluations_council',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='CouncilMember',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('chair', 'Chair'), ('secretary', 'Secretary'), ('member', 'Member'), ('adviser', 'Advisory team member')], max_length=20, verbose_name='role')),
                    ],
                    options={
                        'verbose_name': 'council member',
                        'verbose_name_plural': 'council members',
                        'db_table': 'evaluations_councilmember',
                        'ordering': ['council', 'role', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='CouncilResult',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('average', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='average score')),
                        ('stars', models.PositiveSmallIntegerField(verbose_name='stars')),
                        ('band_stars', models.PositiveSmallIntegerField(verbose_name='stars of the score band')),
                        ('unmet_minima', models.JSONField(blank=True, default=list, verbose_name='unmet star minima')),
                        ('member_totals', models.JSONField(default=dict, verbose_name="members' totals")),
                        ('excluded_members', models.JSONField(default=list, verbose_name='excluded for conflict of interest')),
                        ('absent_members', models.JSONField(blank=True, default=list, verbose_name='absent, not counted')),
                        ('admitted_members', models.JSONField(blank=True, default=list, verbose_name='absent, written sheet admitted')),
                        ('spread', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='spread')),
                        ('spread_exceeded', models.BooleanField(default=False, verbose_name='spread over the limit')),
                        ('stopped_by', models.JSONField(blank=True, default=list, verbose_name='stopped by the notes')),
                        ('closed_at', models.DateTimeField(auto_now_add=True, verbose_name='closed at')),
                        ('decision_number', models.CharField(blank=True, max_length=50, verbose_name='decision number')),
                        ('decision_date', models.DateField(blank=True, null=True, verbose_name='decision date')),
                        ('ministry_decision_number', models.CharField(blank=True, max_length=50, verbose_name='ministry decision number')),
                        ('ministry_stars', models.PositiveSmallIntegerField(null=True, verbose_name='ministry result (stars)')),
                    ],
                    options={
                        'verbose_name': 'council result',
                        'verbose_name_plural': 'council results',
                        'db_table': 'evaluations_councilresult',
                    },
                ),
                migrations.CreateModel(
                    name='CouncilSession',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('held_on', models.DateField(verbose_name='date')),
                        ('place', models.CharField(max_length=200, verbose_name='place')),
                        ('state', models.CharField(choices=[('open', 'Open'), ('closed', 'Closed')], default='open', max_length=10, verbose_name='state')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed at')),
                    ],
                    options={
                        'verbose_name': 'council session',
                        'verbose_name_plural': 'council sessions',
                        'db_table': 'evaluations_councilsession',
                        'ordering': ['-held_on', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ScoreSheet',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('points_by_code', models.JSONField(blank=True, default=dict, verbose_name='points')),
                        ('conflict_of_interest', models.BooleanField(default=False, verbose_name='conflict of interest declared')),
                        ('conflict_note', models.TextField(blank=True, max_length=2000, verbose_name='conflict of interest: explanation')),
                        ('conflict_declared_at', models.DateTimeField(null=True, verbose_name='conflict of interest declared on')),
                        ('options_by_code', models.JSONField(blank=True, default=dict)),
                        ('findings', models.JSONField(blank=True, default=list, verbose_name='findings')),
                        ('dossier_revision', models.PositiveSmallIntegerField(default=0, verbose_name='dossier revision scored')),
                        ('total', models.DecimalField(blank=True, decimal_places=2, max_digits=6, null=True)),
                        ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        'verbose_name': 'score sheet',
                        'verbose_name_plural': 'score sheets',
                        'db_table': 'evaluations_scoresheet',
                    },
                ),
                migrations.CreateModel(
                    name='SessionItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='order')),
                        ('discussion_note', models.TextField(blank=True, max_length=5000, verbose_name='discussion note')),
                        ('discussed_at', models.DateTimeField(blank=True, null=True)),
                    ],
                    options={
                        'verbose_name': 'product on the agenda',
                        'verbose_name_plural': 'products on the agenda',
                        'db_table': 'evaluations_sessionitem',
                        'ordering': ['session', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='WrittenSheetAdmission',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('basis', models.TextField(verbose_name='basis')),
                        ('recorded_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'admitted written sheet',
                        'verbose_name_plural': 'admitted written sheets',
                        'db_table': 'evaluations_writtensheetadmission',
                    },
                ),
            ],
        ),
    ]
