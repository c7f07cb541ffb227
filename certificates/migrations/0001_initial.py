"""The certificates' models, moved from the evaluations app with their tables (issue 17):
state only, the tables stay evaluations_*."""

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
                    name='Certificate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.CharField(max_length=40, unique=True, verbose_name='certificate number')),
                        ('product_code', models.CharField(max_length=40, verbose_name='OCOP product code')),
                        ('stars', models.PositiveSmallIntegerField(verbose_name='stars')),
                        ('average', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='score')),
                        ('decision_number', models.CharField(max_length=50, verbose_name='decision number')),
                        ('decision_date', models.DateField(verbose_name='decision date')),
                        ('valid_until', models.DateField(verbose_name='valid until')),
                        ('issued_at', models.DateTimeField(auto_now_add=True, verbose_name='issued at')),
                        ('revoked_on', models.DateField(blank=True, null=True, verbose_name='revoked on')),
                        ('revocation_ground', models.CharField(blank=True, choices=[('falsified', 'Untruthful or forged information in the dossier'), ('quality', 'The product no longer meets the criteria (inspection conclusion)'), ('food_safety', 'Violation of the law on quality, food safety, environment, intellectual property or labelling'), ('misuse', 'Misuse of the OCOP mark causing confusion'), ('stopped', 'The producer has stopped making the product'), ('other', 'Other case concluded by a competent authority')], max_length=20, verbose_name='ground for revocation')),
                        ('revocation_note', models.TextField(blank=True, max_length=2000, verbose_name='revocation note')),
                        ('extended_until', models.DateField(blank=True, editable=False, null=True, verbose_name='extended until')),
                        ('extension_basis', models.TextField(blank=True, max_length=2000, verbose_name='legal basis of the extension')),
                        ('extended_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='extension recorded at')),
                        ('reminder_sent_on', models.DateField(blank=True, editable=False, null=True)),
                        ('expiry_recorded_on', models.DateField(blank=True, editable=False, null=True)),
                        ('search_text', models.CharField(blank=True, editable=False, max_length=600)),
                        ('product_name', models.CharField(blank=True, max_length=200, verbose_name='product name')),
                        ('producer_name', models.CharField(blank=True, max_length=200, verbose_name='producer')),
                        ('producer_kind', models.CharField(blank=True, max_length=20, verbose_name='kind of producer')),
                        ('printed_address', models.CharField(blank=True, max_length=400, verbose_name='address printed')),
                        ('commune_code', models.PositiveIntegerField(blank=True, null=True, verbose_name='commune code')),
                        ('commune_name', models.CharField(blank=True, max_length=100, verbose_name='commune / ward')),
                        ('former_district_code', models.PositiveIntegerField(blank=True, null=True)),
                        ('former_district_name', models.CharField(blank=True, max_length=100, verbose_name='former district')),
                        ('province_code', models.PositiveIntegerField(blank=True, null=True)),
                        ('province_name', models.CharField(blank=True, max_length=120, verbose_name='province')),
                        ('criteria_decision', models.CharField(blank=True, max_length=20, verbose_name='criteria decision')),
                        ('criteria_set', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='criteria set')),
                        ('criteria_set_name', models.CharField(blank=True, max_length=200, verbose_name='criteria set')),
                        ('version', models.PositiveSmallIntegerField(default=1, verbose_name='version')),
                        ('reissue_reason', models.TextField(blank=True, verbose_name='reason for the re-issue')),
                    ],
                    options={
                        'verbose_name': 'certificate',
                        'verbose_name_plural': 'certificates',
                        'db_table': 'evaluations_certificate',
                        'ordering': ['-decision_date', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='CorrectionRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('changes', models.JSONField(default=dict, verbose_name='changes asked for')),
                        ('reason', models.TextField(verbose_name='reason')),
                        ('requested_at', models.DateTimeField(auto_now_add=True)),
                        ('state', models.CharField(choices=[('pending', 'Waiting for the provincial office'), ('approved', 'Approved, certificate re-issued'), ('refused', 'Refused')], default='pending', max_length=10, verbose_name='state')),
                        ('decided_at', models.DateTimeField(blank=True, null=True)),
                        ('decision_note', models.TextField(blank=True, verbose_name='decision note')),
                    ],
                    options={
                        'verbose_name': 'certificate correction request',
                        'verbose_name_plural': 'certificate correction requests',
                        'db_table': 'evaluations_correctionrequest',
                        'ordering': ['-requested_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='IssuedDocument',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=80, unique=True)),
                        ('file', models.FileField(upload_to='issued/')),
                        ('sha256', models.CharField(max_length=64, verbose_name='SHA-256 fingerprint')),
                        ('size', models.PositiveIntegerField()),
                        ('signed', models.BooleanField(default=False, verbose_name='digitally signed')),
                        ('signer', models.CharField(blank=True, max_length=300, verbose_name='signed by')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'issued document',
                        'verbose_name_plural': 'issued documents',
                        'db_table': 'evaluations_issueddocument',
                    },
                ),
                migrations.CreateModel(
                    name='Notice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('stars', models.PositiveSmallIntegerField(verbose_name='stars')),
                        ('average', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='score')),
                        ('decision_number', models.CharField(max_length=50, verbose_name='notice number')),
                        ('decision_date', models.DateField(verbose_name='notice date')),
                        ('issued_at', models.DateTimeField(auto_now_add=True, verbose_name='issued at')),
                    ],
                    options={
                        'verbose_name': 'result notice',
                        'verbose_name_plural': 'result notices',
                        'db_table': 'evaluations_notice',
                        'ordering': ['-decision_date', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Sequence',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=60, unique=True)),
                        ('last_value', models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'evaluations_sequence',
                    },
                ),
            ],
        ),
    ]
