"""The register's pages (the secretariat writes, the secretariat and the steering group
read) and the public pages of the published projects."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from supplychain.lists.aggregate import region_buyers
from supplychain.themes import Theme
from trustone.access import policies
from trustone.access.errors import NotFound
from trustone.access.views import PortalView
from trustone.attachments import attachment_content_type
from trustone.audit.services import audit_record
from trustone.forms import add_validation_errors
from trustone.pagination import paginate

from ..models import ParticipantKind, Project, ProjectKind, ProjectStatus
from ..rules import projects as rules
from . import selectors, services
from .forms import CriterionForm, EntryForm, ParticipantForm, ProjectForm

#: Every secretariat user and the steering group (any role) read the register.
REGISTER_READERS: policies.Policy = policies.AnyOf(
    (policies.SECRETARIAT, policies.kinds("steering_group"))
)
REGISTER_WRITERS = policies.SECRETARIAT_ADMIN


class RegisterView(PortalView):
    """Every project and dialogue, filtered by form and status, searched by name or
    region."""

    access_policy = REGISTER_READERS

    def get(self, request: HttpRequest) -> HttpResponse:
        projects = selectors.projects_visible_to(self.actor)
        kind = request.GET.get("kind", "")
        if kind in ProjectKind.values:
            projects = projects.filter(kind=kind)
        status = request.GET.get("status", "")
        if status in ProjectStatus.values:
            projects = projects.filter(status=status)
        query = request.GET.get("q", "").strip()[:100]
        if query:
            projects = projects.filter(
                Q(name__icontains=query) | Q(name_en__icontains=query) | Q(region__icontains=query)
            )
        return render(
            request,
            "assessments/projects/register.html",
            {
                **paginate(request, projects, per_page=25),
                "kind": kind,
                "status": status,
                "q": query,
                "kinds": ProjectKind.choices,
                "statuses": ProjectStatus.choices,
                "may_edit": selectors.may_edit_register(self.actor),
            },
        )


def _known_regions() -> list[str]:
    """The regions where listed member companies source (names only), as suggestions."""
    return sorted({region for _country, region in region_buyers()})


def _initial(project: Project) -> dict[str, Any]:
    return {name: getattr(project, name) for name in services.PROJECT_FIELDS} | {
        "country": str(project.country)
    }


class ProjectEditView(PortalView):
    """Create a project (no pk) or change one."""

    access_policy = REGISTER_WRITERS
    template_name = "assessments/projects/form.html"

    def _render(self, request: HttpRequest, form: ProjectForm, project: Any, status: int = 200):
        return render(
            request, self.template_name, {"form": form, "project": project}, status=status
        )

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        project = selectors.access_project(self.actor, pk) if pk else None
        form = ProjectForm(
            initial=_initial(project) if project else {"status": ProjectStatus.PROPOSED},
            regions=_known_regions(),
        )
        return self._render(request, form, project)

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        project = selectors.access_project(self.actor, pk) if pk else None
        form = ProjectForm(request.POST, regions=_known_regions())
        if form.is_valid():
            try:
                saved = services.project_save(
                    actor=self.actor, data=form.cleaned_data, project=project
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The project is saved."))
                return redirect("projects:project", saved.pk)
        return self._render(request, form, project, status=400)


def _project_page(
    request: HttpRequest,
    actor: Any,
    project: Project,
    *,
    participant_form: ParticipantForm | None = None,
    entry_form: EntryForm | None = None,
    criterion_form: CriterionForm | None = None,
    criterion_code: str = "",
    status: int = 200,
) -> HttpResponse:
    may_edit = selectors.may_edit_register(actor)
    registry_count = selectors.registry_member_count(project)
    criteria = selectors.criteria_status(project)
    criterion_forms = {}
    if may_edit:
        for criterion in criteria:
            criterion_forms[criterion.code] = (
                criterion_form
                if criterion_form is not None and criterion_code == criterion.code
                else CriterionForm(prefix=criterion.code)
            )
    participants = selectors.participants_of(project)
    return render(
        request,
        "assessments/projects/project.html",
        {
            "project": project,
            "theme_labels": [
                label for value, label in Theme.choices if value in (project.themes or [])
            ],
            "participants": participants,
            "member_participants": sum(p.kind == ParticipantKind.MEMBER for p in participants),
            "entries": selectors.entries_of(project),
            "criteria": [(c, criterion_forms.get(c.code)) for c in criteria],
            "registry_count": registry_count,
            "region_known": selectors.region_known(str(project.country), project.region),
            "civil_society": selectors.civil_society_in_region(project),
            "check": selectors.bijlage2_check(project, registry_count),
            "three_companies": rules.THREE_COMPANIES,
            "ngos_active": rules.NGOS_ACTIVE,
            "min_companies": rules.MIN_MEMBER_COMPANIES,
            "may_edit": may_edit,
            "participant_form": participant_form
            or (
                ParticipantForm(
                    organisations=_participant_organisations(),
                    initial={"joined_on": timezone.localdate()},
                )
                if may_edit
                else None
            ),
            "entry_form": entry_form
            or (EntryForm(initial={"on": timezone.localdate()}) if may_edit else None),
            "public_members": rules.public_member_count(
                sum(p.kind == ParticipantKind.MEMBER for p in participants)
            ),
        },
        status=status,
    )


def _participant_organisations() -> Any:
    return (selectors.party_organisations() | selectors.member_companies()).order_by("kind", "name")


class ProjectView(PortalView):
    """A project's page in the register: facts, participants, entries and the check
    against Bijlage 2; the coordinator's forms."""

    access_policy = REGISTER_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return _project_page(request, self.actor, selectors.access_project(self.actor, pk))


