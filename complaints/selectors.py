"""Reads of the complaints app: the grievance mechanisms, the case files and who may open
them, the published rulings.

Who reads a case file (`Reader`): the committee (less a member who is recused), the
secretariat staff the committee assigned, the complainant (through the receipt code, or
the organisation that filed a dispute) and the member concerned (only what the committee
addresses to it). Everyone else gets the same not-found as for a case that does not
exist."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.steering.overdue import OverdueItem
from members.models import User
from trustone.access.actor import Actor
from trustone.access.errors import NotFound

from . import rules
from .models import (
    Audience,
    Case,
    CaseAttachment,
    CaseEntry,
    CaseKind,
    CaseStatus,
    GrievanceMechanism,
    PublishedRuling,
)

COMMITTEE = "complaints_committee"
#: The kinds of organisation that may file a dispute or be the member concerned.
PARTY_KINDS = ("company", "ngo", "union", "sector_organisation", "government")


class Reader(StrEnum):
    COMMITTEE = "committee"
    STAFF = "staff"
    COMPLAINANT = "complainant"
    RESPONDENT = "respondent"


def mechanisms_visible_to(actor: Actor) -> QuerySet[GrievanceMechanism]:
    """The mechanisms shown to everyone; the hidden ones too for the coordinator, who
    keeps the list."""
    mechanisms = GrievanceMechanism.objects.all()
    return mechanisms if actor.is_secretariat_admin else mechanisms.filter(is_active=True)


def access_mechanism(actor: Actor, mechanism_id: int) -> GrievanceMechanism:
    """One mechanism to edit: the coordinator's; the same not-found for anyone else."""
    if not actor.is_secretariat_admin:
        raise NotFound
    mechanism = GrievanceMechanism.objects.filter(pk=mechanism_id).first()
    if mechanism is None:
        raise NotFound
    return mechanism


def case_people(case: Case) -> list[Any]:
    """The people who work a case: the committee's active members and the case's active
    staff, less anyone recused, by name (for e-mail and for recording a recusal)."""
    recused = set(case.recusals.values_list("user_id", flat=True))
    committee = User.objects.filter(
        is_active=True,
        memberships__organisation__kind=COMMITTEE,
        memberships__is_active=True,
    )
    people = {user.pk: user for user in committee}
    people.update({user.pk: user for user in case.assigned_staff.filter(is_active=True)})
    return sorted(
        (user for pk, user in people.items() if pk not in recused),
        key=lambda user: (user.full_name or user.email).casefold(),
    )


def is_committee(actor: Actor) -> bool:
    return actor.user is not None and actor.organisation_kind == COMMITTEE


def is_committee_chair(actor: Actor) -> bool:
    """The committee's administrator: assigns secretariat staff and records recusals."""
    return is_committee(actor) and actor.is_admin


def cases_visible_to(actor: Actor) -> QuerySet[Case]:
    """The cases the actor may open: every case for the committee, less those a member is
    recused from; the assigned ones for secretariat staff; a party's own cases for its
    administrators (and the user who filed a dispute)."""
    cases = Case.objects.select_related("respondent", "filed_by_organisation")
    if actor.user is None or actor.organisation is None:
        return cases.none()
    if is_committee(actor):
        return cases.exclude(recusals__user=actor.user)
    if actor.is_secretariat_admin or actor.is_assessor:
        return cases.filter(assigned_staff=actor.user).exclude(recusals__user=actor.user)
    if actor.is_secretariat:
        return cases.none()
    if actor.organisation_kind not in PARTY_KINDS:
        return cases.none()
    filed = Q(filed_by_organisation=actor.organisation)
    if not actor.is_admin:
        filed &= Q(filed_by=actor.user)
    concerned = Q(respondent=actor.organisation) if actor.is_admin else Q(pk__in=[])
    return cases.filter(filed | concerned)


def reader_of(actor: Actor, case: Case) -> Reader:
    """How the actor reads a case it may open."""
    if is_committee(actor):
        return Reader.COMMITTEE
    if actor.is_secretariat:
        return Reader.STAFF
    if case.filed_by_organisation_id is not None and actor.acts_for(case.filed_by_organisation_id):
        return Reader.COMPLAINANT
    return Reader.RESPONDENT


def access_case(actor: Actor, case_id: int) -> tuple[Case, Reader]:
    """One case and how the actor reads it; the same not-found for a case that does not
    exist and one the actor may not open (a recused member included)."""
    case = cases_visible_to(actor).filter(pk=case_id).first()
    if case is None:
        raise NotFound
    return case, reader_of(actor, case)


