"""The isolation harness: every endpoint that is not public has a Case here.

A Case names the URL, the actors who may use it and the actors who must be refused:
`anonymous`, someone from *another organisation*, someone with the *wrong role* (or
kind of organisation). Refused actors get the login page (HTML) or 401/403 (API) when
anonymous and 404 otherwise (never 403: forbidden looks like missing), and the
database must be unchanged afterwards. Later endpoints add their Case to CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from members.models import Invitation, Membership, Organisation
from tests.factories import InvitationFactory
from trustone.jobs.models import Job


def _job_of(world: Any, who: str) -> Job:
    user = world.users[who]
    return Job.objects.create(
        kind="audit_export", started_by=user, organisation=user.memberships.first().organisation
    )


def _job_with_file(world: Any, who: str) -> Job:
    from django.core.files.base import ContentFile

    job = _job_of(world, who)
    job.result_file.save("audit.csv", ContentFile(b"when,user\n"), save=False)
    job.status = "succeeded"
    job.save()
    return job


@dataclass
class Case:
    name: str
    url: Callable[[Any], str]
    allowed: tuple[str, ...]
    other_organisation: tuple[str, ...] = ()
    wrong_role: tuple[str, ...] = ()
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] = field(default=lambda world: {})
    #: What must not change when a refused actor tries (querysets or model classes).
    state: Callable[[Any], Any] = field(default=lambda world: None)
    api: bool = False
    url_name: str = ""

    def refused(self) -> list[tuple[str, str]]:
        return (
            [("anonymous", "anonymous")]
            + [("other_organisation", who) for who in self.other_organisation]
            + [("wrong_role", who) for who in self.wrong_role]
        )


def _state(*querysets: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda world: [list(q(world)) for q in querysets]


def _invitation(world: Any) -> Invitation:
    return InvitationFactory(organisation=world.organisations["company"])


def _member_membership(world: Any) -> Membership:
    return Membership.objects.get(user=world.users["company_member"])


def _organisations(world: Any) -> Any:
    return Organisation.objects.values_list("id", "name", "kind").order_by("id")


def _invitations(world: Any) -> Any:
    return Invitation.objects.values_list("id", "email", "revoked_at").order_by("id")


def _memberships(world: Any) -> Any:
    return Membership.objects.values_list("id", "role", "is_active").order_by("id")


def _jobs(world: Any) -> Any:
    return Job.objects.values_list("id", "status").order_by("id")


CASES: list[Case] = [
    Case(
        "organisation list",
        url_name="members:organisation_list",
        url=lambda w: reverse("members:organisation_list"),
        allowed=("secretariat_admin", "secretariat_assessor"),
        wrong_role=("company_admin", "ngo_member", "government_admin"),
    ),
    Case(
        "organisation create form",
        url_name="members:organisation_create",
        url=lambda w: reverse("members:organisation_create"),
        allowed=("secretariat_admin",),
        wrong_role=("company_admin", "ngo_member"),
    ),
    Case(
        "organisation create",
        method="post",
        url_name="members:organisation_create",
        url=lambda w: reverse("members:organisation_create"),
        data=lambda w: {
            "name": "Nieuwe Steen B.V.",
            "kind": "company",
            "country": "NL",
            "email": "nieuw@example.nl",
        },
        allowed=("secretariat_admin",),
        wrong_role=("company_admin", "government_admin"),
        state=_state(_organisations, _invitations),
    ),
    Case(
        "organisation detail",
        url_name="members:organisation_detail",
        url=lambda w: reverse("members:organisation_detail", args=[w.organisations["company"].pk]),
        allowed=("company_admin", "company_member", "secretariat_admin"),
        other_organisation=("other_company_admin", "ngo_member"),
    ),
    Case(
        "invite a colleague",
        method="post",
        url_name="members:invitation_create",
        url=lambda w: reverse("members:invitation_create", args=[w.organisations["company"].pk]),
        data=lambda w: {"email": "collega@example.nl", "role": "member"},
        allowed=("company_admin", "secretariat_admin"),
        other_organisation=("other_company_admin",),
        wrong_role=("company_member",),
        state=_state(_invitations),
    ),
    Case(
        "withdraw an invitation",
        method="post",
        url_name="members:invitation_revoke",
        url=lambda w: reverse("members:invitation_revoke", args=[_invitation(w).pk]),
        allowed=("company_admin", "secretariat_admin"),
        other_organisation=("other_company_admin",),
        wrong_role=("company_member",),
        state=_state(_invitations),
    ),
    Case(
        "change a membership",
        method="post",
        url_name="members:membership_update",
        url=lambda w: reverse("members:membership_update", args=[_member_membership(w).pk]),
        data=lambda w: {"role": "admin", "is_active": "on"},
        allowed=("company_admin", "secretariat_admin"),
        other_organisation=("other_company_admin",),
        wrong_role=("company_member",),
        state=_state(_memberships),
    ),
    Case(
        "switch organisation",
        method="post",
        url_name="members:switch",
        url=lambda w: reverse("members:switch"),
        data=lambda w: {"organisation": w.organisations["company"].pk},
        allowed=("company_admin",),
        other_organisation=("other_company_admin",),
    ),
    Case(
        "dashboard",
        url_name="members:dashboard",
        url=lambda w: reverse("members:dashboard"),
        allowed=("company_admin", "secretariat_admin", "ngo_member", "government_admin"),
    ),
    Case(
        "my account",
        url_name="members:profile",
        url=lambda w: reverse("members:profile"),
        allowed=("company_member",),
    ),
    Case(
        "API token",
        method="post",
        url_name="members:profile",
        url=lambda w: reverse("members:profile"),
        data=lambda w: {"action": "create"},
        allowed=("company_member",),
    ),
    Case(
        "audit log",
        url_name="audit:log",
        url=lambda w: reverse("audit:log"),
        allowed=("secretariat_admin", "secretariat_assessor"),
        wrong_role=("company_admin", "ngo_member", "government_admin"),
    ),
    Case(
        "audit export",
        method="post",
        url_name="audit:export",
        url=lambda w: reverse("audit:export"),
        allowed=("secretariat_admin",),
        wrong_role=("company_admin", "ngo_member"),
        state=_state(_jobs),
    ),
    Case(
        "job progress",
        url_name="jobs:detail",
        url=lambda w: reverse("jobs:detail", args=[_job_of(w, "secretariat_admin").pk]),
        allowed=("secretariat_admin",),
        other_organisation=("company_admin",),
        wrong_role=("secretariat_assessor",),
    ),
    Case(
        "job download",
        url_name="jobs:download",
        url=lambda w: reverse("jobs:download", args=[_job_with_file(w, "secretariat_admin").pk]),
        allowed=("secretariat_admin",),
        other_organisation=("company_admin",),
        wrong_role=("secretariat_assessor",),
    ),
    Case(
        "API: me",
        api=True,
        url_name="api:me",
        url=lambda w: reverse("api:me"),
        allowed=("company_admin",),
    ),
    Case(
        "API: organisations",
        api=True,
        url_name="api:organisation-list",
        url=lambda w: reverse("api:organisation-list"),
        allowed=("company_admin", "secretariat_admin"),
    ),
    Case(
        "API: organisation",
        api=True,
        url_name="api:organisation-detail",
        url=lambda w: reverse("api:organisation-detail", args=[w.organisations["company"].pk]),
        allowed=("company_admin", "company_member", "secretariat_admin"),
        other_organisation=("other_company_admin", "ngo_member", "government_admin"),
    ),
    Case(
        "API: job",
        api=True,
        url_name="api:job-detail",
        url=lambda w: reverse("api:job-detail", args=[_job_of(w, "company_admin").pk]),
        allowed=("company_admin",),
        other_organisation=("other_company_admin",),
        wrong_role=("company_member", "secretariat_admin"),
    ),
]
