"""Reads of the register of projects and dialogues. Who sees what (DOMAIN §9, §5):

- every secretariat user and the steering group read the whole register: every project,
  its participants (with their signed documents), entries and criteria;
- the public reads the published projects only, and of them only what is marked public;
  a member company is never named there, and their number only from three on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from anyascii import anyascii
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from members.models import Organisation
from members.public import listed_organisations
from supplychain.lists.aggregate import region_buyers
from supplychain.models import Signal
from supplychain.places import area_of
from supplychain.themes import Theme
from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.languages import portal_language

from ..models import (
    ParticipantKind,
    Project,
    ProjectCriterion,
    ProjectEntry,
    ProjectParticipant,
    ProjectStatus,
)
from ..rules import projects as rules

STEERING_GROUP = "steering_group"


def may_read_register(actor: Actor) -> bool:
    """Every secretariat user and every steering group member (any role)."""
    return actor.is_secretariat or actor.organisation_kind == STEERING_GROUP


def may_edit_register(actor: Actor) -> bool:
    """The secretariat's administrators (the coordinator)."""
    return actor.is_secretariat_admin


def projects_visible_to(actor: Actor) -> QuerySet[Project]:
    """The register for its readers, with the counts its list shows; none for others."""
    if not may_read_register(actor):
        return Project.objects.none()
    return Project.objects.annotate(
        participant_count=Count("participants", distinct=True),
        member_count=Count(
            "participants", filter=Q(participants__kind=ParticipantKind.MEMBER), distinct=True
        ),
        last_entry_on=Max("entries__on"),
    ).order_by("status", "name")


def access_project(actor: Actor, project_id: int) -> Project:
    """One project of the register, for its readers; NotFound for missing and forbidden."""
    project = projects_visible_to(actor).filter(pk=project_id).first()
    if project is None:
        raise NotFound
    return project


def access_participant(actor: Actor, participant_id: int) -> ProjectParticipant:
    """A participant of a project of the register, for its readers."""
    participant = (
        ProjectParticipant.objects.filter(pk=participant_id, project__in=projects_visible_to(actor))
        .select_related("project", "organisation")
        .first()
    )
    if participant is None:
        raise NotFound
    return participant


def access_participant_document(actor: Actor, participant_id: int) -> ProjectParticipant:
    """A participant's signed document, for the register's readers only."""
    participant = access_participant(actor, participant_id)
    if not participant.document_file:
        raise NotFound
    return participant


def access_entry(actor: Actor, entry_id: int) -> ProjectEntry:
    entry = (
        ProjectEntry.objects.filter(pk=entry_id, project__in=projects_visible_to(actor))
        .select_related("project")
        .first()
    )
    if entry is None:
        raise NotFound
    return entry


#: The order participants are listed in: parties, member companies, local organisations,
#: others.
KIND_ORDER = {kind: index for index, kind in enumerate(ParticipantKind.values)}


def _in_order(participants: list[ProjectParticipant]) -> list[ProjectParticipant]:
    return sorted(
        participants, key=lambda p: (KIND_ORDER.get(p.kind, 9), _participant_name(p).lower())
    )


def participants_of(project: Project) -> list[ProjectParticipant]:
    return _in_order(list(project.participants.select_related("organisation")))


def entries_of(project: Project) -> list[ProjectEntry]:
    return list(project.entries.select_related("recorded_by").order_by("-on", "-id"))


def party_organisations() -> QuerySet[Organisation]:
    """The organisations that can take part as a party: NGOs, unions, sector
    organisations and governments."""
    return Organisation.objects.filter(kind__in=rules.PARTY_KINDS, is_active=True).order_by("name")


def member_companies() -> QuerySet[Organisation]:
    """The listed member companies (they take part as member companies)."""
    return listed_organisations().filter(kind="company", is_active=True).order_by("name")


def registry_member_count(project: Project) -> int:
    """How many listed member companies source in the project's region, by the registry
    (any site kind). A number only: the page never names them."""
    return len(region_buyers().get((str(project.country), project.region), set()))


def member_participant_count(project: Project) -> int:
    return project.participants.filter(kind=ParticipantKind.MEMBER).count()


