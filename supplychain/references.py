"""The hook through which higher apps say which of a company's facilities they refer to
(a risk in a plan of action, a submitted report's frozen supplier list). supplychain never
imports them: a facility they refer to is archived instead of deleted.

The assessments app registers a check in its AppConfig.ready():
    register_facility_references(lambda organisation, ids: <the ids it refers to>)
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from trustone.hooks import Hook

FacilityReferences = Callable[[Any, Collection[int]], set[int]]
facility_references: Hook[FacilityReferences] = Hook("facility references")
register_facility_references = facility_references.register
unregister_facility_references = facility_references.unregister


def facilities_referenced(organisation: Any, facility_ids: Collection[int]) -> set[int]:
    """Those of the organisation's facility ids that any registered check refers to."""
    if not facility_ids:
        return set()
    found: set[int] = set()
    for check in facility_references:
        found |= check(organisation, facility_ids)
    return found & set(facility_ids)
