"""Writes of the register of projects and dialogues: the coordinator (a secretariat
administrator) creates and changes projects, adds and removes participants, records
decisions, goals and progress, judges a proposal against Bijlage 2 and publishes the
public page. Every write is in the audit log."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation
from supplychain.themes import Theme
from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.attachments import check_attachment
from trustone.audit.services import audit_record
from trustone.services import model_update

from ..models import (
    ParticipantKind,
    Project,
    ProjectCriterion,
    ProjectEntry,
    ProjectEntryKind,
    ProjectParticipant,
)
from ..rules import projects as rules
from .selectors import (
    canonical_region,
    may_edit_register,
    member_companies,
    member_participant_count,
    registry_member_count,
)

PROJECT_FIELDS = (
    "slug",
    "name",
    "name_en",
    "kind",
    "status",
    "country",
    "region",
    "stone",
    "themes",
    "started_on",
    "ended_on",
    "summary",
    "summary_en",
)


def _participant_messages() -> dict[str, str]:
    return {
        "party_kind": _("Choose an NGO, union, sector organisation or government."),
        "not_a_member": _("Choose a listed member company."),
        "organisation_not_allowed": _(
            "A local organisation or other participant is named, not chosen from the portal."
        ),
        "name_missing": _("Give the participant's name."),
        "document_missing": _(
            "A participant that is not a member takes part only with a signed declaration "
            "of intent or confidentiality protocol: choose which."
        ),
        "signed_on_missing": _("Give the date the document was signed."),
        "signed_in_future": _("This date is in the future."),
        "file_missing": _("Upload the signed document (PDF)."),
        "unknown_kind": _("Choose what kind of participant this is."),
    }


@transaction.atomic
def project_save(*, actor: Actor, data: dict[str, Any], project: Project | None = None) -> Project:
    """The coordinator creates a project or dialogue, or changes one. The region is
    spelt as the registry's places spell it, so that the member companies sourcing
    there can be counted."""
    require(may_edit_register(actor))
    values = {name: data[name] for name in PROJECT_FIELDS if name in data}
    for name in ("slug", "name", "name_en", "region", "stone", "summary", "summary_en"):
        if name in values:
            values[name] = str(values[name] or "").strip()
    values["themes"] = [t for t in Theme.values if t in (values.get("themes") or [])]
    values["country"] = str(values.get("country") or "")
    values["region"] = canonical_region(values["country"], values.get("region", ""))
    errors: dict[str, str] = {}
    if rules.ended_before_started(values.get("started_on"), values.get("ended_on")):
        errors["ended_on"] = _("The end date is before the start date.")
    slug = values.get("slug", "")
    others = Project.objects.exclude(pk=project.pk) if project is not None else Project.objects
    if slug and others.filter(slug=slug).exists():
        errors["slug"] = _("Another project has this web address.")
    if errors:
        raise ValidationError(errors)
    creating = project is None
    project, changed = model_update(
        project or Project(), fields=PROJECT_FIELDS, data=values, user=actor.person
    )
    if creating or changed:
        audit_record(
            actor=actor,
            action="project_created" if creating else "project_changed",
            target=project,
        )
    return project


@transaction.atomic
def project_publish(*, actor: Actor, project: Project, publish: bool) -> Project:
    """The coordinator publishes the project's public page (it needs a public summary),
    or takes it offline."""
    require(may_edit_register(actor))
    project = Project.objects.select_for_update().get(pk=project.pk)
    if publish and not project.summary.strip():
        raise ValidationError(_("Write the public summary before you publish the page."))
    if project.is_published != publish:
        project.is_published = publish
        project.updated_at, project.updated_by = timezone.now(), actor.person
        project.save(update_fields=["is_published", "updated_at", "updated_by"])
        audit_record(
            actor=actor,
            action="project_published" if publish else "project_unpublished",
            target=project,
        )
    return project


@transaction.atomic
def participant_add(
    *,
    actor: Actor,
    project: Project,
    kind: str,
    organisation: Organisation | None,
    name: str,
    role: str,
    document: str,
    document_file: Any,
    document_signed_on: date | None,
    is_public: bool,
    joined_on: date | None,
) -> ProjectParticipant:
    """The coordinator adds a participant: a party (an NGO, union, sector organisation or
    government of the portal), a listed member company (never named publicly), or a
    local organisation or other participant by name, with its signed declaration of
    intent or confidentiality protocol (a PDF). Nothing is saved when anything is wrong."""
    require(may_edit_register(actor))
    non_member = kind in rules.NON_MEMBER_KINDS
    is_listed = (
        organisation is not None
        and kind == ParticipantKind.MEMBER
        and member_companies().filter(pk=organisation.pk).exists()
    )
    problems = rules.participant_problems(
        kind=kind,
        organisation_kind=organisation.kind if organisation is not None else None,
        is_listed_company=is_listed,
        name=name,
        document=document,
        signed_on=document_signed_on,
        has_file=bool(document_file),
        today=timezone.localdate(),
    )
    messages = _participant_messages()
    errors = {field: messages[code] for field, code in problems.items()}
    if document_file and "document_file" not in errors:
        try:
            check_attachment(document_file, field="document_file")
        except ValidationError as problem:
            errors["document_file"] = " ".join(problem.messages)
        else:
            if not document_file.name.lower().endswith(".pdf"):
                errors["document_file"] = _("Upload the signed document as a PDF.")
    if (
        organisation is not None
        and not errors
        and project.participants.filter(organisation=organisation).exists()
    ):
        errors["organisation"] = _("This organisation already takes part.")
    if errors:
        raise ValidationError(errors)
    participant = ProjectParticipant(
        project=project,
        kind=kind,
        organisation=None if non_member else organisation,
        name=name.strip() if non_member else "",
        role=role.strip(),
        document=document if non_member else "",
        document_signed_on=document_signed_on if non_member else None,
        # A member company is never named on the public page (DOMAIN §5).
        is_public=is_public and kind != ParticipantKind.MEMBER,
        joined_on=joined_on,
    )
    if non_member:
        document_file.name = document_file.name[-80:]
        participant.document_file = document_file
    participant.full_clean()
    participant.save()
    audit_record(
        actor=actor,
        action="project_participant_added",
        target=project,
        data={"participant": participant.pk, "kind": kind},
    )
    return participant


@transaction.atomic
def participant_remove(*, actor: Actor, participant: ProjectParticipant) -> None:
    """The coordinator removes a participant (its signed document goes with it)."""
    require(may_edit_register(actor))
    project = participant.project
    kind, pk = participant.kind, participant.pk
    document = participant.document_file.name if participant.document_file else ""
    storage = participant.document_file.storage
    participant.delete()
    if document:
        transaction.on_commit(lambda: storage.delete(document))
    audit_record(
        actor=actor,
        action="project_participant_removed",
        target=project,
        data={"participant": pk, "kind": kind},
    )


@transaction.atomic
def entry_add(
    *,
    actor: Actor,
    project: Project,
    kind: str,
    on: date | None,
    text: str,
    text_en: str,
    is_public: bool,
) -> ProjectEntry:
    """The coordinator records a decision of the steering group, a goal or progress."""
    require(may_edit_register(actor))
    errors: dict[str, str] = {}
    if kind not in ProjectEntryKind.values:
        errors["kind"] = _("Choose a decision, a goal or progress.")
    if on is None:
        errors["on"] = _("Give the date.")
    if not text.strip():
        errors["text"] = _("Write what was decided, aimed at or achieved.")
    if errors or on is None:
        raise ValidationError(errors)
    entry = ProjectEntry(
        project=project,
        kind=kind,
        on=on,
        text=text.strip(),
        text_en=text_en.strip(),
        is_public=is_public,
        recorded_by=actor.person,
    )
    entry.full_clean()
    entry.save()
    audit_record(
        actor=actor,
        action="project_entry_added",
        target=project,
        data={"entry": entry.pk, "kind": kind, "public": is_public},
    )
    return entry


@transaction.atomic
def entry_remove(*, actor: Actor, entry: ProjectEntry) -> None:
    """The coordinator removes an entry recorded by mistake."""
    require(may_edit_register(actor))
    project, pk, kind = entry.project, entry.pk, entry.kind
    entry.delete()
    audit_record(
        actor=actor,
        action="project_entry_removed",
        target=project,
        data={"entry": pk, "kind": kind},
    )


@transaction.atomic
def criterion_judge(
    *, actor: Actor, project: Project, criterion: str, judgement: str, note: str
) -> ProjectCriterion:
    """The coordinator records a judgement of one criterion of Bijlage 2 (the history is
    kept; the latest counts). With it go the portal's aids: how many listed member
    companies source in the region by the registry, and how many take part. The
    three-companies criterion cannot be met while the registry shows fewer than three."""
    require(may_edit_register(actor))
    registry_count = registry_member_count(project)
    problem = rules.judgement_problem(
        criterion=criterion, judgement=judgement, registry_count=registry_count
    )
    if problem == "unknown_criterion":
        raise ValidationError({"criterion": _("Choose a criterion of Bijlage 2.")})
    if problem == "unknown_judgement":
        raise ValidationError({"judgement": _("Choose met or not met.")})
    if problem == "too_few_companies":
        raise ValidationError(
            {
                "judgement": _(
                    "This criterion cannot be met: the registry shows %(count)s listed member "
                    "companies sourcing in %(region)s, fewer than three."
                )
                % {"count": registry_count, "region": project.region}
            }
        )
    computed: dict[str, Any] = {}
    if criterion == rules.THREE_COMPANIES:
        computed = {
            "registry_companies": registry_count,
            "member_participants": member_participant_count(project),
        }
    row = ProjectCriterion(
        project=project,
        criterion=criterion,
        judgement=judgement,
        note=note.strip(),
        computed=computed,
        judged_by=actor.person,
        judged_at=timezone.now(),
    )
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        action="project_criterion_judged",
        target=project,
        data={"criterion": criterion, "judgement": judgement, **computed},
    )
    return row
