"""manage.py import_supplier_list <organisation-id-or-slug> <file.csv|file.xlsx> [--dry-run]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from members.models import Membership, Organisation
from supplychain.services import supplier_list_import
from supplychain.upload import UnreadableFile, read_rows, validate_rows
from trustone.access.actor import Actor


class Command(BaseCommand):
    help = (
        "Validate a supplier list file (CSV or XLSX, the template's columns) and, without "
        "--dry-run, import it into the company's supplier list. Prints one line per problem "
        "and changes nothing if any row is invalid."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("organisation", help="the company's id or short name (slug)")
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="validate only")
        parser.add_argument("--language", default="nl", choices=["nl", "en"])

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate(options["language"])
        key = options["organisation"]
        lookup = {"pk": int(key)} if key.isdigit() else {"slug": key}
        organisation = Organisation.objects.filter(kind="company", **lookup).first()
        if organisation is None:
            raise CommandError(f"No company {key!r}.")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        try:
            validation = validate_rows(read_rows(path.name, path.read_bytes()))
        except UnreadableFile as error:
            raise CommandError(str(error)) from error
        for problem in validation.problems:
            self.stderr.write(str(problem))
        if validation.problems:
            raise CommandError(f"{len(validation.problems)} problem(s); nothing was imported.")
        if options["dry_run"]:
            self.stdout.write(f"{len(validation.chains)} chains are valid (dry run).")
            return
        membership = (
            Membership.objects.filter(organisation=organisation, is_active=True)
            .select_related("user")
            .order_by("-role")
            .first()
        )
        if membership is None:
            raise CommandError("The company has no user to record the import for.")
        actor = Actor(user=membership.user, organisation=organisation, role=membership.role)
        count = supplier_list_import(
            actor=actor, organisation=organisation, chains=validation.chains
        )
        self.stdout.write(self.style.SUCCESS(f"{count} chains imported."))