def case_by_session(case_id: int | None) -> Case | None:
    """The case a complainant opened with its receipt code in this session."""
    if case_id is None:
        return None
    return Case.objects.filter(pk=case_id, kind=CaseKind.COMPLAINT).first()


def cases_by_receipt_lookup(lookup: str) -> QuerySet[Case]:
    """The complaints whose receipt code begins with `lookup` (normally one)."""
    return Case.objects.filter(kind=CaseKind.COMPLAINT, receipt_lookup=lookup).exclude(
        receipt_hash=""
    )


AUDIENCES: dict[Reader, tuple[str, ...]] = {
    Reader.COMMITTEE: tuple(Audience.values),
    Reader.STAFF: tuple(Audience.values),
    Reader.COMPLAINANT: (Audience.COMPLAINANT, Audience.PARTIES),
    Reader.RESPONDENT: (Audience.RESPONDENT, Audience.PARTIES),
}


def entries_for(case: Case, reader: Reader) -> QuerySet[CaseEntry]:
    """The entries of the case file that `reader` may read, oldest first."""
    return (
        CaseEntry.objects.filter(case=case, audience__in=AUDIENCES[reader])
        .select_related("author")
        .prefetch_related("attachments")
    )


def access_attachment(case: Case, reader: Reader, attachment_id: int) -> CaseAttachment:
    """One attachment of an entry that `reader` may read in this case; not-found else."""
    attachment = CaseAttachment.objects.filter(
        pk=attachment_id, entry__case=case, entry__audience__in=AUDIENCES[reader]
    ).first()
    if attachment is None:
        raise NotFound
    return attachment


def attachment_case(actor: Actor, attachment_id: int) -> tuple[Case, Reader]:
    """The case an attachment belongs to, when the actor may open that case."""
    case_id = (
        CaseAttachment.objects.filter(pk=attachment_id)
        .values_list("entry__case_id", flat=True)
        .first()
    )
    if case_id is None:
        raise NotFound
    return access_case(actor, case_id)


def case_deadlines(case: Case) -> rules.Deadlines:
    """The deadlines the case is held to in its present status."""
    pending = case.status != CaseStatus.CLOSED
    return rules.Deadlines(
        admissibility=case.admissibility_due if case.status == CaseStatus.RECEIVED else None,
        reply=case.reply_due if pending else None,
        ruling=case.ruling_due if case.status == CaseStatus.ADMITTED else None,
        compliance=case.compliance_due if case.status == CaseStatus.RULED else None,
    )


def case_is_overdue(case: Case) -> bool:
    return rules.deadline_passed(case_deadlines(case), timezone.localdate())


def overdue_cases(cases: QuerySet[Case]) -> QuerySet[Case]:
    """The cases among `cases` with a running deadline in the past (one query)."""
    today = timezone.localdate()
    return cases.filter(
        Q(status=CaseStatus.RECEIVED, admissibility_due__lt=today)
        | Q(status=CaseStatus.ADMITTED, ruling_due__lt=today)
        | Q(status=CaseStatus.RULED, compliance_due__lt=today)
        | (~Q(status=CaseStatus.CLOSED) & Q(reply_due__lt=today))
    )


def overdue_for_steering(actor: Actor) -> list[OverdueItem]:
    """For the steering group's dashboard (registered in ComplaintsConfig.ready): the
    cases past a running deadline, by reference, kind, status and deadline only — never
    the complainant, the content or the member concerned (one query)."""
    if not (actor.is_steering_group or actor.is_secretariat):
        return []
    today = timezone.localdate()
    names = {
        "admissibility": _("admissibility decision"),
        "reply": _("reply"),
        "ruling": _("ruling"),
        "compliance": _("compliance"),
    }
    cases = overdue_cases(Case.objects.all()).only(
        "reference",
        "kind",
        "status",
        "admissibility_due",
        "reply_due",
        "ruling_due",
        "compliance_due",
    )
    items = []
    for case in cases.order_by("reference"):
        deadlines = case_deadlines(case)
        passed = [
            (due, key)
            for key, due in (
                ("admissibility", deadlines.admissibility),
                ("reply", deadlines.reply),
                ("ruling", deadlines.ruling),
                ("compliance", deadlines.compliance),
            )
            if due is not None and due < today
        ]
        if not passed:
            continue
        deadline, key = min(passed)
        items.append(
            OverdueItem(
                reference=case.reference,
                kind=case.get_kind_display(),
                status=case.get_status_display(),
                deadline_name=str(names[key]),
                deadline=deadline,
                days_overdue=(today - deadline).days,
            )
        )
    return items


