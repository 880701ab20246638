"""The hook through which higher apps say which of a company's facilities they refer to
(a risk in a plan of action, a submitted report's frozen supplier list). supplychain never
imports them: a facility they refer to is archived instead of deleted.

The assessments app registers a check in its AppConfig.ready():
    register_facility_references(lambda organisation, ids: <the ids it refers to>)
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

FacilityReferences = Callable[[Any, Collection[int]], set[int]]
_checks: list[FacilityReferences] = []


def register_facility_references(check: FacilityReferences) -> FacilityReferences:
    if check not in _checks:
        _checks.append(check)
    return check


def unregister_facility_references(check: FacilityReferences) -> None:
    if check in _checks:
        _checks.remove(check)


def facilities_referenced(organisation: Any, facility_ids: Collection[int]) -> set[int]:
    """Those of the organisation's facility ids that any registered check refers to."""
    if not facility_ids:
        return set()
    found: set[int] = set()
    for check in _checks:
        found |= check(organisation, facility_ids)
    return found & set(facility_ids)
