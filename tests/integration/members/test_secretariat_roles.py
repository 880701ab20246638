"""Roles inside the secretariat are boundaries (issue 9): only an administrator (the
coordinator) manages people, records levels and returns reports; an assessor reads only
the reports it is granted; a secretariat member sees queues and public data. Every write
service checks the role itself, because views, the API and tasks all call it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from assessments.models import Assessment, Report
from assessments.report.services import report_pdf_render, report_return
from members import lifecycle, services
from members.models import Invitation, LevelAssignment, Membership
from members.selectors import can_manage_users
from trustone.access.actor import actor_for
from trustone.access.grants import grant

from ..assessments.test_assessment import submitted  # noqa: F401 -- a fixture

pytestmark = pytest.mark.django_db


def _actor(world, who: str):
    user = world.users[who]
    return actor_for(user, user.memberships.first().organisation_id)


def _membership(world, who: str) -> Membership:
    return Membership.objects.get(user=world.users[who])


@pytest.mark.parametrize("who", ["secretariat_assessor", "secretariat_member"])
def test_only_the_coordinator_manages_the_secretariats_people(world, who) -> None:
    secretariat = world.organisations["secretariat"]
    assert can_manage_users(_actor(world, "secretariat_admin"), secretariat)
    assert not can_manage_users(_actor(world, who), secretariat)
    client = world.client(who)
    own = _membership(world, who)
    coordinator = _membership(world, "secretariat_admin")
    promote = client.post(
        reverse("members:membership_update", args=[own.pk]), {"role": "admin", "is_active": "on"}
    )
    demote = client.post(
        reverse("members:membership_update", args=[coordinator.pk]),
        {"role": "member", "is_active": "on"},
    )
    invite = client.post(
        reverse("members:invitation_create", args=[secretariat.pk]),
        {"email": "nieuwe-coordinator@example.nl", "role": "admin"},
    )
    assert (promote.status_code, demote.status_code, invite.status_code) == (404, 404, 404)
    own.refresh_from_db()
    coordinator.refresh_from_db()
    assert (own.role, coordinator.role) == (who.removeprefix("secretariat_"), "admin")
    assert not Invitation.objects.filter(email="nieuwe-coordinator@example.nl").exists()


@pytest.mark.parametrize("who", ["secretariat_assessor", "secretariat_member"])
def test_the_services_refuse_an_assessor_whoever_calls_them(world, who) -> None:
    """The API and tasks call the services directly: the role check is there too."""
    actor = _actor(world, who)
    secretariat = world.organisations["secretariat"]
    with pytest.raises(PermissionDenied):
        services.membership_set_role(
            actor=actor, membership=_membership(world, who), role="admin", is_active=True
        )
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            actor=actor,
            organisation=secretariat,
            email="x@example.nl",
            role="admin",
            base_url="http://testserver/",
        )
    with pytest.raises(PermissionDenied):
        services.organisation_create(actor=actor, name="Nep B.V.", kind="company")
    with pytest.raises(PermissionDenied):
        lifecycle.level_record(
            actor=actor,
            organisation=world.organisations["company"],
            year=2026,
            level=5,
            decided_on="2026-10-01",
        )
    assert not LevelAssignment.objects.exists()


def test_the_coordinator_still_manages_the_secretariat(world) -> None:
    coordinator = world.client("secretariat_admin")
    member = _membership(world, "secretariat_member")
    response = coordinator.post(
        reverse("members:membership_update", args=[member.pk]),
        {"role": "assessor", "is_active": "on"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == "assessor"


def test_an_assessor_cannot_record_a_public_level(world) -> None:
    company = world.organisations["company"]
    response = world.client("secretariat_assessor").post(
        reverse("members:level_record", args=[company.pk]),
        {"year": "2026", "level": "5", "decided_on": "2026-10-01"},
    )
    assert response.status_code == 404
    assert not LevelAssignment.objects.filter(organisation=company).exists()


def test_an_assessor_cannot_return_a_report_someone_else_assesses(world, submitted) -> None:  # noqa: F811
    assessment = Assessment.objects.get(report=submitted)
    grant(
        user=world.users["secretariat_assessor"],
        permission="assessments.assess_assessment",
        obj=assessment,
    )
    for who in ("unassigned_assessor", "secretariat_assessor", "secretariat_member"):
        response = world.client(who).post(
            reverse("assessments:return", args=[submitted.pk]), {"comment": "Graag aanvullen"}
        )
        assert response.status_code == 404, who
    assert Report.objects.filter(organisation=submitted.organisation).count() == 1
    with pytest.raises(PermissionDenied):
        report_return(actor=_actor(world, "secretariat_assessor"), report=submitted, comment="x")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("secretariat_admin", 200),
        ("secretariat_assessor", 200),
        ("unassigned_assessor", 404),
        ("secretariat_member", 404),
    ],
)
def test_a_submitted_reports_content_is_for_the_coordinator_and_its_assessor(
    world,
    submitted,  # noqa: F811
    who,
    status,
) -> None:
    assessment = Assessment.objects.get(report=submitted)
    grant(
        user=world.users["secretariat_assessor"],
        permission="assessments.assess_assessment",
        obj=assessment,
    )
    report_pdf_render(report_id=submitted.pk)
    client = world.client(who)
    for name in ("report", "questionnaire", "plan", "report_pdf"):
        response = client.get(reverse(f"assessments:{name}", args=[submitted.pk]))
        assert response.status_code == status, (name, response.status_code)
    # Everyone at the secretariat sees the queue row.
    queue = client.get(reverse("assessments:queue"))
    assert queue.status_code == 200
    assert submitted.organisation.name in queue.content.decode()


def test_a_draft_stays_the_companys(world, submitted) -> None:  # noqa: F811
    draft = Report.objects.create(
        organisation=submitted.organisation,
        period=submitted.period,
        framework=submitted.framework,
        version=2,
    )
    for who in ("secretariat_admin", "secretariat_assessor", "secretariat_member"):
        response = world.client(who).get(reverse("assessments:report", args=[draft.pk]))
        assert response.status_code == 404, who
    assert (
        world.client("company_member")
        .get(reverse("assessments:report", args=[draft.pk]))
        .status_code
        == 200
    )


def test_a_secretariat_admin_invitation_makes_staff_only_from_the_coordinator(world) -> None:
    invitation = services.invitation_create(
        actor=_actor(world, "secretariat_admin"),
        organisation=world.organisations["secretariat"],
        email="tweede-coordinator@example.nl",
        role="admin",
        base_url="http://testserver/",
    )
    assert invitation.invited_by == world.users["secretariat_admin"]
