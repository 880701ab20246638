"""The hook through which the complaints app tells membership that a dispute involving
an organisation is pending (Art. 15: no notice while a dispute is pending).

The complaints app registers a check in its AppConfig.ready():
    register_dispute_check(lambda organisation: <pending dispute?>)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trustone.hooks import Hook

DisputeCheck = Callable[[Any], bool]
dispute_checks: Hook[DisputeCheck] = Hook("dispute checks")
register_dispute_check = dispute_checks.register
unregister_dispute_check = dispute_checks.unregister


def has_pending_dispute(organisation: Any) -> bool:
    """True when any registered check reports a pending dispute for the organisation."""
    return any(check(organisation) for check in dispute_checks)
