"""Pure rules of the register of projects and dialogues (Art. 6.15, Bijlage 2; DOMAIN §9):
the criteria a proposal is checked against, when it meets them, what a participant who
is not a member must have signed, and what the public page may say about member
companies. Standard library only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

#: DOMAIN §9: at least three TruStone companies source in the production region. The same
#: threshold keeps a public count of member companies from pointing at one or two.
MIN_MEMBER_COMPANIES = 3

#: Organisation kinds that take part as a party to the covenant.
PARTY_KINDS = ("ngo", "union", "sector_organisation", "government")
#: Organisation kinds whose activity in a region counts for "NGOs active in the region".
CIVIL_SOCIETY_KINDS = ("ngo", "union")
#: Participant kinds that are not members: they sign a declaration of intent or a
#: confidentiality protocol before they take part (Bijlage 2, "Omgang met gegevens").
NON_MEMBER_KINDS = ("local", "other")
DOCUMENT_KINDS = ("intent", "confidentiality")
JUDGEMENTS = ("met", "not_met")

THREE_COMPANIES = "three_companies"
NGOS_ACTIVE = "ngos_active"
CHAIN_SUPPORT = "chain_support"
LOCAL_GOVERNMENT = "local_government"
RISK_SEVERITY = "risk_severity"


def gettext_noop(text: str) -> str:
    """Marks a label for the translation catalogue (makemessages finds it by this name);
    the pages translate it when they show it."""
    return text


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str


#: Bijlage 2: what a proposal for a new project is checked against, in the annex's order.
CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        THREE_COMPANIES,
        gettext_noop(
            "At least three member companies source in the production region and want to join"
        ),
    ),
    Criterion(NGOS_ACTIVE, gettext_noop("NGOs or unions are active in the region")),
    Criterion(CHAIN_SUPPORT, gettext_noop("There is support among importers and suppliers")),
    Criterion(LOCAL_GOVERNMENT, gettext_noop("The project addresses the local government's role")),
    Criterion(
        RISK_SEVERITY,
        gettext_noop("Chosen by the scale, scope and irremediability of the risks"),
    ),
)
CRITERION_CODES = tuple(criterion.code for criterion in CRITERIA)


def judgement_problem(*, criterion: str, judgement: str, registry_count: int) -> str | None:
    """Why a judgement cannot be recorded, or None: "unknown_criterion",
    "unknown_judgement", or "too_few_companies" (the three-companies criterion judged met
    while the registry shows fewer than three member companies sourcing in the region)."""
    if criterion not in CRITERION_CODES:
        return "unknown_criterion"
    if judgement not in JUDGEMENTS:
        return "unknown_judgement"
    too_few = registry_count < MIN_MEMBER_COMPANIES
    if criterion == THREE_COMPANIES and judgement == "met" and too_few:
        return "too_few_companies"
    return None


def latest_judgements(judgements: Iterable[tuple[str, str, datetime]]) -> dict[str, str]:
    """criterion → its latest judgement, from (criterion, judgement, judged at) rows in
    any order; the history is kept, the latest counts. Ties: the row given last wins."""
    latest: dict[str, tuple[datetime, str]] = {}
    for criterion, judgement, judged_at in judgements:
        if criterion not in latest or judged_at >= latest[criterion][0]:
            latest[criterion] = (judged_at, judgement)
    return {criterion: judgement for criterion, (_at, judgement) in latest.items()}


def bijlage2_shortfalls(latest: Mapping[str, str], *, registry_count: int) -> list[str]:
    """What keeps a proposal from meeting Bijlage 2: the codes of the criteria whose latest
    judgement is not "met" (or that were never judged), in the annex's order, and
    "registry_count" when fewer than three member companies source in the region."""
    missing = [code for code in CRITERION_CODES if latest.get(code) != "met"]
    if registry_count < MIN_MEMBER_COMPANIES:
        missing.append("registry_count")
    return missing


def meets_bijlage2(latest: Mapping[str, str], *, registry_count: int) -> bool:
    """A proposal meets Bijlage 2 when every criterion's latest judgement is "met" and the
    registry shows at least three member companies sourcing in its region."""
    return not bijlage2_shortfalls(latest, registry_count=registry_count)


def public_member_count(count: int) -> int | None:
    """How many member companies the public page may say take part: the number from
    three on; None below (one or two would point at the companies)."""
    return count if count >= MIN_MEMBER_COMPANIES else None


def participant_problems(
    *,
    kind: str,
    organisation_kind: str | None,
    is_listed_company: bool,
    name: str,
    document: str,
    signed_on: date | None,
    has_file: bool,
    today: date,
) -> dict[str, str]:
    """field → a code for what is wrong with a participant (empty: nothing):

    - a party is an organisation of a party kind ("party_kind");
    - a member company is a listed member company ("not_a_member");
    - a local organisation or other participant is named ("name_missing"), is no
      organisation of the portal ("organisation_not_allowed"), and has signed a
      declaration of intent or a confidentiality protocol: its kind ("document_missing"),
      the date ("signed_on_missing", "signed_in_future") and the file ("file_missing")."""
    problems: dict[str, str] = {}
    if kind == "party":
        if organisation_kind not in PARTY_KINDS:
            problems["organisation"] = "party_kind"
    elif kind == "member":
        if organisation_kind != "company" or not is_listed_company:
            problems["organisation"] = "not_a_member"
    elif kind in NON_MEMBER_KINDS:
        if organisation_kind is not None:
            problems["organisation"] = "organisation_not_allowed"
        if not name.strip():
            problems["name"] = "name_missing"
        if document not in DOCUMENT_KINDS:
            problems["document"] = "document_missing"
        if signed_on is None:
            problems["document_signed_on"] = "signed_on_missing"
        elif signed_on > today:
            problems["document_signed_on"] = "signed_in_future"
        if not has_file:
            problems["document_file"] = "file_missing"
    else:
        problems["kind"] = "unknown_kind"
    return problems


def in_language(dutch: str, english: str, language: str) -> str:
    """The English text when English is asked for and there is one; else the Dutch."""
    return english if language == "en" and english.strip() else dutch


def ended_before_started(started_on: date | None, ended_on: date | None) -> bool:
    return started_on is not None and ended_on is not None and ended_on < started_on
