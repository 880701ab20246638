"""manage.py build_lists"""

from typing import Any

from django.core.management.base import BaseCommand

from supplychain.lists.aggregate import one_reading
from supplychain.lists.building import BUILDERS, list_publish


class Command(BaseCommand):
    help = (
        "Rebuild every list from the registry now and publish each that changed. Prints, "
        "per list, its rows and whether a new version was published."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        with one_reading():
            for kind in BUILDERS:
                publication, new = list_publish(kind)
                state = "published" if new else "unchanged"
                self.stdout.write(f"{kind}: {publication.row_count} rows ({state})")
