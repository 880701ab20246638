"""Open items past their deadline that the steering group watches, from apps above
assessments (complaints): they register a callable with `overdue_items` in their
AppConfig.ready(); assessments never imports them.

A callable takes the actor and returns `OverdueItem`s: a reference, a kind, a status,
the deadline and how late it is — never a complainant, a text or a member concerned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from trustone.access.actor import Actor
from trustone.hooks import Hook


@dataclass(frozen=True)
class OverdueItem:
    reference: str
    kind: str  # e.g. "complaint", "dispute" (translated by the registering app)
    status: str  # the status or step, translated
    deadline_name: str  # which deadline passed, translated
    deadline: date
    days_overdue: int


OverdueSource = Callable[[Actor], list[OverdueItem]]

overdue_items: Hook[OverdueSource] = Hook("overdue items for the steering group")
register_overdue_items = overdue_items.register
