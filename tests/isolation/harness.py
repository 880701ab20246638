"""The isolation harness: every endpoint that is not public has a Case here.

Default-deny: a Case names the actors who may use it, and every other actor of the test
world (`tests.conftest.WORLD_USERS`: other organisations of every kind, and every role
inside one's own organisation) is tried and must be refused: the login page (HTML) or
401/403 (API) when anonymous, 404 otherwise (never 403: forbidden looks like missing),
with the database unchanged. A write names the state it changes; an allowed write must
change it, a refused one must leave it as it was. Later endpoints add their Case to CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import (
    CovenantMembership,
    Declaration,
    Invitation,
    Invoice,
    Membership,
    Organisation,
    PartyApplication,
    Termination,
)
from tests.conftest import WORLD_USERS
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


#: Every logged-in actor of the test world.
EVERYONE: tuple[str, ...] = tuple(key for key, _organisation, _role in WORLD_USERS)
#: The users of the company whose data the cases use ("company").
COMPANY = ("company_admin", "company_member")
#: The users of every company: endpoints that act on the actor's own company.
COMPANY_USERS = (*COMPANY, "other_company_admin", "associated_admin")
COMPANY_ADMINS = ("company_admin", "other_company_admin", "associated_admin")
SECRETARIAT_ADMIN = ("secretariat_admin",)
#: The coordinator and the assessor that the case's assessment is granted to.
ASSESSING = ("secretariat_admin", "secretariat_assessor")
#: Who works the helpdesk inbox: the coordinator and every assessor.
HELPDESK = ("secretariat_admin", "secretariat_assessor", "unassigned_assessor")
SECRETARIAT_ALL = (*HELPDESK, "secretariat_member")
#: The organisation (world key) each actor belongs to.
ORGANISATION_OF = {key: organisation for key, organisation, _role in WORLD_USERS}


@dataclass
class Case:
    name: str
    url: Callable[[Any], str]
    allowed: tuple[str, ...]
    method: str = "get"
    #: The request's data: `data(world)`, or `data(world, who)` for an endpoint that acts
    #: on the actor's own organisation.
    data: Callable[..., dict[str, Any]] = field(default=lambda world: {})
    #: What a write changes (querysets as plain values). Required for every write: a
    #: refused one must leave it unchanged, an allowed one must change it.
    state: Callable[[Any], Any] | None = None
    #: False for a POST that saves nothing by design (a live preview).
    changes: bool = True
    api: bool = False
    url_name: str = ""

    @property
    def is_write(self) -> bool:
        return self.method != "get"

    def data_for(self, world: Any, who: str) -> dict[str, Any]:
        if self.data.__code__.co_argcount == 2:
            return self.data(world, who)
        return self.data(world)

    def refused(self) -> list[str]:
        """Everyone not allowed: anonymous and every other actor of the world."""
        return ["anonymous", *(who for who in EVERYONE if who not in self.allowed)]


def _switches(world: Any) -> Any:
    from trustone.audit.models import AuditEntry

    return list(
        AuditEntry.objects.filter(action="organisation_switched").values_list(
            "id", "user_id", "organisation_id"
        )
    )


def _api_tokens(world: Any) -> Any:
    from knox.models import AuthToken

    return list(AuthToken.objects.values_list("user_id", "digest").order_by("user_id", "digest"))


def _token_of_company_member(world: Any) -> Membership:
    """company_member's membership, with an API token to revoke."""
    from knox.models import AuthToken

    AuthToken.objects.create(user=world.users["company_member"])
    return Membership.objects.get(user=world.users["company_member"])


def _covenant(world: Any, signed: bool = True) -> CovenantMembership:
    from datetime import date

    return CovenantMembership.objects.get_or_create(
        organisation=world.organisations["company"],
        defaults={
            "member_type": "full",
            "employees": 40,
            "chains": 3,
            "full_due_diligence": True,
            "joined_on": date(2024, 1, 15) if signed else None,
        },
    )[0]


def _every_company_signed(world: Any) -> None:
    """Each company of the world a signed member since 2024: endpoints that act on the
    actor's own membership then work for each of them."""
    from datetime import date

    for key in ("company", "other_company", "associated_company"):
        CovenantMembership.objects.update_or_create(
            organisation=world.organisations[key],
            defaults={"joined_on": date(2024, 1, 15)},
            create_defaults={"member_type": "full", "joined_on": date(2024, 1, 15)},
        )


