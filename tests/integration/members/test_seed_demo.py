import pytest
from django.core.management import call_command

from members.demo import USERS
from members.models import Membership, Organisation, User

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_has_a_user_per_role(capsys) -> None:
    call_command("seed_demo")
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    ) == counts
    companies = Organisation.objects.filter(kind="company")
    assert companies.count() >= 20
    assert companies.filter(country="BE").exists() and companies.filter(country="NL").exists()
    for kind in (
        "secretariat",
        "ngo",
        "union",
        "government",
        "sector_organisation",
        "complaints_committee",
        "steering_group",
    ):
        assert Organisation.objects.filter(kind=kind).exists(), kind
    assert Organisation.objects.filter(kind="ngo").count() == 2
    assert Organisation.objects.filter(kind="government").count() == 2
    roles = {
        (m.organisation.kind, m.role) for m in Membership.objects.select_related("organisation")
    }
    assert {
        ("secretariat", "admin"),
        ("secretariat", "assessor"),
        ("company", "admin"),
        ("company", "member"),
        ("ngo", "member"),
        ("union", "member"),
        ("government", "admin"),
    } <= roles
    output = capsys.readouterr().out
    assert all(user.email in output for user in USERS)
