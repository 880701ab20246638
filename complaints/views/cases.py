"""The case file, for whoever may open it: the committee works it (steps, messages,
recusal, staff, the member concerned, publication); the assigned secretariat staff
support it; the complainant organisation of a dispute and the member concerned read what
is addressed to them and answer. Disputes are filed here; the coordinator records the
steering group's decision on a referral."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from .. import rules, selectors, services
from ..forms import (
    CommitteeMessageForm,
    DisputeForm,
    OrganisationChoiceForm,
    PartyMessageForm,
    PublishForm,
    RecuseForm,
    ReferralForm,
    StaffForm,
    StepForm,
)
from ..models import Case, CaseKind, CaseStatus
from ..selectors import PARTY_KINDS, Reader
from .common import attachment_response

COMMITTEE: policies.Policy = policies.kinds("complaints_committee")
COMMITTEE_CHAIR = policies.kinds("complaints_committee", roles=["admin"])
#: Who may have a case file open: the committee, the secretariat (the staff a case is
#: assigned to) and the parties; which cases, the selectors decide.
CASE_READERS: policies.Policy = policies.AnyOf(
    (COMMITTEE, policies.SECRETARIAT, policies.kinds(*PARTY_KINDS))
)
#: Who may write in a case file: a plain secretariat member writes nothing (issue 9), so
#: the committee assigns only the coordinator and assessors as staff.
CASE_WRITERS: policies.Policy = policies.AnyOf(
    (COMMITTEE, policies.SECRETARIAT_ASSESSING, policies.kinds(*PARTY_KINDS))
)
DISPUTE_FILERS = policies.kinds(*PARTY_KINDS, roles=["admin"])


class CaseListView(PortalView):
    """The cases the actor may open, newest first, with filters for the committee."""

    access_policy = CASE_READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        cases = selectors.cases_visible_to(self.actor)
        status = request.GET.get("status", "")
        if status in CaseStatus.values:
            cases = cases.filter(status=status)
        kind = request.GET.get("kind", "")
        if kind in CaseKind.values:
            cases = cases.filter(kind=kind)
        overdue = request.GET.get("overdue") == "1"
        if overdue:
            cases = selectors.overdue_cases(cases)
        page = paginate(request, cases, per_page=25)
        overdue_ids = set(
            selectors.overdue_cases(
                selectors.cases_visible_to(self.actor).filter(
                    pk__in=[case.pk for case in page["page"].object_list]
                )
            ).values_list("pk", flat=True)
        )
        page["rows"] = [(case, case.pk in overdue_ids) for case in page["page"].object_list]
        return render(
            request,
            "complaints/cases.html",
            {
                **page,
                "status": status,
                "kind": kind,
                "overdue": overdue,
                "statuses": CaseStatus.choices,
                "kinds": CaseKind.choices,
                "inside": selectors.is_committee(self.actor) or self.actor.is_secretariat,
                "may_file": DISPUTE_FILERS.allows(self.actor),
            },
        )


class CaseView(PortalView):
    """One case file. Opening it is logged."""

    access_policy = CASE_READERS

    def get(self, request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
        case, reader = selectors.access_case(self.actor, pk)
        case_file = services.case_file_read(actor=self.actor, case=case, reader=reader)
        context: dict[str, Any] = {
            "file": case_file,
            "case": case,
            "reader": str(reader),
            "overdue": selectors.case_is_overdue(case),
            "is_open": case.status != CaseStatus.CLOSED,
            "inside": reader in (Reader.COMMITTEE, Reader.STAFF),
        }
        if reader == Reader.COMMITTEE:
            steps = rules.steps_open(case.status)
            context.update(
                step_form=forms.get("step_form") or (StepForm(steps=steps) if steps else None),
                message_form=forms.get("message_form") or CommitteeMessageForm(),
                respondent_form=OrganisationChoiceForm(
                    organisations=services.dispute_parties(self.actor),
                    initial={"respondent": case.respondent_id},
                ),
                recuse_form=RecuseForm(people=services.recusable_people(case)),
                staff_form=StaffForm(
                    people=services.assignable_staff(),
                    initial={"staff": list(case.assigned_staff.values_list("pk", flat=True))},
                )
                if selectors.is_committee_chair(self.actor)
                else None,
                has_ruling=case.entries.filter(step="ruling").exists(),
                published=selectors.published_ruling_of(case),
            )
        elif reader == Reader.STAFF:
            if CASE_WRITERS.allows(self.actor):
                context["message_form"] = forms.get("message_form") or CommitteeMessageForm()
        elif context["is_open"]:
            context["party_form"] = forms.get("message_form") or PartyMessageForm()
        status = 400 if forms else 200
        return render(request, "complaints/case.html", context, status=status)


class CaseMessageView(CaseView):
    access_policy = CASE_READERS
    write_policy = CASE_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        case, reader = selectors.access_case(self.actor, pk)
        inside = reader in (Reader.COMMITTEE, Reader.STAFF)
        form: CommitteeMessageForm | PartyMessageForm = (
            CommitteeMessageForm(request.POST, request.FILES)
            if inside
            else PartyMessageForm(request.POST, request.FILES)
        )
        if form.is_valid():
            try:
                services.case_message_post(
                    actor=self.actor,
                    case=case,
                    reader=reader,
                    body=form.cleaned_data["body"],
                    attachments=form.cleaned_data["attachments"],
                    audience=form.cleaned_data.get("audience", ""),
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Your message is in the case file."))
                return redirect("complaints:case", pk)
        return self.get(request, pk, message_form=form)


class CaseStepView(CaseView):
    access_policy = COMMITTEE
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        case, reader = selectors.access_case(self.actor, pk)
        form = StepForm(request.POST, steps=rules.steps_open(case.status))
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.case_step_take(
                    actor=self.actor,
                    case=case,
                    step=data["step"],
                    text=data["text"],
                    on=data["on"],
                    audience=data["audience"] or "parties",
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The step is recorded in the case file."))
                return redirect("complaints:case", pk)
        return self.get(request, pk, step_form=form)


def _back(request: HttpRequest, pk: int, error: ValidationError | None, done: str) -> HttpResponse:
    if error is not None:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("complaints:case", pk)


class CaseRespondentView(PortalView):
    access_policy = COMMITTEE
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        case, _reader = selectors.access_case(self.actor, pk)
        form = OrganisationChoiceForm(
            request.POST, organisations=services.dispute_parties(self.actor)
        )
        error = None
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose a member or party."))
            services.case_respondent_set(
                actor=self.actor, case=case, organisation_id=form.cleaned_data["respondent"]
            )
        except ValidationError as problem:
            error = problem
        return _back(request, pk, error, _("The member concerned is recorded."))


class CaseStaffView(PortalView):
    access_policy = COMMITTEE_CHAIR
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        case, _reader = selectors.access_case(self.actor, pk)
        form = StaffForm(request.POST, people=services.assignable_staff())
        error = None
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose people of the secretariat."))
            services.case_staff_assign(
                actor=self.actor, case=case, user_ids=form.cleaned_data["staff"]
            )
        except ValidationError as problem:
            error = problem
        return _back(request, pk, error, _("The secretariat staff on this case are saved."))


class CaseRecuseView(PortalView):
    access_policy = COMMITTEE
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        case, _reader = selectors.access_case(self.actor, pk)
        form = RecuseForm(request.POST, people=services.recusable_people(case))
        if not form.is_valid():
            return _back(request, pk, ValidationError(_("Choose who is recused.")), "")
        services.case_recuse(actor=self.actor, case=case, user_id=form.cleaned_data["user"])
        messages.success(request, _("The recusal is recorded."))
        if form.cleaned_data["user"] == self.actor.person.pk:
            return redirect("complaints:cases")
        return redirect("complaints:case", pk)


class CasePublishView(PortalView):
    """The committee publishes its ruling in anonymised form, or takes it off."""

    access_policy = COMMITTEE
    template_name = "complaints/publish.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        case, _reader = selectors.access_case(self.actor, pk)
        published = selectors.published_ruling_of(case)
        initial = {"title": published.title, "summary": published.summary} if published else {}
        return render(
            request,
            self.template_name,
            {"case": case, "form": PublishForm(initial=initial), "published": published},
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        case, _reader = selectors.access_case(self.actor, pk)
        if "unpublish" in request.POST:
            services.ruling_unpublish(actor=self.actor, case=case)
            messages.success(request, _("The ruling is taken off the public page."))
            return redirect("complaints:case", pk)
        form = PublishForm(request.POST)
        if form.is_valid():
            try:
                ruling = services.ruling_publish(
                    actor=self.actor,
                    case=case,
                    title=form.cleaned_data["title"],
                    summary=form.cleaned_data["summary"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The anonymised ruling is published."))
                return redirect("complaints:ruling", ruling.pk)
        return render(request, self.template_name, {"case": case, "form": form}, status=400)


class CaseAttachmentView(PortalView):
    access_policy = CASE_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        case, reader = selectors.attachment_case(self.actor, pk)
        attachment = selectors.access_attachment(case, reader, pk)
        name, data = services.attachment_read(actor=self.actor, case=case, attachment=attachment)
        return attachment_response(name, data, attachment)


class DisputeCreateView(PortalView):
    """An administrator of a party or member files a dispute about how the covenant is
    applied."""

    access_policy = DISPUTE_FILERS
    template_name = "complaints/dispute_form.html"

    def _form(self, *args: Any) -> DisputeForm:
        return DisputeForm(*args, organisations=services.dispute_parties(self.actor))

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": self._form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                case = services.dispute_file(
                    actor=self.actor,
                    respondent_id=data["respondent"],
                    subject=data["subject"],
                    description=data["description"],
                    remedy=data["remedy"],
                    attachments=data["attachments"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "The committee has your dispute under reference %(reference)s. "
                        "While it is pending, neither side can give notice."
                    )
                    % {"reference": case.reference},
                )
                return redirect("complaints:case", case.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class ReferralListView(PortalView):
    """The coordinator's list of members the committee referred to the steering group
    (a ruling culpably ignored): reference and member only, never the case's content."""

    access_policy = policies.SECRETARIAT_ADMIN

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "complaints/referrals.html",
            {
                "referrals": [
                    (case, ReferralForm(prefix=f"referral-{case.pk}"))
                    for case in selectors.referrals_visible_to(self.actor)
                ],
            },
        )


class ReferralDecideView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        case: Case = selectors.access_referral(self.actor, pk)
        form = ReferralForm(request.POST, prefix=f"referral-{case.pk}")
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose the decision and give its date."))
            services.referral_decide(
                actor=self.actor,
                case=case,
                expelled=form.cleaned_data["expelled"],
                decided_on=form.cleaned_data["decided_on"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("complaints:referrals")
        if form.cleaned_data["expelled"] and case.respondent_id:
            messages.success(
                request,
                _("The decision is recorded. Now record the expulsion in the membership:"),
            )
            return redirect(
                reverse("members:covenant_edit", args=[case.respondent_id])
                + f"?termination=expulsion&decided={form.cleaned_data['decided_on'].isoformat()}"
                + "#termination"
            )
        messages.success(request, _("The decision is recorded and the case closed."))
        return redirect("complaints:referrals")