def region_known(country: str, region: str) -> bool:
    """Whether the registry's places know a region of this name in the country."""
    return _canonical_region(country, region) == region


def _key(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in anyascii(text).lower()).split())


def _canonical_region(country: str, region: str) -> str:
    """The region as the registry's places spell it, when `region` names one; else ""."""
    area = area_of(country, place=region)
    return area.region if area.region and _key(area.region) == _key(region) else ""


def canonical_region(country: str, region: str) -> str:
    """`region` spelt the way the registry's places spell it (when they know it)."""
    return _canonical_region(country, region) or region.strip()


def _signal_region(signal: Signal) -> str:
    site = signal.site
    if site is not None:
        area = area_of(
            str(site.country),
            None if site.latitude is None else float(site.latitude),
            None if site.longitude is None else float(site.longitude),
            site.place,
            site.address,
        )
        return area.region
    parts = [part.strip() for part in signal.region.split(",")]
    return area_of(str(signal.country), place=signal.region, address=", ".join(parts)).region


def civil_society_in_region(project: Project) -> dict[str, list[str]]:
    """For the criterion "NGOs active in the region": the NGOs and unions that filed
    signals about the project's country and region, and those taking part."""
    signals = Signal.objects.filter(
        country=project.country, organisation__kind__in=rules.CIVIL_SOCIETY_KINDS
    ).select_related("organisation", "site")
    region = _key(project.region)
    signalled = sorted(
        {
            signal.organisation.name
            for signal in signals
            if _key(_signal_region(signal)) == region
            or (region and f" {region} " in f" {_key(signal.region)} ")
        }
    )
    participating = sorted(
        project.participants.filter(organisation__kind__in=rules.CIVIL_SOCIETY_KINDS).values_list(
            "organisation__name", flat=True
        )
    )
    return {"signalled": signalled, "participating": participating}


@dataclass
class CriterionStatus:
    """One criterion of Bijlage 2 on a project's page: its latest judgement, if any."""

    code: str
    label: str
    latest: ProjectCriterion | None
    earlier: int  # how many earlier judgements the history keeps


def criteria_status(project: Project) -> list[CriterionStatus]:
    """Every criterion of Bijlage 2 with its latest judgement (who, when, why)."""
    judged: dict[str, list[ProjectCriterion]] = {}
    for row in project.criteria.select_related("judged_by").order_by("-judged_at", "-id"):
        judged.setdefault(row.criterion, []).append(row)
    statuses = []
    for criterion in rules.CRITERIA:
        rows = judged.get(criterion.code, [])
        statuses.append(
            CriterionStatus(
                criterion.code,
                gettext(criterion.label),
                rows[0] if rows else None,
                max(len(rows) - 1, 0),
            )
        )
    return statuses


def latest_judgements(project: Project) -> dict[str, str]:
    rows: list[tuple[str, str, datetime]] = list(
        project.criteria.order_by("judged_at", "id").values_list(
            "criterion", "judgement", "judged_at"
        )
    )
    return rules.latest_judgements(rows)


def bijlage2_check(project: Project, registry_count: int) -> dict[str, Any]:
    """Whether the proposal meets Bijlage 2, and what keeps it from doing so (labels)."""
    shortfalls = rules.bijlage2_shortfalls(
        latest_judgements(project), registry_count=registry_count
    )
    labels = {criterion.code: gettext(criterion.label) for criterion in rules.CRITERIA}
    labels["registry_count"] = gettext(
        "The registry shows fewer than three member companies sourcing in the region"
    )
    return {"meets": not shortfalls, "shortfalls": [labels[code] for code in shortfalls]}


# --- The public pages and the annual report -------------------------------------------


def _published() -> QuerySet[Project]:
    public_participants = (
        ProjectParticipant.objects.filter(is_public=True)
        .exclude(kind=ParticipantKind.MEMBER)
        .select_related("organisation")
        .order_by("kind", "name", "id")
    )
    return (
        Project.objects.filter(is_published=True)
        .annotate(
            member_participants=Count(
                "participants", filter=Q(participants__kind=ParticipantKind.MEMBER)
            )
        )
        .prefetch_related(
            Prefetch("participants", queryset=public_participants, to_attr="public_participants"),
            Prefetch(
                "entries",
                queryset=ProjectEntry.objects.filter(is_public=True).order_by("-on", "-id"),
                to_attr="public_entries",
            ),
        )
        .order_by("status", "name")
    )


