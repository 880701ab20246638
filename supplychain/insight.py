"""The insight panel: factory and quarry insight beside the level thresholds, for the
supplier list and for the live preview while a chain is being edited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from members.rules import LEVEL_THRESHOLDS, criterion_level

from .models import Chain
from .rules import display_percent
from .selectors import insight_of


def insight_context(chains: list[Chain], before: tuple[Decimal, Decimal] | None = None) -> dict:
    """Template context for supplychain/_insight.html; `before` shows the change."""
    factory, quarry = insight_of(chains)
    volumes = [chain.volume_eur is not None for chain in chains]
    items = []
    for kind, label, value, previous in (
        ("factory", _("of factories identified"), factory, before[0] if before else None),
        ("quarry", _("of quarries identified"), quarry, before[1] if before else None),
    ):
        reached, next_level, next_threshold = criterion_level(value, kind)
        items.append(
            {
                "kind": kind,
                "label": label,
                "percent": display_percent(value),
                "before": display_percent(previous) if previous is not None else None,
                "reached": reached,
                "next_level": next_level,
                "next_threshold": next_threshold,
            }
        )
    return {
        "insight": items,
        "factory_insight": items[0]["percent"],
        "quarry_insight": items[1]["percent"],
        "thresholds": LEVEL_THRESHOLDS,
        "partial_volumes": any(volumes) and not all(volumes),
    }


def with_edited_chain(chains: list[Chain], edited: Chain) -> list[Chain]:
    """The company's chains as they would be with `edited` saved (not saved here)."""
    return [chain for chain in chains if edited.pk is None or chain.pk != edited.pk] + [edited]


def edited_chain(organisation: Any, chain: Chain | None, cleaned: dict[str, Any]) -> Chain:
    """An unsaved copy of the chain with the fields that validated so far."""
    draft = Chain(pk=chain.pk if chain else None, organisation=organisation)
    for name in ("factory", "quarry", "volume_eur", "is_circular"):
        fallback = getattr(chain, name) if chain is not None else getattr(draft, name)
        setattr(draft, name, cleaned.get(name, fallback))
    return draft
