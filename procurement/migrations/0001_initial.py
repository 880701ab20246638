# The requests to test a plan of action (Art. 7.15) move from assessments to procurement
# (issue 9). The table stays where it is; only Django's state changes (assessments 0020
# removes its model in the same way).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('members', '0007_constraint_messages'),
        ('assessments', '0019_constraint_messages'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PlanTestRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('tender_reference', models.CharField(blank=True, max_length=200, verbose_name='tender or contract')),
                        ('ambition', models.CharField(blank=True, choices=[('basis', 'Basis'), ('significant', 'Significant'), ('ambitious', 'Ambitious')], max_length=20, verbose_name='ambition level of the tender')),
                        ('question', models.TextField(verbose_name='question')),
                        ('attachment', models.FileField(blank=True, upload_to='plan-tests/%Y/', verbose_name='plan of action')),
                        ('attachment_name', models.CharField(blank=True, max_length=200)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('verdict', models.CharField(blank=True, choices=[('sufficient', 'Sufficient'), ('improve', 'Sufficient after improvements'), ('insufficient', 'Insufficient')], max_length=20, verbose_name='verdict')),
                        ('answer', models.TextField(blank=True, verbose_name='answer of the secretariat')),
                        ('answered_at', models.DateTimeField(blank=True, null=True)),
                        ('answered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('company', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plan_tests', to='members.organisation', verbose_name='company whose plan is tested')),
                        ('requested_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('requested_by_organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plan_test_requests', to='members.organisation')),
                    ],
                    options={
                        'verbose_name': 'plan-of-action test',
                        'verbose_name_plural': 'plan-of-action tests',
                        'db_table': 'assessments_plantestrequest',
                        'ordering': ['-created_at'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
