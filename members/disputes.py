"""The hook through which the complaints app tells membership that a dispute involving
an organisation is pending (Art. 15: no notice while a dispute is pending).

The complaints app registers a check in its AppConfig.ready():
    register_dispute_check(lambda organisation: <pending dispute?>)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DisputeCheck = Callable[[Any], bool]
_checks: list[DisputeCheck] = []


def register_dispute_check(check: DisputeCheck) -> DisputeCheck:
    if check not in _checks:
        _checks.append(check)
    return check


def unregister_dispute_check(check: DisputeCheck) -> None:
    if check in _checks:
        _checks.remove(check)


def has_pending_dispute(organisation: Any) -> bool:
    """True when any registered check reports a pending dispute for the organisation."""
    return any(check(organisation) for check in _checks)
