"""Isolation cases: the steering group's dashboard and the page of one delay, where the
group's chair records its decision (DOMAIN §4.5)."""

from __future__ import annotations

from django.urls import reverse

from .case import SECRETARIAT_ALL, Case
from .data_reports import _delay_cases, _delayed

#: Who reads the dashboard: the steering group (any role) and every secretariat user.
STEERING_READERS = (*SECRETARIAT_ALL, "steering_member", "steering_admin")
#: Who records the steering group's decisions: its chair.
STEERING_CHAIR = ("steering_admin",)

CASES = [
    Case(
        "the steering group's dashboard",
        url_name="steering:dashboard",
        url=lambda w: (_delayed(w), reverse("steering:dashboard"))[1],
        allowed=STEERING_READERS,
    ),
    Case(
        "a delay on the steering group's dashboard",
        url_name="steering:delay",
        url=lambda w: reverse("steering:delay", args=[_delayed(w).pk]),
        allowed=STEERING_READERS,
    ),
    Case(
        "record the steering group's decision on a delay",
        method="post",
        url_name="steering:delay",
        url=lambda w: reverse("steering:delay", args=[_delayed(w).pk]),
        data=lambda w: {
            "decision": "improvement_plan",
            "decided_on": "2026-11-01",
            "reason": "Overname",
        },
        allowed=STEERING_CHAIR,
        state=_delay_cases,
    ),
]
