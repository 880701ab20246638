"""Re-encrypt every complaint under the newest key, after a new key was put first in
COMPLAINTS_KEYS (or COMPLAINTS_KEY_FILE). Then the old key can be removed.

    COMPLAINTS_KEYS=<new>,<old> manage.py complaints_rotate_key
    COMPLAINTS_KEYS=<new>       (from now on)

Safe to run again: each batch is one transaction, and content already under the newest
key is simply encrypted under it once more. `--check` only reports what the configured
keys cannot read."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from complaints import crypto
from complaints.models import Case, CaseAttachment, CaseEntry

#: model: its encrypted fields
ENCRYPTED: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (Case, ("content", "contact")),
    (CaseEntry, ("body",)),
    (CaseAttachment, ("name", "content")),
)
BATCH = 200


class Command(BaseCommand):
    help = "Re-encrypt complaint content under the newest of COMPLAINTS_KEYS."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Only check that every value can be read."
        )

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        unreadable = 0
        for model, fields in ENCRYPTED:
            ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH):
                with transaction.atomic():
                    rows = model.objects.select_for_update().filter(
                        pk__in=ids[start : start + BATCH]
                    )
                    for row in rows:
                        unreadable += self._rotate(row, fields, check)
            verb = "checked" if check else "re-encrypted"
            self.stdout.write(f"{model._meta.label}: {len(ids)} {verb}")
        if unreadable:
            raise CommandError(
                f"{unreadable} values cannot be read with the configured keys; keep the old "
                "key in COMPLAINTS_KEYS until they are."
            )

    def _rotate(self, row: Any, fields: tuple[str, ...], check: bool) -> int:
        """Re-encrypt the row's fields (unless checking); the number it cannot read."""
        changed, unreadable = [], 0
        for name in fields:
            token = getattr(row, name)
            if token is None or len(token) == 0:
                continue
            try:
                new = crypto.rotated(bytes(token))
            except crypto.InvalidToken:
                unreadable += 1
                self.stderr.write(f"{row._meta.label} {row.pk} {name}: no configured key reads it")
                continue
            setattr(row, name, new)
            changed.append(name)
        if changed and not check:
            row.save(update_fields=changed)
        return unreadable
