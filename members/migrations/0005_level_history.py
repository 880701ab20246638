# The level history moves from assessments to members (issue 9): a membership fact that
# the listing, the bidder check and invoices read. The table stays where it is; only
# Django's state changes (assessments 0017 removes its model in the same way).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0004_listing_indexes'),
        ('assessments', '0016_report_pdf_later'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='LevelAssignment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('level', models.PositiveSmallIntegerField(verbose_name='level')),
                        ('decided_on', models.DateField(verbose_name='decided on')),
                        ('explanatory_note', models.TextField(blank=True, help_text='Shown on the public listing when a company from level 3 is delayed.', verbose_name='explanatory note')),
                        ('source', models.CharField(choices=[('assessment', 'Assessment'), ('recorded', 'Recorded by the secretariat')], default='recorded', max_length=20, verbose_name='source')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='levels', to='members.organisation')),
                        ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'level',
                        'verbose_name_plural': 'levels',
                        'db_table': 'assessments_levelassignment',
                        'ordering': ['organisation', '-decided_on', '-id'],
                        'indexes': [models.Index(fields=['organisation', '-decided_on', '-id'], include=('level',), name='level_org_latest_idx')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('level__lte', 5)), name='level_at_most_5')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
