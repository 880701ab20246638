"""Expected progress and delay (DOMAIN §4.5): how long each member company has been on
its level, whether it is more than a year behind the expected path, and what follows —
knowledge modules (levels 1–2), an explanatory note on the public listing (from level
3), special circumstances and the steering group's decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import LevelAssignment
from trustone.access.actor import Actor
from trustone.access.errors import NotFound, require
from trustone.audit.services import audit_record
from trustone.mail import mail_users

from .. import rules
from ..models import DelayCase, SteeringDecision


@dataclass
class Progress:
    organisation: Any
    level: int
    entered_level_on: date
    expected_until: date | None
    is_delayed: bool
    case: DelayCase | None

    @property
    def follow_up(self) -> str:
        return rules.delay_follow_up(self.level)


def _progress(organisation: Any, history: list[tuple[date, int]], case: Any, on: date) -> Any:
    if not history:
        return None
    level = history[-1][1]
    entered = rules.entered_level_on(history)
    assert entered is not None
    return Progress(
        organisation=organisation,
        level=level,
        entered_level_on=entered,
        expected_until=rules.expected_until(level=level, entered_level_on=entered),
        is_delayed=rules.is_delayed(level=level, entered_level_on=entered, on=on),
        case=case,
    )


def _histories(organisation_ids: list[int]) -> dict[int, list[tuple[date, int]]]:
    histories: dict[int, list[tuple[date, int]]] = {}
    for organisation_id, decided_on, level in (
        LevelAssignment.objects.filter(organisation_id__in=organisation_ids)
        .order_by("decided_on", "id")
        .values_list("organisation_id", "decided_on", "level")
    ):
        histories.setdefault(organisation_id, []).append((decided_on, level))
    return histories


def _cases(organisation_ids: list[int]) -> dict[tuple[int, int, date], DelayCase]:
    return {
        (case.organisation_id, case.level, case.entered_level_on): case
        for case in DelayCase.objects.filter(organisation_id__in=organisation_ids)
    }


def progress_of_members(actor: Actor, *, on: date | None = None) -> list[Progress]:
    """For the secretariat and the steering group (which decides on delays): every
    current member company with a level, its time on it and whether it is delayed.
    Three queries."""
    from members.public import listed_organisations

    if not (actor.is_secretariat or actor.is_steering_group):
        return []
    on = on or timezone.localdate()
    companies = list(listed_organisations(on=on).filter(covenant__member_type="full"))
    ids = [company.pk for company in companies]
    histories, cases = _histories(ids), _cases(ids)
    rows = []
    for company in sorted(companies, key=lambda c: c.name.lower()):
        row = _progress(company, histories.get(company.pk, []), None, on)
        if row is not None:
            row.case = cases.get((company.pk, row.level, row.entered_level_on))
            rows.append(row)
    return rows


def progress_of(organisation: Any, *, on: date | None = None) -> Progress | None:
    """One company's progress (its own users and the secretariat call this after their
    access check)."""
    on = on or timezone.localdate()
    row = _progress(organisation, _histories([organisation.pk]).get(organisation.pk, []), None, on)
    if row is not None:
        row.case = _cases([organisation.pk]).get((organisation.pk, row.level, row.entered_level_on))
    return row


def access_delayed_member(actor: Actor, organisation_id: int) -> Progress:
    """A delayed member company, for the secretariat; not found otherwise."""
    from members.selectors import access_organisation

    if not actor.is_secretariat:
        raise NotFound
    progress = progress_of(access_organisation(actor, organisation_id))
    if progress is None or not progress.is_delayed:
        raise NotFound
    return progress


def _case(progress: Progress) -> DelayCase:
    if not progress.is_delayed:
        raise ValidationError(_("This company is not delayed."))
    case, _created = DelayCase.objects.select_for_update().get_or_create(
        organisation=progress.organisation,
        level=progress.level,
        entered_level_on=progress.entered_level_on,
    )
    return case


def _save(case: DelayCase, actor: Actor) -> None:
    case.updated_by, case.updated_at = actor.user, timezone.now()
    case.full_clean()
    case.save()


@transaction.atomic
def knowledge_modules_offer(*, actor: Actor, organisation: Any) -> DelayCase:
    """The secretariat records that a company delayed on level 1 or 2 has been offered
    the knowledge modules (a secretariat administrator); its administrators are told."""
    require(actor.is_secretariat_admin)
    progress = progress_of(organisation)
    if progress is None or progress.follow_up != "knowledge_modules":
        raise ValidationError(_("Knowledge modules are offered on levels 1 and 2."))
    case = _case(progress)
    if case.knowledge_modules_offered_on is not None:
        raise ValidationError(_("The knowledge modules have already been offered."))
    case.knowledge_modules_offered_on = timezone.localdate()
    _save(case, actor)
    audit_record(actor=actor, action="knowledge_modules_offered", target=case)
    transaction.on_commit(lambda: _mail_admins(case.pk, "assessments/email/knowledge_modules.txt"))
    return case


def _mail_admins(case_id: int, template: str) -> None:
    from members.selectors import active_people

    case = DelayCase.objects.select_related("organisation").get(pk=case_id)
    mail_users(
        active_people(case.organisation, role="admin"),
        lambda: _("TruStone: your progress on level %(level)s") % {"level": case.level},
        template,
        {"case": case},
    )


def _own_delay(actor: Actor) -> Progress:
    if actor.organisation is None or actor.organisation_kind != "company" or not actor.is_admin:
        raise PermissionDenied
    progress = progress_of(actor.organisation)
    if progress is None or not progress.is_delayed:
        raise ValidationError(_("Your company is not behind the expected path."))
    return progress


@transaction.atomic
def explanatory_note_submit(*, actor: Actor, note: str) -> DelayCase:
    """A company delayed from level 3 explains its delay; the public listing shows the
    note (an administrator of the company)."""
    from members.public import listing_changed

    progress = _own_delay(actor)
    if progress.follow_up != "explanatory_note":
        raise ValidationError(_("An explanatory note is asked from level 3."))
    if not note.strip():
        raise ValidationError({"note": _("Write the explanatory note.")})
    case = _case(progress)
    case.explanatory_note = note.strip()[:2000]
    case.note_submitted_at = timezone.now()
    _save(case, actor)
    listing_changed(after_commit=True)
    audit_record(actor=actor, action="explanatory_note_submitted", target=case)
    return case


@transaction.atomic
def special_circumstances_request(*, actor: Actor, argument: str) -> DelayCase:
    """A delayed company argues in writing that special circumstances explain its delay
    (responsible disengagement, a new supplier, a takeover); the steering group decides."""
    from members.selectors import secretariat_admins

    progress = _own_delay(actor)
    if len(argument.strip()) < 50:
        raise ValidationError(
            {"argument": _("Explain the circumstances in at least a few sentences.")}
        )
    case = _case(progress)
    if case.decision:
        raise ValidationError(_("The steering group has already decided."))
    case.argument = argument.strip()
    case.argued_at = timezone.now()
    _save(case, actor)
    audit_record(actor=actor, action="special_circumstances_requested", target=case)
    recipients = list(secretariat_admins())
    transaction.on_commit(
        lambda: mail_users(
            recipients,
            lambda: (
                _("TruStone: %(organisation)s asks for special circumstances")
                % {"organisation": case.organisation.name}
            ),
            "assessments/email/special_circumstances.txt",
            {
                "case": case,
                "path": reverse("assessments:delayed_member", args=[case.organisation_id]),
            },
        )
    )
    return case


@transaction.atomic
def steering_decision_record(
    *, actor: Actor, organisation: Any, decision: str, decided_on: date, reason: str
) -> DelayCase:
    """The steering group's chair records the group's decision on a delay: special
    circumstances accepted, an improvement plan with one more year, or expulsion (which
    ends the membership through the membership lifecycle, as of the decision date)."""
    from members.lifecycle import termination_record
    from members.models import TerminationKind

    require(actor.is_steering_group_chair)
    progress = progress_of(organisation)
    if progress is None:
        raise ValidationError(_("This company is not delayed."))
    case = _case(progress)
    if case.decision:
        raise ValidationError(_("The steering group has already decided."))
    errors = {}
    if decision not in SteeringDecision.values:
        errors["decision"] = _("Choose the decision.")
    if not reason.strip():
        errors["reason"] = _("Give the steering group's reasons.")
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("The decision date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    case.decision, case.decided_on, case.decision_reason = decision, decided_on, reason.strip()
    if decision == SteeringDecision.IMPROVEMENT_PLAN:
        case.improvement_deadline = rules.add_years(decided_on, 1)
    if decision == SteeringDecision.EXPULSION:
        case.termination = termination_record(
            actor=actor,
            organisation=case.organisation,
            kind=TerminationKind.EXPULSION,
            reason=reason,
            notice_on=decided_on,
            ends_on=decided_on,
            steering_group_decided_on=decided_on,
        )
    _save(case, actor)
    audit_record(
        actor=actor, action="steering_decision_recorded", target=case, data={"decision": decision}
    )
    transaction.on_commit(lambda: _mail_admins(case.pk, "assessments/email/steering_decision.txt"))
    return case


def delay_tasks(actor: Actor) -> list[tuple[str, str]]:
    """Dashboard task for a company administrator: explain a delay from level 3."""
    if actor.organisation_kind != "company" or not actor.is_admin:
        return []
    progress = progress_of(actor.organisation)
    if (
        progress is None
        or not progress.is_delayed
        or progress.follow_up != "explanatory_note"
        or (progress.case is not None and progress.case.explanatory_note)
    ):
        return []
    return [
        (
            _("Explain on the member listing why your company is behind the expected path"),
            reverse("assessments:my_progress"),
        )
    ]


def explanatory_note_subquery() -> QuerySet[Any]:
    """For the public listing (registered in AppConfig.ready): a delayed company's own
    explanatory note for its current level (DOMAIN §4.5)."""
    return (
        DelayCase.objects.filter(organisation=OuterRef("pk"), level=OuterRef("current_level"))
        .exclude(explanatory_note="")
        .order_by("-entered_level_on")
        .values("explanatory_note")[:1]
    )
