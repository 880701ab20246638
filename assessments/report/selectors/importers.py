"""Reads of an associated member's importers (Art. 8.3): whether a report is an associated
member's, the members that can be named, and one importer of the actor's own report."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from members.public import listed_organisations
from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from ...models import Importer, Report


def is_associated(report: Report) -> bool:
    covenant = getattr(report.organisation, "covenant", None)
    return covenant is not None and covenant.member_type == "associated"


def importer_members() -> QuerySet[Any]:
    """Listed full members (importers) a member can choose."""

    return listed_organisations().filter(covenant__member_type="full").order_by("name")


def access_importer(actor: Actor, importer_id: int) -> Importer:
    importer = (
        Importer.objects.select_related("report__organisation").filter(pk=importer_id).first()
    )
    if importer is None or not actor.acts_for(importer.report.organisation):
        raise NotFound
    return importer