def _declaration(world: Any) -> Declaration:
    from datetime import date

    from django.core.files.base import ContentFile

    _covenant(world)
    declaration = Declaration(
        organisation=world.organisations["company"],
        chapter="D",
        language="nl",
        signer_name="Eva",
        signer_function="directeur",
        signed_on=date(2024, 1, 15),
        signed_by=world.users["company_admin"],
        text_sha256="0" * 64,
    )
    declaration.pdf.save("d.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    declaration.save()
    return declaration


def _invoice(world: Any) -> Invoice:
    from datetime import date

    from django.core.files.base import ContentFile

    invoice = Invoice(
        number="TS-2026-00001",
        organisation=world.organisations["company"],
        year=2026,
        issued_on=date(2026, 1, 31),
        member_type="full",
        amount="1600.00",
        tariff_valid_from=date(2025, 3, 1),
    )
    invoice.pdf.save("i.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    invoice.save()
    return invoice


def _application(world: Any) -> PartyApplication:
    return PartyApplication.objects.create(
        organisation_name="Steenwerkers",
        organisation_kind="ngo",
        country="NL",
        contact_name="Priya",
        contact_email="priya@example.nl",
        motivation="Graag",
        accepts_criteria=True,
    )


def _covenants(world: Any) -> Any:
    return CovenantMembership.objects.values_list(
        "id", "member_type", "employees", "joined_on", "ends_on"
    ).order_by("id")


def _terminations(world: Any) -> Any:
    return Termination.objects.values_list("id", "ends_on").order_by("id")


def _levels(world: Any) -> Any:
    from members.models import LevelAssignment

    return LevelAssignment.objects.values_list("id", "level").order_by("id")


def _declarations(world: Any) -> Any:
    return Declaration.objects.values_list("id", "signed_on").order_by("id")


def _applications(world: Any) -> Any:
    return PartyApplication.objects.values_list("id", "status").order_by("id")


def _facility(world: Any, kind: str = "factory") -> Any:
    from supplychain.models import Facility

    return Facility.objects.create(
        organisation=world.organisations["company"],
        kind=kind,
        name="Rajasthan Sandstone Works",
        country="IN",
        address="RIICO Industrial Area, Kota",
    )


def _chain(world: Any) -> Any:
    from supplychain.models import Chain

    return Chain.objects.create(
        organisation=world.organisations["company"],
        product="Kandla Grey",
        factory=_facility(world),
        volume_eur="125000.00",
    )


def _upload(world: Any) -> Any:
    from supplychain.models import SupplierListUpload

    return SupplierListUpload.objects.create(
        organisation=world.organisations["company"],
        uploaded_by=world.users["company_admin"],
        filename="lijst.csv",
        content=b"product;fabriek_naam;fabriek_land\nKandla;Mill;IN\n",
    )


def _supplier_list(world: Any) -> Any:
    from supplychain.models import Chain, Facility

    return [
        list(Facility.objects.values_list("id", "name", "latitude").order_by("id")),
        list(Chain.objects.values_list("id", "product", "volume_eur").order_by("id")),
    ]


def _periods(world: Any) -> Any:
    from assessments.models import Report, ReportingPeriod

    return [
        list(ReportingPeriod.objects.values_list("id", "year")),
        list(Report.objects.values_list("id", "status")),
    ]


def _report(world: Any) -> Any:
    from assessments.models import Report, ReportingPeriod
    from tests.conftest import ensure_framework_v1

    framework = ensure_framework_v1()
    period, _created = ReportingPeriod.objects.get_or_create(
        year=2026, defaults={"deadline": "2027-03-01", "framework": framework}
    )
    _covenant(world)
    return Report.objects.get_or_create(
        organisation=world.organisations["company"],
        period=period,
        version=1,
        defaults={"framework": framework},
    )[0]


def _submittable_report(world: Any) -> Any:
    """A complete report: the company reports as an associated member, with an importer."""
    from assessments.models import Importer

    CovenantMembership.objects.update_or_create(
        organisation=world.organisations["company"],
        defaults={"member_type": "associated", "full_due_diligence": False},
    )
    report = _report(world)
    Importer.objects.create(report=report, name="Stone Import B.V.", has_policy=True)
    return report


def _answers(world: Any) -> Any:
    from assessments.models import Answer

    return list(Answer.objects.values_list("id", "option_id", "explanation"))


def _risk(world: Any) -> Any:
    from assessments.models import Risk

    return Risk.objects.create(
        report=_report(world),
        theme="child_labour",
        region="Kota",
        scale=3,
        scope=2,
        irremediability=3,
        likelihood=2,
        justification="Keienwerven",
    )


def _action(world: Any) -> Any:
    from assessments.models import Action

    return Action.objects.create(
        risk=_risk(world),
        description="Leeftijdscontrole",
        owner="Inkoop",
        indicator="i",
        target="t",
        deadline="2027-06-30",
    )


def _plan(world: Any) -> Any:
    from assessments.models import Action, Risk

    return [
        list(Risk.objects.values_list("id", "theme", "region")),
        list(Action.objects.values_list("id", "description", "status")),
    ]


RISK_DATA = {
    "theme": "living_wage",
    "region": "Xiamen",
    "scale": "2",
    "scope": "2",
    "irremediability": "2",
    "likelihood": "2",
    "justification": "Loonkloof",
}
ACTION_DATA = {
    "description": "Loonkloof meten",
    "owner": "Inkoop",
    "indicator": "i",
    "target": "t",
    "deadline": "2027-06-30",
    "status": "planned",
}


def _submitted(world: Any) -> Any:
    from django.core.files.base import ContentFile

    report = _report(world)
    report.status = "submitted"
    report.snapshot = {"chains": [], "answers": [], "plan": []}
    report.pdf.save("r.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    report.save()
    return report


def _reports(world: Any) -> Any:
    from assessments.models import Report

    return list(Report.objects.values_list("id", "version", "status", "returned_at"))


def _evidence(world: Any) -> Any:
    from django.core.files.base import ContentFile

    from assessments.models import Evidence, Question

    report = _report(world)
    item = Evidence(
        report=report,
        question=Question.objects.get(framework=report.framework, code="1.1"),
        original_name="beleid.pdf",
        content_type="application/pdf",
        size=8,
    )
    item.file.save("beleid.pdf", ContentFile(b"%PDF-1.4"), save=False)
    item.save()
    return item


def _evidence_rows(world: Any) -> Any:
    from assessments.models import Evidence

    return list(Evidence.objects.values_list("id", "original_name"))


def _importer(world: Any) -> Any:
    from assessments.models import Importer

    return Importer.objects.create(report=_report(world), name="Steenhandel", has_policy=True)


def _importers(world: Any) -> Any:
    from assessments.models import Importer

    return list(Importer.objects.values_list("id", "name", "has_policy"))


IMPORTER_DATA = {"name": "Andere importeur", "has_policy": "on", "themes": ["child_labour"]}


def _thread(world: Any) -> Any:
    from assessments.models import HelpdeskMessage, HelpdeskThread

    thread = HelpdeskThread.objects.create(
        organisation=world.organisations["company"],
        subject="Vraag",
        created_by=world.users["company_admin"],
    )
    HelpdeskMessage.objects.create(
        thread=thread, author=world.users["company_admin"], body="Hoe werkt dit?"
    )
    return thread


def _message_with_attachment(world: Any) -> Any:
    from django.core.files.base import ContentFile

    from assessments.models import HelpdeskMessage

    message = HelpdeskMessage(
        thread=_thread(world),
        author=world.users["company_admin"],
        body="Bijlage",
        attachment_name="a.pdf",
    )
    message.attachment.save("a.pdf", ContentFile(b"%PDF-1.4"), save=False)
    message.save()
    return message


def _helpdesk(world: Any) -> Any:
    from assessments.models import FaqEntry, HelpdeskMessage, HelpdeskThread

    return [
        list(HelpdeskThread.objects.values_list("id", "is_answered")),
        list(HelpdeskMessage.objects.values_list("id", "body")),
        list(FaqEntry.objects.values_list("id")),
    ]


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


def _assessment(world: Any, status: str = "in_progress") -> Any:
    from django.utils import timezone

    from assessments.models import Assessment
    from members.models import LevelAssignment
    from trustone.access.grants import grant

    report = _submitted(world)
    report.snapshot = {
        "size_class": "medium",
        "factory_insight": "100",
        "quarry_insight": "50",
        "chains": [],
        "plan": [],
        "answers": [
            {
                "code": "1.1",
                "step": 1,
                "question_nl": "Beleid?",
                "question_en": "Policy?",
                "answer_nl": "Ja",
                "answer_en": "Yes",
                "explanation": "",
                "points": "2",
                "maximum": "4",
            }
        ],
    }
    report.save()
    assessor = world.users["secretariat_assessor"]
    assessment = Assessment.objects.create(report=report, status=status, assessor=assessor)
    grant(user=assessor, permission="assessments.assess_assessment", obj=assessment)
    if status in ("proposed", "decided"):
        assessment.proposed_level = 1
        assessment.proposed_at = timezone.now()
    if status == "decided":
        assessment.decided_level = 1
        assessment.decided_at = timezone.now()
        assessment.level_assignment = LevelAssignment.objects.create(
            organisation=report.organisation, year=2026, level=1, decided_on="2026-11-01"
        )
    assessment.save()
    return assessment


def _assessed_report(world: Any) -> Any:
    """A submitted report whose assessment is granted to `secretariat_assessor`."""
    return _assessment(world).report


def _assessed_evidence(world: Any) -> Any:
    """Evidence in a submitted report under assessment (added while it was a draft)."""
    item = _evidence(world)
    _assessment(world)  # submits that same report (version 1) and assigns it
    return item


def _assessments(world: Any) -> Any:
    from assessments.models import Assessment, ScoreAdjustment
    from members.models import LevelAssignment

    return [
        list(
            Assessment.objects.values_list(
                "id", "status", "assessor_id", "feedback_plan", "proposed_level", "decided_level"
            )
        ),
        list(ScoreAdjustment.objects.values_list("id", "adjusted_points")),
        list(LevelAssignment.objects.values_list("id", "level")),
        list(Job.objects.values_list("id")),
    ]


def _delayed(world: Any, level: int = 3, organisation: str = "company") -> Any:
    """The company on `level` since 2022 (and again this term): more than a year late."""
    from members.models import LevelAssignment

    company = world.organisations[organisation]
    if organisation == "company":
        _covenant(world)
    for decided_on in ("2022-01-10", "2026-01-10"):
        LevelAssignment.objects.create(
            organisation=company, year=int(decided_on[:4]), level=level, decided_on=decided_on
        )
    return company


def _every_company_delayed(world: Any) -> None:
    _every_company_signed(world)
    for key in ("company", "other_company", "associated_company"):
        _delayed(world, organisation=key)


def _delay_cases(world: Any) -> Any:
    from assessments.models import DelayCase

    return [
        list(
            DelayCase.objects.values_list(
                "id", "knowledge_modules_offered_on", "explanatory_note", "argument", "decision"
            )
        ),
        list(Termination.objects.values_list("id")),
    ]


def _draw(world: Any) -> Any:
    from assessments.models import SampleDraw

    report = _submitted(world)
    return SampleDraw.objects.create(
        period=report.period,
        kind="reports",
        size=1,
        seed="s",
        population=[report.pk],
        selected=[report.pk],
        drawn_by=world.users["secretariat_admin"],
    )


def _draws(world: Any) -> Any:
    from assessments.models import SampleDraw, SampleFinding

    return [
        list(SampleDraw.objects.values_list("id", "seed")),
        list(SampleFinding.objects.values_list("id", "outcome")),
    ]


def _plan_test(world: Any) -> Any:
    from django.core.files.base import ContentFile

    from assessments.models import PlanTestRequest

    _covenant(world)
    request = PlanTestRequest(
        requested_by_organisation=world.organisations["government"],
        requested_by=world.users["government_admin"],
        company=world.organisations["company"],
        question="Voldoet het plan?",
        attachment_name="pva.pdf",
    )
    request.attachment.save("pva.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    request.save()
    return request


def _plan_tests(world: Any) -> Any:
    from assessments.models import PlanTestRequest

    return list(PlanTestRequest.objects.values_list("id", "verdict", "answer"))


CASES: list[Case] = [
    Case(
        "organisation list",
        url_name="members:organisation_list",
        url=lambda w: reverse("members:organisation_list"),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "organisation create form",
        url_name="members:organisation_create",
        url=lambda w: reverse("members:organisation_create"),
        allowed=SECRETARIAT_ADMIN,
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
        allowed=SECRETARIAT_ADMIN,
        state=_state(_organisations, _invitations),
    ),
    Case(
        "organisation detail",
        url_name="members:organisation_detail",
        url=lambda w: reverse("members:organisation_detail", args=[w.organisations["company"].pk]),
        allowed=COMPANY + SECRETARIAT_ALL,
    ),
    Case(
        "invite a colleague",
        method="post",
        url_name="members:invitation_create",
        url=lambda w: reverse("members:invitation_create", args=[w.organisations["company"].pk]),
        data=lambda w: {"email": "collega@example.nl", "role": "member"},
        allowed=("company_admin", "secretariat_admin"),
        state=_state(_invitations),
    ),
    Case(
        "withdraw an invitation",
        method="post",
        url_name="members:invitation_revoke",
        url=lambda w: reverse("members:invitation_revoke", args=[_invitation(w).pk]),
        allowed=("company_admin", "secretariat_admin"),
        state=_state(_invitations),
    ),
    Case(
        "change a membership",
        method="post",
        url_name="members:membership_update",
        url=lambda w: reverse("members:membership_update", args=[_member_membership(w).pk]),
        data=lambda w: {"role": "admin", "is_active": "on"},
        allowed=("company_admin", "secretariat_admin"),
        state=_state(_memberships),
    ),
    Case(
        "revoke a colleague's API token",
        method="post",
        url_name="members:membership_token_revoke",
        url=lambda w: reverse(
            "members:membership_token_revoke", args=[_token_of_company_member(w).pk]
        ),
        allowed=("company_admin",),
        state=_api_tokens,
    ),
    Case(
        "switch organisation",
        method="post",
        url_name="members:switch",
        url=lambda w: reverse("members:switch"),
        data=lambda w: {"organisation": w.organisations["company"].pk},
        allowed=COMPANY,
        state=_switches,
    ),
    Case(
        "dashboard",
        url_name="members:dashboard",
        url=lambda w: reverse("members:dashboard"),
        allowed=EVERYONE,
    ),
    Case(
        "my account",
        url_name="members:profile",
        url=lambda w: reverse("members:profile"),
        allowed=EVERYONE,
    ),
    Case(
        "API token",
        method="post",
        url_name="members:profile",
        url=lambda w: reverse("members:profile"),
        data=lambda w: {"action": "create"},
        allowed=EVERYONE,
        state=_api_tokens,
    ),
    Case(
        "audit log",
        url_name="audit:log",
        url=lambda w: reverse("audit:log"),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "audit export",
        method="post",
        url_name="audit:export",
        url=lambda w: reverse("audit:export"),
        allowed=SECRETARIAT_ADMIN,
        state=_state(_jobs),
    ),
    Case(
        "job progress",
        url_name="jobs:detail",
        url=lambda w: reverse("jobs:detail", args=[_job_of(w, "secretariat_admin").pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "job download",
        url_name="jobs:download",
        url=lambda w: reverse("jobs:download", args=[_job_with_file(w, "secretariat_admin").pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "API: me",
        api=True,
        url_name="api:me",
        url=lambda w: reverse("api:me"),
        allowed=EVERYONE,
    ),
    Case(
        "API: organisations",
        api=True,
        url_name="api:organisation-list",
        url=lambda w: reverse("api:organisation-list"),
        allowed=EVERYONE,
    ),
    Case(
        "API: organisation",
        api=True,
        url_name="api:organisation-detail",
        url=lambda w: reverse("api:organisation-detail", args=[w.organisations["company"].pk]),
        allowed=COMPANY + SECRETARIAT_ALL,
    ),
    Case(
        "API: job",
        api=True,
        url_name="api:job-detail",
        url=lambda w: reverse("api:job-detail", args=[_job_of(w, "company_admin").pk]),
        allowed=("company_admin",),
    ),
    # Membership (issue 3).
    Case(
        "membership data form",
        url_name="members:covenant_edit",
        url=lambda w: reverse("members:covenant_edit", args=[w.organisations["company"].pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "membership data save",
        method="post",
        url_name="members:covenant_edit",
        url=lambda w: reverse("members:covenant_edit", args=[w.organisations["company"].pk]),
        data=lambda w: {
            "member_type": "associated",
            "employees": "999",
            "establishments": "1",
            "chains": "0",
        },
        allowed=SECRETARIAT_ADMIN,
        state=_state(_covenants),
    ),
    Case(
        "record a termination",
        method="post",
        url_name="members:termination_record",
        url=lambda w: (
            _covenant(w),
            reverse("members:termination_record", args=[w.organisations["company"].pk]),
        )[1],
        data=lambda w: {
            "kind": "expulsion",
            "reason": "Uitspraak genegeerd",
            "notice_on": "2026-11-01",
            "ends_on": "2026-11-01",
        },
        allowed=SECRETARIAT_ADMIN,
        state=_state(_terminations, _covenants),
    ),
    Case(
        "record a level",
        method="post",
        url_name="members:level_record",
        url=lambda w: reverse("members:level_record", args=[w.organisations["company"].pk]),
        data=lambda w: {"year": "2026", "level": "5", "decided_on": "2026-10-01"},
        allowed=SECRETARIAT_ADMIN,
        state=_state(_levels),
    ),
    Case(
        "own membership",
        url_name="members:membership",
        url=lambda w: (_covenant(w), reverse("members:membership"))[1],
        allowed=EVERYONE,
    ),
    Case(
        "declaration form",
        url_name="members:declaration_sign",
        url=lambda w: (_covenant(w, signed=False), reverse("members:declaration_sign"))[1],
        allowed=("company_admin", "associated_admin"),
    ),
    Case(
        "sign the declaration",
        method="post",
        url_name="members:declaration_sign",
        url=lambda w: (_covenant(w, signed=False), reverse("members:declaration_sign"))[1],
        data=lambda w: {
            "signer_name": "X",
            "signer_function": "Y",
            "signed_on": "2026-01-01",
            "agreed": "on",
        },
        allowed=("company_admin", "associated_admin"),
        state=_state(_declarations, _covenants),
    ),
    Case(
        "signed declaration PDF",
        url_name="members:declaration_pdf",
        url=lambda w: reverse("members:declaration_pdf", args=[_declaration(w).pk]),
        allowed=COMPANY + SECRETARIAT_ALL,
    ),
    Case(
        "notice form",
        url_name="members:notice",
        url=lambda w: (_every_company_signed(w), reverse("members:notice"))[1],
        allowed=COMPANY_ADMINS,
    ),
    Case(
        "give notice",
        method="post",
        url_name="members:notice",
        url=lambda w: (_every_company_signed(w), reverse("members:notice"))[1],
        data=lambda w: {"reason": "Wij stoppen", "confirm": "on"},
        allowed=COMPANY_ADMINS,
        state=_state(_terminations, _covenants),
    ),
    Case(
        "invoice PDF",
        url_name="members:invoice_pdf",
        url=lambda w: reverse("members:invoice_pdf", args=[_invoice(w).pk]),
        allowed=("company_admin", "secretariat_admin"),
    ),
    Case(
        "invoices",
        url_name="members:invoices",
        url=lambda w: reverse("members:invoices"),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "run the invoicing",
        method="post",
        url_name="members:invoices",
        url=lambda w: reverse("members:invoices"),
        data=lambda w: {"year": "2026", "issued_on": "2026-01-31"},
        allowed=SECRETARIAT_ADMIN,
        state=_state(_jobs),
    ),
    Case(
        "invoices export",
        url_name="members:invoices_export",
        url=lambda w: (_invoice(w), reverse("members:invoices_export"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "party applications",
        url_name="members:party_applications",
        url=lambda w: reverse("members:party_applications"),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "party application",
        url_name="members:party_application_detail",
        url=lambda w: reverse("members:party_application_detail", args=[_application(w).pk]),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "inform the parties",
        method="post",
        url_name="members:party_application_detail",
        url=lambda w: reverse("members:party_application_detail", args=[_application(w).pk]),
        data=lambda w: {"action": "inform"},
        allowed=SECRETARIAT_ADMIN,
        state=_state(_applications),
    ),
    # Supplier list (issue 4).
    Case(
        "supplier list",
        url_name="supplychain:supplier_list",
        url=lambda w: (_chain(w), reverse("supplychain:supplier_list"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "facility form",
        url_name="supplychain:facility_create",
        url=lambda w: reverse("supplychain:facility_create"),
        allowed=COMPANY_USERS,
    ),
    Case(
        "add a facility",
        method="post",
        url_name="supplychain:facility_create",
        url=lambda w: reverse("supplychain:facility_create"),
        data=lambda w: {"kind": "quarry", "name": "Bijolia", "country": "IN"},
        allowed=COMPANY_USERS,
        state=_supplier_list,
    ),
    Case(
        "change a facility",
        method="post",
        url_name="supplychain:facility_edit",
        url=lambda w: reverse("supplychain:facility_edit", args=[_facility(w).pk]),
        data=lambda w: {
            "kind": "factory",
            "name": "Overgenomen",
            "country": "IN",
            "latitude": "25.1",
            "longitude": "75.8",
        },
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "remove a facility",
        method="post",
        url_name="supplychain:facility_delete",
        url=lambda w: reverse("supplychain:facility_delete", args=[_facility(w, "quarry").pk]),
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "chain form",
        url_name="supplychain:chain_create",
        url=lambda w: reverse("supplychain:chain_create"),
        allowed=COMPANY_USERS,
    ),
    Case(
        "change a chain",
        method="post",
        url_name="supplychain:chain_edit",
        url=lambda w: reverse("supplychain:chain_edit", args=[_chain(w).pk]),
        data=lambda w: {"product": "Gewijzigd", "volume_eur": "1"},
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "remove a chain",
        method="post",
        url_name="supplychain:chain_delete",
        url=lambda w: reverse("supplychain:chain_delete", args=[_chain(w).pk]),
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "upload form",
        url_name="supplychain:upload",
        url=lambda w: reverse("supplychain:upload"),
        allowed=COMPANY_USERS,
    ),
    Case(
        "confirm an upload",
        method="post",
        url_name="supplychain:upload_confirm",
        url=lambda w: reverse("supplychain:upload_confirm", args=[_upload(w).pk]),
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "template",
        url_name="supplychain:template",
        url=lambda w: reverse("supplychain:template"),
        allowed=COMPANY_USERS,
    ),
    Case(
        "export",
        url_name="supplychain:export",
        url=lambda w: (_chain(w), reverse("supplychain:export"))[1],
        allowed=COMPANY_USERS,
    ),
    # Reporting periods (issue 4).
    Case(
        "reporting periods",
        url_name="assessments:periods",
        url=lambda w: reverse("assessments:periods"),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "open a reporting period",
        method="post",
        url_name="assessments:periods",
        url=lambda w: reverse("assessments:periods"),
        data=lambda w: {"year": "2031", "deadline": "2031-03-01"},
        allowed=SECRETARIAT_ADMIN,
        state=_state(_periods),
    ),
    Case(
        "report",
        url_name="assessments:report",
        url=lambda w: reverse("assessments:report", args=[_report(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "questionnaire",
        url_name="assessments:questionnaire",
        url=lambda w: reverse("assessments:questionnaire", args=[_report(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "save an answer",
        method="post",
        url_name="assessments:answer_save",
        url=lambda w: reverse("assessments:answer_save", args=[_report(w).pk, "1.2"]),
        data=lambda w: {"option": "all_seven", "explanation": "x"},
        allowed=COMPANY,
        state=_answers,
    ),
    Case(
        "plan of action",
        url_name="assessments:plan",
        url=lambda w: reverse("assessments:plan", args=[_risk(w).report_id]),
        allowed=COMPANY,
    ),
    Case(
        "add a risk",
        method="post",
        url_name="assessments:risk_create",
        url=lambda w: reverse("assessments:risk_create", args=[_report(w).pk]),
        data=lambda w: RISK_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "change a risk",
        method="post",
        url_name="assessments:risk_edit",
        url=lambda w: reverse("assessments:risk_edit", args=[_risk(w).pk]),
        data=lambda w: RISK_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "remove a risk",
        method="post",
        url_name="assessments:risk_delete",
        url=lambda w: reverse("assessments:risk_delete", args=[_risk(w).pk]),
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "add an action",
        method="post",
        url_name="assessments:action_create",
        url=lambda w: reverse("assessments:action_create", args=[_risk(w).pk]),
        data=lambda w: ACTION_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "change an action",
        method="post",
        url_name="assessments:action_edit",
        url=lambda w: reverse("assessments:action_edit", args=[_action(w).pk]),
        data=lambda w: ACTION_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "remove an action",
        method="post",
        url_name="assessments:action_delete",
        url=lambda w: reverse("assessments:action_delete", args=[_action(w).pk]),
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "submit a report",
        method="post",
        url_name="assessments:submit",
        url=lambda w: reverse("assessments:submit", args=[_submittable_report(w).pk]),
        allowed=COMPANY,
        state=_reports,
    ),
    Case(
        "new version",
        method="post",
        url_name="assessments:new_version",
        url=lambda w: reverse("assessments:new_version", args=[_submitted(w).pk]),
        allowed=COMPANY,
        state=_reports,
    ),
    Case(
        "return a report",
        method="post",
        url_name="assessments:return",
        url=lambda w: reverse("assessments:return", args=[_submitted(w).pk]),
        data=lambda w: {"comment": "Graag aanvullen"},
        allowed=SECRETARIAT_ADMIN,
        state=_reports,
    ),
    Case(
        "submitted report PDF",
        url_name="assessments:report_pdf",
        url=lambda w: reverse("assessments:report_pdf", args=[_submitted(w).pk]),
        allowed=COMPANY + SECRETARIAT_ADMIN,
    ),
    Case(
        "add evidence",
        method="post",
        url_name="assessments:evidence_upload",
        url=lambda w: reverse("assessments:evidence_upload", args=[_report(w).pk, "1.1"]),
        data=lambda w: {
            "file": SimpleUploadedFile(
                "beleid.pdf", b"%PDF-1.4 beleid", content_type="application/pdf"
            )
        },
        allowed=COMPANY,
        state=_evidence_rows,
    ),
    Case(
        "download evidence",
        url_name="assessments:evidence",
        url=lambda w: reverse("assessments:evidence", args=[_evidence(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "remove evidence",
        method="post",
        url_name="assessments:evidence_delete",
        url=lambda w: reverse("assessments:evidence_delete", args=[_evidence(w).pk]),
        allowed=COMPANY,
        state=_evidence_rows,
    ),
    Case(
        "importers",
        url_name="assessments:importers",
        url=lambda w: reverse("assessments:importers", args=[_report(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "add an importer",
        method="post",
        url_name="assessments:importer_create",
        url=lambda w: reverse("assessments:importer_create", args=[_report(w).pk]),
        data=lambda w: IMPORTER_DATA,
        allowed=COMPANY,
        state=_importers,
    ),
    Case(
        "change an importer",
        method="post",
        url_name="assessments:importer_edit",
        url=lambda w: reverse("assessments:importer_edit", args=[_importer(w).pk]),
        data=lambda w: IMPORTER_DATA,
        allowed=COMPANY,
        state=_importers,
    ),
    Case(
        "remove an importer",
        method="post",
        url_name="assessments:importer_delete",
        url=lambda w: reverse("assessments:importer_delete", args=[_importer(w).pk]),
        allowed=COMPANY,
        state=_importers,
    ),
    Case(
        "API: reports",
        api=True,
        url_name="api:report-list",
        url=lambda w: (_report(w), reverse("api:report-list"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "API: report",
        api=True,
        url_name="api:report-detail",
        url=lambda w: reverse("api:report-detail", args=[_report(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "API: answer",
        api=True,
        method="post",
        url_name="api:report-answer",
        url=lambda w: reverse("api:report-answer", args=[_report(w).pk]),
        data=lambda w: {"question": "1.2", "option": "all_seven"},
        allowed=COMPANY,
        state=_answers,
    ),
    Case(
        "API: facilities",
        api=True,
        url_name="api:facility-list",
        url=lambda w: (_facility(w), reverse("api:facility-list"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "API: add a facility",
        api=True,
        method="post",
        url_name="api:facility-list",
        url=lambda w: reverse("api:facility-list"),
        data=lambda w: {"kind": "quarry", "name": "Bijolia", "country": "IN"},
        allowed=COMPANY_USERS,
        state=_supplier_list,
    ),
    Case(
        "API: chains",
        api=True,
        url_name="api:chain-list",
        url=lambda w: (_chain(w), reverse("api:chain-list"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "supplier list for the secretariat",
        url_name="supplychain:organisation_supplier_list",
        url=lambda w: (
            _chain(w),
            reverse("supplychain:organisation_supplier_list", args=[w.organisations["company"].pk]),
        )[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "helpdesk",
        url_name="assessments:helpdesk",
        url=lambda w: reverse("assessments:helpdesk"),
        allowed=COMPANY_USERS + HELPDESK,
    ),
    Case(
        "ask a question",
        method="post",
        url_name="assessments:helpdesk",
        url=lambda w: reverse("assessments:helpdesk"),
        data=lambda w: {"kind": "question", "subject": "S", "body": "B"},
        allowed=COMPANY_USERS,
        state=_helpdesk,
    ),
    Case(
        "helpdesk thread",
        url_name="assessments:thread",
        url=lambda w: reverse("assessments:thread", args=[_thread(w).pk]),
        allowed=COMPANY + HELPDESK,
    ),
    Case(
        "reply",
        method="post",
        url_name="assessments:thread",
        url=lambda w: reverse("assessments:thread", args=[_thread(w).pk]),
        data=lambda w: {"body": "Antwoord"},
        allowed=COMPANY + HELPDESK,
        state=_helpdesk,
    ),
    Case(
        "helpdesk attachment",
        url_name="assessments:attachment",
        url=lambda w: reverse("assessments:attachment", args=[_message_with_attachment(w).pk]),
        allowed=COMPANY + HELPDESK,
    ),
    Case(
        "publish in the FAQ",
        method="post",
        url_name="assessments:faq_publish",
        url=lambda w: reverse("assessments:faq_publish"),
        data=lambda w: {"question_nl": "V", "question_en": "Q", "answer_nl": "A", "answer_en": "A"},
        allowed=SECRETARIAT_ADMIN,
        state=_helpdesk,
    ),
    Case(
        "API: add a risk",
        api=True,
        method="post",
        url_name="api:report-risk",
        url=lambda w: reverse("api:report-risk", args=[_report(w).pk]),
        data=lambda w: RISK_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "API: add an action",
        api=True,
        method="post",
        url_name="api:risk-action",
        url=lambda w: reverse("api:risk-action", args=[_risk(w).pk]),
        data=lambda w: ACTION_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "API: one facility",
        api=True,
        url_name="api:facility-detail",
        url=lambda w: reverse("api:facility-detail", args=[_facility(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "API: change a facility",
        api=True,
        method="patch",
        url_name="api:facility-detail",
        url=lambda w: reverse("api:facility-detail", args=[_facility(w).pk]),
        data=lambda w: {"name": "Kota Stone Works", "latitude": "25.18", "longitude": "75.83"},
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "API: replace a facility",
        api=True,
        method="put",
        url_name="api:facility-detail",
        url=lambda w: reverse("api:facility-detail", args=[_facility(w).pk]),
        data=lambda w: {"kind": "factory", "name": "Kota Stone Works", "country": "IN"},
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "API: remove a facility",
        api=True,
        method="delete",
        url_name="api:facility-detail",
        url=lambda w: reverse("api:facility-detail", args=[_facility(w).pk]),
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "API: one chain",
        api=True,
        url_name="api:chain-detail",
        url=lambda w: reverse("api:chain-detail", args=[_chain(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "API: change a chain",
        api=True,
        method="patch",
        url_name="api:chain-detail",
        url=lambda w: reverse("api:chain-detail", args=[_chain(w).pk]),
        data=lambda w: {"volume_eur": "99000.00", "is_circular": True},
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "API: replace a chain",
        api=True,
        method="put",
        url_name="api:chain-detail",
        url=lambda w: reverse("api:chain-detail", args=[_chain(w).pk]),
        data=lambda w: {"product": "Kota Blue"},
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "API: remove a chain",
        api=True,
        method="delete",
        url_name="api:chain-detail",
        url=lambda w: reverse("api:chain-detail", args=[_chain(w).pk]),
        allowed=COMPANY,
        state=_supplier_list,
    ),
    Case(
        "API: one risk",
        api=True,
        url_name="api:risk-detail",
        url=lambda w: reverse("api:risk-detail", args=[_risk(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "API: change a risk",
        api=True,
        method="patch",
        url_name="api:risk-detail",
        url=lambda w: reverse("api:risk-detail", args=[_risk(w).pk]),
        data=lambda w: {"region": "Budhpura", "likelihood": 3},
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "API: replace a risk",
        api=True,
        method="put",
        url_name="api:risk-detail",
        url=lambda w: reverse("api:risk-detail", args=[_risk(w).pk]),
        data=lambda w: RISK_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "API: remove a risk",
        api=True,
        method="delete",
        url_name="api:risk-detail",
        url=lambda w: reverse("api:risk-detail", args=[_risk(w).pk]),
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "API: one action",
        api=True,
        url_name="api:action-detail",
        url=lambda w: reverse("api:action-detail", args=[_action(w).pk]),
        allowed=COMPANY,
    ),
    Case(
        "API: change an action",
        api=True,
        method="patch",
        url_name="api:action-detail",
        url=lambda w: reverse("api:action-detail", args=[_action(w).pk]),
        data=lambda w: {"status": "in_progress", "progress": "Audit gepland"},
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "API: replace an action",
        api=True,
        method="put",
        url_name="api:action-detail",
        url=lambda w: reverse("api:action-detail", args=[_action(w).pk]),
        data=lambda w: ACTION_DATA,
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "API: remove an action",
        api=True,
        method="delete",
        url_name="api:action-detail",
        url=lambda w: reverse("api:action-detail", args=[_action(w).pk]),
        allowed=COMPANY,
        state=_plan,
    ),
    Case(
        "live insight of a chain being changed",
        method="post",
        url_name="supplychain:chain_insight",
        url=lambda w: reverse("supplychain:chain_insight", args=[_chain(w).pk]),
        data=lambda w: {"product": "Kota Blue", "volume_eur": "10"},
        allowed=COMPANY,
        state=_supplier_list,
        changes=False,
    ),
    Case(
        "live insight of a new chain",
        method="post",
        url_name="supplychain:chain_create_insight",
        url=lambda w: (_chain(w), reverse("supplychain:chain_create_insight"))[1],
        data=lambda w: {"product": "Kota Blue", "volume_eur": "10"},
        allowed=COMPANY_USERS,
        state=_supplier_list,
        changes=False,
    ),
    Case(
        "assessment queue",
        url_name="assessments:queue",
        url=lambda w: (_assessment(w), reverse("assessments:queue"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "score all submitted reports",
        method="post",
        url_name="assessments:score_all",
        url=lambda w: (_assessment(w), reverse("assessments:score_all"))[1],
        data=lambda w: {"period": "2026"},
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "assessment workspace",
        url_name="assessments:assess",
        url=lambda w: reverse("assessments:assess", args=[_assessment(w).pk]),
        allowed=ASSESSING,
    ),
    Case(
        "assign an assessor",
        method="post",
        url_name="assessments:assess_assign",
        url=lambda w: reverse("assessments:assess_assign", args=[_assessment(w, "queued").pk]),
        data=lambda w: {"assessor": w.users["secretariat_admin"].pk},
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "adjust points",
        method="post",
        url_name="assessments:assess_adjust",
        url=lambda w: reverse("assessments:assess_adjust", args=[_assessment(w).pk, "1.1"]),
        data=lambda w: {"points": "4", "reason": "Redelijkheid"},
        allowed=ASSESSING,
        state=_assessments,
    ),
    Case(
        "assessment feedback",
        method="post",
        url_name="assessments:assess_review",
        url=lambda w: reverse("assessments:assess_review", args=[_assessment(w).pk]),
        data=lambda w: {"feedback_plan": "Meetbaarder", "progress_sufficient": "unknown"},
        allowed=ASSESSING,
        state=_assessments,
    ),
    Case(
        "propose a decision",
        method="post",
        url_name="assessments:assess_propose",
        url=lambda w: reverse("assessments:assess_propose", args=[_assessment(w).pk]),
        allowed=ASSESSING,
        state=_assessments,
    ),
    Case(
        "confirm a decision",
        method="post",
        url_name="assessments:assess_decide",
        url=lambda w: reverse("assessments:assess_decide", args=[_assessment(w, "proposed").pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "send a proposal back",
        method="post",
        url_name="assessments:assess_send_back",
        url=lambda w: reverse("assessments:assess_send_back", args=[_assessment(w, "proposed").pk]),
        data=lambda w: {"note": "Kijk naar 1.1"},
        allowed=SECRETARIAT_ADMIN,
        state=_assessments,
    ),
    Case(
        "a company's assessments",
        url_name="assessments:my_assessments",
        url=lambda w: (_assessment(w, "decided"), reverse("assessments:my_assessments"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "a company's assessment",
        url_name="assessments:assessment_result",
        url=lambda w: reverse("assessments:assessment_result", args=[_assessment(w, "decided").pk]),
        allowed=COMPANY,
    ),
    Case(
        "assessment letter",
        url_name="assessments:assessment_letter",
        url=lambda w: reverse("assessments:assessment_letter", args=[_assessment(w, "decided").pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "assessment schedule",
        url_name="assessments:schedule",
        url=lambda w: (_assessment(w), reverse("assessments:schedule"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "progress and delay",
        url_name="assessments:progress",
        url=lambda w: (_delayed(w), reverse("assessments:progress"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "a delayed member",
        url_name="assessments:delayed_member",
        url=lambda w: reverse("assessments:delayed_member", args=[_delayed(w).pk]),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "offer knowledge modules",
        method="post",
        url_name="assessments:knowledge_modules",
        url=lambda w: reverse("assessments:knowledge_modules", args=[_delayed(w, 2).pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_delay_cases,
    ),
    Case(
        "record a steering group decision",
        method="post",
        url_name="assessments:steering_decision",
        url=lambda w: reverse("assessments:steering_decision", args=[_delayed(w).pk]),
        data=lambda w: {
            "decision": "improvement_plan",
            "decided_on": "2026-11-01",
            "reason": "Overname",
        },
        allowed=SECRETARIAT_ADMIN,
        state=_delay_cases,
    ),
    Case(
        "a company's progress",
        url_name="assessments:my_progress",
        url=lambda w: (_delayed(w), reverse("assessments:my_progress"))[1],
        allowed=COMPANY_USERS,
    ),
    Case(
        "write the explanatory note",
        method="post",
        url_name="assessments:explanatory_note",
        url=lambda w: (_every_company_delayed(w), reverse("assessments:explanatory_note"))[1],
        data=lambda w: {"note": "Nieuwe leverancier"},
        allowed=COMPANY_ADMINS,
        state=_delay_cases,
    ),
    Case(
        "ask for special circumstances",
        method="post",
        url_name="assessments:special_circumstances",
        url=lambda w: (_every_company_delayed(w), reverse("assessments:special_circumstances"))[1],
        data=lambda w: {
            "argument": "Wij zijn overgenomen en bouwen de keten opnieuw op "
            "met nieuwe leveranciers in India."
        },
        allowed=COMPANY_ADMINS,
        state=_delay_cases,
    ),
    Case(
        "sample checks",
        url_name="assessments:samples",
        url=lambda w: (_draw(w), reverse("assessments:samples"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "draw a sample",
        method="post",
        url_name="assessments:samples",
        url=lambda w: reverse("assessments:samples"),
        data=lambda w: {
            "period": _submitted(w).period_id,
            "kind": "reports",
            "size": "1",
        },
        allowed=SECRETARIAT_ADMIN,
        state=_draws,
    ),
    Case(
        "a sample draw",
        url_name="assessments:sample",
        url=lambda w: reverse("assessments:sample", args=[_draw(w).pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "record a finding",
        method="post",
        url_name="assessments:sample_finding",
        url=lambda w: (
            lambda draw: reverse("assessments:sample_finding", args=[draw.pk, draw.selected[0]])
        )(_draw(w)),
        data=lambda w: {"outcome": "confirmed", "findings": "Klopt"},
        allowed=SECRETARIAT_ADMIN,
        state=_draws,
    ),
    Case(
        "plan-of-action tests",
        url_name="assessments:plan_tests",
        url=lambda w: (_plan_test(w), reverse("assessments:plan_tests"))[1],
        allowed=COMPANY_USERS + ("government_admin",) + SECRETARIAT_ADMIN,
    ),
    Case(
        "ask to test a plan of action",
        method="post",
        url_name="assessments:plan_test_new",
        url=lambda w: (_every_company_signed(w), reverse("assessments:plan_test_new"))[1],
        data=lambda w, who: {
            "company": w.organisations[
                "company" if who == "government_admin" else ORGANISATION_OF.get(who, "company")
            ].pk,
            "question": "Klopt dit?",
        },
        allowed=(*COMPANY, "other_company_admin", "government_admin"),
        state=_plan_tests,
    ),
    Case(
        "a plan-of-action test",
        url_name="assessments:plan_test",
        url=lambda w: reverse("assessments:plan_test", args=[_plan_test(w).pk]),
        allowed=COMPANY + ("government_admin",) + SECRETARIAT_ADMIN,
    ),
    Case(
        "the plan of a test",
        url_name="assessments:plan_test_attachment",
        url=lambda w: reverse("assessments:plan_test_attachment", args=[_plan_test(w).pk]),
        allowed=COMPANY + ("government_admin",) + SECRETARIAT_ADMIN,
    ),
    Case(
        "answer a plan-of-action test",
        method="post",
        url_name="assessments:plan_test_answer",
        url=lambda w: reverse("assessments:plan_test_answer", args=[_plan_test(w).pk]),
        data=lambda w: {"verdict": "sufficient", "answer": "In orde"},
        allowed=SECRETARIAT_ADMIN,
        state=_plan_tests,
    ),
    # A submitted report's content: its company, the coordinator and the assessor granted
    # on its assessment; no other secretariat user (issue 9).
    Case(
        "submitted report under assessment",
        url_name="assessments:report",
        url=lambda w: reverse("assessments:report", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "questionnaire of a submitted report",
        url_name="assessments:questionnaire",
        url=lambda w: reverse("assessments:questionnaire", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "plan of action of a submitted report",
        url_name="assessments:plan",
        url=lambda w: reverse("assessments:plan", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "importers of a submitted report",
        url_name="assessments:importers",
        url=lambda w: reverse("assessments:importers", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "PDF of a submitted report under assessment",
        url_name="assessments:report_pdf",
        url=lambda w: reverse("assessments:report_pdf", args=[_assessed_report(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
    Case(
        "evidence of a submitted report",
        url_name="assessments:evidence",
        url=lambda w: reverse("assessments:evidence", args=[_assessed_evidence(w).pk]),
        allowed=COMPANY + ASSESSING,
    ),
]
