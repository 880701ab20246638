from typing import Any

from django.core.management.base import BaseCommand

from members.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, seed_demo
from trustone.access.mfa import KINDS_WITH_MANDATORY_MFA


class Command(BaseCommand):
    help = "Create or update the demo organisations and one demo user per role (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        from members.models import Organisation

        users = seed_demo()
        kinds = dict(Organisation.objects.values_list("name", "kind"))
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins:"))
        width = max(len(demo.email) for demo in users)
        for demo in users:
            totp = " + TOTP" if kinds[demo.organisation] in KINDS_WITH_MANDATORY_MFA else ""
            self.stdout.write(f"  {demo.email:<{width}} {demo.description}{totp}")
        self.stdout.write(f"Password for all: {DEMO_PASSWORD}")
        self.stdout.write(
            f"TOTP secret for the two-factor users: {DEMO_TOTP_SECRET} "
            "(or run: make totp  — prints the current code)"
        )
