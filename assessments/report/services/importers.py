"""Writes of an associated member's importers: adding, changing and removing one."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.services import model_update

from ...models import Importer, Report, Theme
from ..selectors.reports import ensure_editable

#: What an associated member may set on the importers it reports on.
IMPORTER_FIELDS = ("name", "member", "has_policy", "themes", "action_taken")


@transaction.atomic
def importer_save(
    *, actor: Actor, report: Report, importer: Importer | None = None, **fields: Any
) -> Importer:
    """Add or change an importer in the actor's own, still editable report."""
    ensure_editable(actor, report)
    themes = fields.get("themes", [])
    if any(theme not in Theme.values or theme == "other" for theme in themes):
        raise ValidationError({"themes": _("Choose from the seven themes.")})
    if not fields.get("has_policy") and not fields.get("action_taken", "").strip():
        raise ValidationError(
            {"action_taken": _("Without a policy at the importer, say what you did about it.")}
        )
    importer, _changed = model_update(
        importer or Importer(report=report), fields=IMPORTER_FIELDS, data=fields, user=actor.user
    )
    return importer


@transaction.atomic
def importer_delete(*, actor: Actor, importer: Importer) -> None:
    ensure_editable(actor, importer.report)
    importer.delete()
