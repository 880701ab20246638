"""API tokens move from rest_framework.authtoken (stored in plain text, never expiring) to
django-rest-knox (a digest and an expiry). The old tokens are dropped: their users make a
new one on their account page."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_level_history"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                "DROP TABLE IF EXISTS authtoken_token CASCADE",
                "DELETE FROM django_migrations WHERE app = 'authtoken'",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
