from datetime import UTC, datetime, timedelta

import pytest

from members.rules import invitation_state, roles_for_kind
from trustone.access.mfa import KINDS_WITH_MANDATORY_MFA

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("kind", "roles"),
    [
        ("secretariat", ("admin", "member", "assessor")),
        ("company", ("admin", "member")),
        ("government", ("admin", "member")),
        ("ngo", ("admin", "member")),
        ("union", ("admin", "member")),
        ("sector_organisation", ("admin", "member")),
        ("complaints_committee", ("admin", "member")),
        ("steering_group", ("admin", "member")),
    ],
)
def test_assessors_exist_only_at_the_secretariat(kind, roles) -> None:
    assert roles_for_kind(kind) == roles


def test_mfa_is_mandatory_for_secretariat_ngo_and_union() -> None:
    assert {"secretariat", "ngo", "union", "steering_group"} == KINDS_WITH_MANDATORY_MFA


@pytest.mark.parametrize(
    ("accepted", "revoked", "expires", "state"),
    [
        (None, None, NOW + timedelta(seconds=1), "open"),
        (None, None, NOW, "expired"),
        (None, None, NOW - timedelta(days=1), "expired"),
        (None, NOW, NOW + timedelta(days=1), "revoked"),
        (NOW, None, NOW - timedelta(days=1), "accepted"),
        (NOW, NOW, NOW + timedelta(days=1), "accepted"),
    ],
)
def test_invitation_state(accepted, revoked, expires, state) -> None:
    assert (
        invitation_state(accepted_at=accepted, revoked_at=revoked, expires_at=expires, now=NOW)
        == state
    )
