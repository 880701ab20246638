# The requests to test a plan of action now belong to procurement (its 0001): the table
# stays, this app's model leaves the state.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0019_constraint_messages'),
        ('procurement', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='PlanTestRequest',
                ),
            ],
            database_operations=[],
        ),
    ]
