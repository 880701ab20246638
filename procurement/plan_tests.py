"""Testing a plan of action (Art. 7.15): affiliated governments and companies ask the
secretariat to test a plan of action that a member company submitted; the secretariat
answers with a verdict. The asking organisation, the company concerned and the
secretariat see the request; nobody else."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.public import listed_organisations
from members.selectors import secretariat_admins
from trustone.access.actor import Actor
from trustone.access.errors import NotFound, require
from trustone.attachments import check_attachment
from trustone.audit.services import audit_record
from trustone.mail import mail_users

from .models import PlanTestRequest, PlanVerdict, RequestKind

ASKERS = ("government", "company")


def member_companies() -> QuerySet[Any]:
    """The companies whose plans can be tested: current full members (public data)."""
    return listed_organisations().filter(covenant__member_type="full").order_by("name")


def companies_to_ask_about(actor: Actor) -> QuerySet[Any]:
    """The companies whose plan the actor may ask to have tested: any member company for a
    government, its own for a company that is a full member (an associated member has no
    plan of action), none for anyone else."""
    if actor.organisation_kind == "government":
        return member_companies()
    if actor.organisation_kind == "company":
        return member_companies().filter(pk=actor.organisation_id)
    return member_companies().none()


def requests_visible_to(actor: Actor) -> QuerySet[PlanTestRequest]:
    """Secretariat administrators see every request; an organisation those it made and,
    for a company, those about its own plan."""
    requests = PlanTestRequest.objects.select_related(
        "requested_by_organisation", "company", "requested_by", "answered_by"
    )
    if actor.is_secretariat_admin:
        return requests
    if actor.organisation is None or actor.organisation_kind not in ASKERS:
        return PlanTestRequest.objects.none()
    return requests.filter(
        Q(requested_by_organisation=actor.organisation) | Q(company=actor.organisation)
    )


def access_request(actor: Actor, request_id: int) -> PlanTestRequest:
    request = requests_visible_to(actor).filter(pk=request_id).first()
    if request is None:
        raise NotFound
    return request


@transaction.atomic
def plan_test_request(
    *,
    actor: Actor,
    company: Any,
    question: str,
    tender_reference: str = "",
    ambition: str = "",
    attachment: Any = None,
    kind: str = RequestKind.PLAN_TEST,
) -> PlanTestRequest:
    """A government asks to test a member company's plan, or asks a question about a
    member's due diligence during a tender (Art. 6.1); a company asks about its own plan."""
    if actor.organisation_kind not in ASKERS:
        raise PermissionDenied
    if kind not in RequestKind.values or (
        kind == RequestKind.QUESTION and actor.organisation_kind != "government"
    ):
        raise ValidationError({"kind": _("Choose what you ask.")})
    if actor.organisation_kind == "company" and company.pk != actor.organisation_id:
        raise ValidationError({"company": _("A company can have its own plan tested.")})
    if not member_companies().filter(pk=company.pk).exists():
        raise ValidationError({"company": _("Choose a member company.")})
    if not question.strip():
        raise ValidationError({"question": _("Say what you ask the secretariat.")})
    check_attachment(attachment)
    request = PlanTestRequest(
        requested_by_organisation=actor.organisation,
        requested_by=actor.user,
        company=company,
        kind=kind,
        tender_reference=tender_reference.strip(),
        ambition=ambition,
        question=question.strip(),
    )
    if attachment is not None:
        request.attachment_name = attachment.name[:200]
        request.attachment.save(attachment.name, attachment, save=False)
    request.full_clean()
    request.save()
    audit_record(actor=actor, action="plan_test_requested", target=request)
    recipients = list(secretariat_admins())
    transaction.on_commit(
        lambda: _mail(request.pk, recipients, "procurement/email/plan_test_requested.txt")
    )
    return request


@transaction.atomic
def plan_test_answer(
    *, actor: Actor, request: PlanTestRequest, verdict: str, answer: str
) -> PlanTestRequest:
    """A secretariat administrator answers; the person who asked gets an e-mail."""
    require(actor.is_secretariat_admin)
    request = PlanTestRequest.objects.select_for_update().get(pk=request.pk)
    errors = {}
    if request.kind == RequestKind.QUESTION:
        verdict = ""  # a question gets an answer, not a verdict
    elif verdict not in PlanVerdict.values:
        errors["verdict"] = _("Choose the verdict.")
    if not answer.strip():
        errors["answer"] = _("Write the answer.")
    if errors:
        raise ValidationError(errors)
    request.verdict, request.answer = verdict, answer.strip()
    request.answered_by, request.answered_at = actor.user, timezone.now()
    request.save()
    audit_record(
        actor=actor, action="plan_test_answered", target=request, data={"verdict": verdict}
    )
    recipients = [request.requested_by] if request.requested_by.is_active else []
    transaction.on_commit(
        lambda: _mail(request.pk, recipients, "procurement/email/plan_test_answered.txt")
    )
    return request


def _mail(request_id: int, recipients: list[Any], template: str) -> None:
    request = PlanTestRequest.objects.select_related("company", "requested_by_organisation").get(
        pk=request_id
    )
    mail_users(
        recipients,
        lambda: (
            _("TruStone: testing the plan of action of %(company)s")
            % {"company": request.company.name}
        ),
        template,
        {"request": request, "path": reverse("procurement:plan_test", args=[request.pk])},
    )
