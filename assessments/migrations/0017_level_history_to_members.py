# The level history now belongs to members (members 0005): the table stays, the
# assessment's link points at the members model, and this app's model leaves the state.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0016_report_pdf_later'),
        ('members', '0005_level_history'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='assessment',
                    name='level_assignment',
                    field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='assessment', to='members.levelassignment'),
                ),
                migrations.DeleteModel(
                    name='LevelAssignment',
                ),
            ],
            database_operations=[],
        ),
    ]
