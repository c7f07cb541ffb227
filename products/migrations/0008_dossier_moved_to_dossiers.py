import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0001_initial'),
        ('products', '0007_product_changes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The rows stay where they are: only Django's idea of the models moves.
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='product',
                    name='locked_by_dossier',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='dossiers.dossier', verbose_name='locked by dossier'),
                ),
                migrations.AlterField(
                    model_name='productchange',
                    name='dossiers',
                    field=models.ManyToManyField(blank=True, related_name='product_changes', to='dossiers.dossier', verbose_name='dossiers'),
                ),
            ],
        ),
    ]