class ProjectPublishView(PortalView):
    access_policy = REGISTER_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = selectors.access_project(self.actor, pk)
        publish = request.POST.get("publish") == "1"
        try:
            services.project_publish(actor=self.actor, project=project, publish=publish)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The public page is published.")
                if publish
                else _("The public page is taken offline."),
            )
        return redirect("projects:project", pk)


class ParticipantAddView(PortalView):
    access_policy = REGISTER_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = selectors.access_project(self.actor, pk)
        form = ParticipantForm(
            request.POST, request.FILES, organisations=_participant_organisations()
        )
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.participant_add(
                    actor=self.actor,
                    project=project,
                    kind=data["kind"],
                    organisation=data["organisation"],
                    name=data["name"],
                    role=data["role"],
                    document=data["document"],
                    document_file=data["document_file"],
                    document_signed_on=data["document_signed_on"],
                    is_public=data["is_public"],
                    joined_on=data["joined_on"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The participant is added."))
                return redirect(f"{_project_url(pk)}#participants")
        return _project_page(request, self.actor, project, participant_form=form, status=400)


def _project_url(pk: int) -> str:
    return reverse("projects:project", args=[pk])


class ParticipantRemoveView(PortalView):
    access_policy = REGISTER_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        participant = selectors.access_participant(self.actor, pk)
        project_pk = participant.project_id
        services.participant_remove(actor=self.actor, participant=participant)
        messages.success(request, _("The participant is removed."))
        return redirect(f"{_project_url(project_pk)}#participants")


class ParticipantDocumentView(PortalView):
    """A participant's signed document, for the register's readers; every download is
    in the audit log."""

    access_policy = REGISTER_READERS

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        participant = selectors.access_participant_document(self.actor, pk)
        audit_record(
            actor=self.actor,
            action="project_document_viewed",
            target=participant.project,
            data={"participant": participant.pk},
            request=request,
        )
        name = str(participant.document_file.name).rsplit("/", 1)[-1]
        return FileResponse(
            participant.document_file.open("rb"),
            as_attachment=True,
            filename=name,
            content_type=attachment_content_type(name),
        )


class EntryAddView(PortalView):
    access_policy = REGISTER_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = selectors.access_project(self.actor, pk)
        form = EntryForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.entry_add(
                    actor=self.actor,
                    project=project,
                    kind=data["kind"],
                    on=data["on"],
                    text=data["text"],
                    text_en=data["text_en"],
                    is_public=data["is_public"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The entry is recorded."))
                return redirect(f"{_project_url(pk)}#entries")
        return _project_page(request, self.actor, project, entry_form=form, status=400)


class EntryRemoveView(PortalView):
    access_policy = REGISTER_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        entry = selectors.access_entry(self.actor, pk)
        project_pk = entry.project_id
        services.entry_remove(actor=self.actor, entry=entry)
        messages.success(request, _("The entry is removed."))
        return redirect(f"{_project_url(project_pk)}#entries")


class CriterionJudgeView(PortalView):
    access_policy = REGISTER_WRITERS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, code: str) -> HttpResponse:
        project = selectors.access_project(self.actor, pk)
        if code not in rules.CRITERION_CODES:
            raise NotFound
        form = CriterionForm(request.POST, prefix=code)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.criterion_judge(
                    actor=self.actor,
                    project=project,
                    criterion=code,
                    judgement=data["judgement"],
                    note=data["note"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The judgement is recorded."))
                return redirect(f"{_project_url(pk)}#criteria")
        return _project_page(
            request, self.actor, project, criterion_form=form, criterion_code=code, status=400
        )


# --- Public pages ---------------------------------------------------------------------


class PublicProjectListView(PortalView):
    """The published projects and dialogues (no login)."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "assessments/projects/public_list.html",
            {"projects": selectors.public_project_list()},
        )


class PublicProjectView(PortalView):
    """A published project's public page; an unknown or unpublished one is not found."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return render(
            request,
            "assessments/projects/public_detail.html",
            {
                "project": selectors.public_project(slug),
                "min_companies": rules.MIN_MEMBER_COMPANIES,
            },
        )
