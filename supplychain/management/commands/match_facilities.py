"""manage.py match_facilities [--all]"""

from typing import Any

from django.core.management.base import BaseCommand

from supplychain.registry.matcher import facilities_match


class Command(BaseCommand):
    help = (
        "Match the reported factories and quarries that are not yet linked to the registry "
        "of production sites; with --all, re-consider the automatic links too (a link the "
        "secretariat confirmed is never changed). Prints linked, queued and new counts."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--all", action="store_true", dest="everything", help="re-consider automatic links"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run = facilities_match(everything=options["everything"])
        self.stdout.write(
            f"{run.considered} considered: {run.linked} linked, {run.queued} queued for review, "
            f"{run.new} new sites"
        )