def awaiting_committee(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Open cases whose latest message came from a complainant or party."""
    latest_side = (
        CaseEntry.objects.filter(case=OuterRef("pk"))
        .exclude(audience=Audience.INTERNAL)
        .order_by("-created_at", "-id")
        .values("side")[:1]
    )
    return (
        cases.exclude(status=CaseStatus.CLOSED)
        .annotate(latest_side=Subquery(latest_side))
        .filter(latest_side__in=("complainant", "respondent"))
    )


def pending_dispute(organisation: object) -> bool:
    """Whether a dispute involving the organisation (either side) is pending: then it
    cannot give notice (Art. 15). Registered with members.disputes."""
    organisation_id = getattr(organisation, "pk", organisation)
    return (
        Case.objects.filter(kind=CaseKind.DISPUTE, status__in=rules.PENDING)
        .filter(Q(respondent_id=organisation_id) | Q(filed_by_organisation_id=organisation_id))
        .exists()
    )


def referrals_visible_to(actor: Actor) -> QuerySet[Case]:
    """Cases the committee referred to the steering group (a ruling culpably ignored), for
    the coordinator, who puts them before it: the reference and the member only."""
    if not actor.is_secretariat_admin:
        return Case.objects.none()
    return Case.objects.filter(status=CaseStatus.REFERRED).select_related("respondent")


def access_referral(actor: Actor, case_id: int) -> Case:
    """One referred case for the coordinator; not-found for anyone else or any other case."""
    case = referrals_visible_to(actor).filter(pk=case_id).first()
    if case is None:
        raise NotFound
    return case


def published_rulings() -> QuerySet[PublishedRuling]:
    """The anonymised rulings on the public page."""
    return PublishedRuling.objects.select_related("case")


def published_ruling_of(case: Case) -> PublishedRuling | None:
    """The case's ruling as published, if it is (for the committee, which has the case)."""
    return PublishedRuling.objects.filter(case=case).first()


def access_published_ruling(ruling_id: int) -> PublishedRuling:
    ruling = published_rulings().filter(pk=ruling_id).first()
    if ruling is None:
        raise NotFound
    return ruling


def _count_task(count: int, label: str, url: str) -> list[tuple[str, str]]:
    """A task naming how many there are (`label` is the ngettext of `count`), if any."""
    return [(label % {"count": count}, url)] if count else []


def case_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard tasks (registered in AppConfig.ready): for the committee and the staff
    assigned, new cases, cases past a deadline and news from a side; for the coordinator,
    referrals to put before the steering group; for a party, questions of the committee."""
    url = reverse("complaints:cases")
    if is_committee(actor) or actor.is_secretariat:
        cases = cases_visible_to(actor)
        tasks = []
        if is_committee(actor):
            tasks += _count_task(
                count := cases.filter(status=CaseStatus.RECEIVED).count(),
                ngettext(
                    "%(count)s case to decide on admissibility",
                    "%(count)s cases to decide on admissibility",
                    count,
                ),
                url + "?status=received",
            )
        tasks += _count_task(
            count := overdue_cases(cases).count(),
            ngettext(
                "%(count)s case past a deadline",
                "%(count)s cases past a deadline",
                count,
            ),
            url + "?overdue=1",
        )
        tasks += _count_task(
            count := awaiting_committee(cases).count(),
            ngettext(
                "%(count)s case with news from a complainant or party",
                "%(count)s cases with news from a complainant or party",
                count,
            ),
            url,
        )
        if actor.is_secretariat_admin:
            tasks += _count_task(
                count := referrals_visible_to(actor).count(),
                ngettext(
                    "%(count)s referral to put before the steering group",
                    "%(count)s referrals to put before the steering group",
                    count,
                ),
                reverse("complaints:referrals"),
            )
        return tasks
    if actor.organisation_kind in PARTY_KINDS:
        return [
            (
                _("The complaints committee asks for information in %(reference)s")
                % {"reference": case.reference},
                reverse("complaints:case", args=[case.pk]),
            )
            for case in cases_visible_to(actor).filter(reply_due__isnull=False)
            if open_request_asks(case, reader_of(actor, case))
        ]
    return []


def open_request_asks(case: Case, reader: Reader) -> bool:
    """Whether the open request for information in `case` is addressed to `reader`."""
    request = (
        CaseEntry.objects.filter(case=case, step="information")
        .order_by("-created_at", "-id")
        .values_list("audience", flat=True)
        .first()
    )
    return request in AUDIENCES[reader]