def _theme_labels(themes: list[str]) -> list[str]:
    names = dict(Theme.choices)
    return [str(names[theme]) for theme in Theme.values if theme in themes]


def _public_dict(project: Project) -> dict[str, Any]:
    """What may be published about a project, as plain values (labels in the active
    language, texts in both)."""
    participants = _in_order(project.public_participants)  # type: ignore[attr-defined]
    entries: list[ProjectEntry] = project.public_entries  # type: ignore[attr-defined]
    return {
        "slug": project.slug,
        "name": project.name,
        "name_en": project.name_en,
        "kind": project.kind,
        "kind_label": str(project.get_kind_display()),
        "status": project.status,
        "status_label": str(project.get_status_display()),
        "country": str(project.country),
        "country_name": str(project.country.name),  # type: ignore[attr-defined]
        "region": project.region,
        "stone": project.stone,
        "themes": [theme for theme in Theme.values if theme in project.themes],
        "theme_labels": _theme_labels(project.themes),
        "started_on": project.started_on,
        "ended_on": project.ended_on,
        "summary": project.summary,
        "summary_en": project.summary_en,
        "member_companies": rules.public_member_count(
            project.member_participants  # type: ignore[attr-defined]
        ),
        "has_member_companies": project.member_participants > 0,  # type: ignore[attr-defined]
        "participants": [_participant_name(p) for p in participants],
        "participant_rows": [
            {
                "name": _participant_name(p),
                "kind": p.kind,
                "kind_label": str(p.get_kind_display()),
                "role": p.role,
            }
            for p in participants
        ],
        "entries": [
            {
                "kind": entry.kind,
                "kind_label": str(entry.get_kind_display()),
                "on": entry.on,
                "text": entry.text,
                "text_en": entry.text_en,
            }
            for entry in entries
        ],
    }


def _participant_name(participant: ProjectParticipant) -> str:
    if participant.organisation is not None:
        return participant.organisation.name
    return participant.name


def public_projects() -> list[dict[str, Any]]:
    """The published projects as plain dicts, for the annual report (any reader): name,
    name_en, kind (and its label), status, country, region, stone, themes, summary,
    summary_en, member_companies (None below three), the public participants' names and
    the public entries. No member company is named."""
    return [_public_dict(project) for project in _published()]


def _localised(row: dict[str, Any], language: str) -> dict[str, Any]:
    row = dict(row)
    row["title"] = rules.in_language(row["name"], row["name_en"], language)
    row["summary_text"] = rules.in_language(row["summary"], row["summary_en"], language)
    row["entries"] = [
        {**entry, "text_shown": rules.in_language(entry["text"], entry["text_en"], language)}
        for entry in row["entries"]
    ]
    return row


def public_project_list() -> list[dict[str, Any]]:
    """The published projects in the reader's language, for the public list."""
    language = portal_language()
    return [_localised(row, language) for row in public_projects()]


def public_project(slug: str) -> dict[str, Any]:
    """One published project's public page in the reader's language; NotFound for an
    unknown or unpublished one (for everyone: the register has its own page)."""
    project = _published().filter(slug=slug).first()
    if project is None:
        raise NotFound
    return _localised(_public_dict(project), portal_language())


# --- The steering group's dashboard ---------------------------------------------------


def project_tasks(actor: Actor) -> list[tuple[str, str]]:
    """For the steering group: the proposals waiting for its decision."""
    if actor.organisation_kind != STEERING_GROUP:
        return []
    proposed = Project.objects.filter(status=ProjectStatus.PROPOSED).count()
    if not proposed:
        return []
    label = ngettext(
        "%(count)s project proposal to decide on",
        "%(count)s project proposals to decide on",
        proposed,
    ) % {"count": proposed}
    return [(label, reverse("projects:register") + "?status=proposed")]
