"""Isolation cases: the list of grievance mechanisms, kept by the coordinator; the case
files of the complaints and disputes committee — an anonymous complaint, and a dispute
that the world's NGO filed against the world's company — and the coordinator's
referrals to the steering group.

The complainant's own pages (`my_case`, `my_attachment`) are public by policy and opened
with the receipt code in the session: tests/integration/complaints/test_complainant_access.py
proves them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse

from .case import EVERYONE, ORGANISATION_OF, SECRETARIAT_ADMIN, Case

MECHANISM = {
    "name": "Grievance Portal Rajasthan",
    "kind": "local",
    "description_nl": "Lokaal klachtenloket.",
    "description_en": "Local grievance desk.",
    "url": "https://example.org/",
    "where": "Rajasthan",
    "is_active": "on",
}


def _mechanisms(world: Any) -> Any:
    from complaints.models import GrievanceMechanism

    return list(GrievanceMechanism.objects.values_list("id", "name").order_by("id"))


def _ncp(world: Any) -> Any:
    from complaints.models import GrievanceMechanism

    return GrievanceMechanism.objects.filter(kind="ncp").order_by("pk").first()


def _committee(world: Any, who: str = "committee_member") -> Any:
    from tests.factories.complaints import as_actor

    return as_actor(world, who)


def _complaint(world: Any) -> Any:
    """An anonymous complaint with the complainant's evidence; nobody assigned."""
    from tests.factories.complaints import complaint

    cached = getattr(world, "_complaint", None)
    if cached is None:
        cached, _digits = complaint()
        world._complaint = cached
    return cached


def _assigned_complaint(world: Any) -> Any:
    """A complaint the chair assigned to an assessor (a plain secretariat member cannot
    be assigned: it sees no case)."""
    from complaints import services
    from tests.factories.complaints import complaint

    cached = getattr(world, "_assigned_complaint", None)
    if cached is None:
        cached, _digits = complaint()
        services.case_staff_assign(
            actor=_committee(world, "committee_admin"),
            case=cached,
            user_ids=[world.users[who].pk for who in ASSIGNED],
        )
        world._assigned_complaint = cached
    return cached


def _recused_complaint(world: Any) -> Any:
    """A complaint that "committee_member" is recused from (a conflict of interest)."""
    from complaints import services
    from tests.factories.complaints import complaint

    cached = getattr(world, "_recused_complaint", None)
    if cached is None:
        cached, _digits = complaint()
        services.case_recuse(
            actor=_committee(world),
            case=cached,
            user_id=world.users["committee_member"].pk,
        )
        world._recused_complaint = cached
    return cached


def _dispute(world: Any) -> Any:
    """A dispute that "ngo_admin" filed against "company", with the filer's evidence
    (for the committee and the filer) and a committee message with an attachment to both
    parties."""
    from complaints import services
    from complaints.selectors import Reader
    from tests.factories.complaints import dispute, evidence

    cached = getattr(world, "_dispute", None)
    if cached is None:
        cached = dispute(world, by="ngo_admin", against="company", attachments=[evidence()])
        services.case_message_post(
            actor=_committee(world),
            case=cached,
            reader=Reader.COMMITTEE,
            body="De commissie stuurt beide partijen het verslag.",
            attachments=[evidence("verslag.pdf")],
            audience="parties",
        )
        world._dispute = cached
    return cached


def _ruled_dispute(world: Any) -> Any:
    """A dispute the committee admitted and ruled on: its ruling can be published."""
    from complaints import services
    from tests.factories.complaints import dispute

    cached = getattr(world, "_ruled_dispute", None)
    if cached is None:
        cached = dispute(world, by="ngo_admin", against="company")
        for step, text in (("admissible", "Ontvankelijk."), ("ruling", "Gegrond.")):
            services.case_step_take(actor=_committee(world), case=cached, step=step, text=text)
        world._ruled_dispute = cached
    return cached


def _referred(world: Any) -> Any:
    """A complaint about "company", whose ruling it culpably ignored: referred to the
    steering group."""
    from complaints import services
    from tests.factories.complaints import complaint

    cached = getattr(world, "_referred", None)
    if cached is None:
        cached, _digits = complaint()
        committee = _committee(world)
        services.case_step_take(actor=committee, case=cached, step="admissible", text="Ja.")
        services.case_respondent_set(
            actor=committee, case=cached, organisation_id=world.organisations["company"].pk
        )
        services.case_step_take(actor=committee, case=cached, step="ruling", text="Gegrond.")
        services.case_step_take(
            actor=committee, case=cached, step="not_complied", text="Verwijtbaar genegeerd."
        )
        world._referred = cached
    return cached


def _attachment(case: Any, side: str) -> Any:
    from complaints.models import CaseAttachment

    return CaseAttachment.objects.get(entry__case=case, entry__side=side)


def _case_url(name: str, case: Callable[[Any], Any]) -> Callable[[Any], str]:
    return lambda world: reverse(f"complaints:{name}", args=[case(world).pk])


def _entries(case: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The case's entries, their bodies decrypted."""

    def state(world: Any) -> Any:
        from complaints import crypto
        from complaints.models import CaseEntry

        entries = CaseEntry.objects.filter(case=case(world)).order_by("id")
        return [
            (pk, side, audience, crypto.decrypt_text(bytes(body)))
            for pk, side, audience, body in entries.values_list("id", "side", "audience", "body")
        ]

    return state


def _case_row(case: Callable[[Any], Any], *fields: str) -> Callable[[Any], Any]:
    def state(world: Any) -> Any:
        from complaints.models import Case as CaseModel

        return list(CaseModel.objects.filter(pk=case(world).pk).values_list(*fields))

    return state


def _staff(world: Any) -> Any:
    return sorted(_dispute(world).assigned_staff.values_list("pk", flat=True))


def _recusals(world: Any) -> Any:
    from complaints.models import Recusal

    return list(Recusal.objects.filter(case=_dispute(world)).values_list("user_id", flat=True))


def _rulings(world: Any) -> Any:
    from complaints.models import PublishedRuling

    return list(PublishedRuling.objects.values_list("case_id", "title", "summary"))


def _cases(world: Any) -> Any:
    from complaints.models import Case as CaseModel

    return list(
        CaseModel.objects.values_list("id", "kind", "filed_by_organisation_id").order_by("id")
    )


def _dispute_data(world: Any, who: str) -> dict[str, Any]:
    """A dispute against "company", or against "other_company" when filed by "company"
    (one cannot file against one's own organisation)."""
    against = "other_company" if ORGANISATION_OF.get(who) == "company" else "company"
    return {
        "respondent": world.organisations[against].pk,
        "subject": "Uitleg van artikel 5.10",
        "description": "De andere partij meldt geen voortgang.",
        "remedy": "",
    }


def _referral_data(world: Any) -> dict[str, Any]:
    from django.utils import timezone

    prefix = f"referral-{_referred(world).pk}"
    return {f"{prefix}-expelled": "no", f"{prefix}-decided_on": timezone.localdate()}


COMMITTEE = ("committee_member", "committee_admin")
COMMITTEE_CHAIR = ("committee_admin",)
#: Who opens the dispute: the committee, the NGO's administrator (who filed it) and the
#: company's administrator (the member concerned). Not the company's member, not the
#: secretariat (nobody is assigned).
DISPUTE_READERS = (*COMMITTEE, "ngo_admin", "company_admin")
#: The secretariat staff assigned to `_assigned_complaint`.
ASSIGNED = ("secretariat_assessor",)
#: Everyone acting for a party, the committee or the secretariat opens the list of cases
#: (which cases it shows, cases_visible_to decides).
CASE_LIST_READERS = tuple(
    who for who in EVERYONE if who not in {"steering_member", "steering_admin"}
)
#: Administrators of the kinds of organisation that may file a dispute.
DISPUTE_FILERS = (
    "company_admin",
    "other_company_admin",
    "associated_admin",
    "ngo_admin",
    "government_admin",
    "sector_admin",
)

CASES: list[Case] = [
    Case(
        "the case files one may open",
        url_name="complaints:cases",
        url=lambda w: (_dispute(w), _complaint(w), reverse("complaints:cases"))[2],
        allowed=CASE_LIST_READERS,
    ),
    Case(
        "a complaint's case file",
        url_name="complaints:case",
        url=_case_url("case", _complaint),
        allowed=COMMITTEE,
    ),
    Case(
        "a complaint's case file, with secretariat staff assigned",
        url_name="complaints:case",
        url=_case_url("case", _assigned_complaint),
        allowed=(*COMMITTEE, *ASSIGNED),
    ),
    Case(
        "a complaint's case file, a committee member recused",
        url_name="complaints:case",
        url=_case_url("case", _recused_complaint),
        allowed=COMMITTEE_CHAIR,
    ),
    Case(
        "a dispute's case file",
        url_name="complaints:case",
        url=_case_url("case", _dispute),
        allowed=DISPUTE_READERS,
    ),
    Case(
        "write in a dispute's case file",
        method="post",
        url_name="complaints:case_message",
        url=_case_url("case_message", _dispute),
        data=lambda w: {"body": "Graag een reactie.", "audience": "parties"},
        allowed=DISPUTE_READERS,
        state=_entries(_dispute),
    ),
    Case(
        # The assigned secretariat member reads the case but writes nothing (issue 9).
        "write in a complaint's case file, with secretariat staff assigned",
        method="post",
        url_name="complaints:case_message",
        url=_case_url("case_message", _assigned_complaint),
        data=lambda w: {"body": "Tolk geregeld.", "audience": "internal"},
        allowed=(*COMMITTEE, "secretariat_assessor"),
        state=_entries(_assigned_complaint),
    ),
    Case(
        "take a step in a case",
        method="post",
        url_name="complaints:case_step",
        url=_case_url("case_step", _dispute),
        data=lambda w: {"step": "admissible", "text": "Ontvankelijk.", "on": "", "audience": ""},
        allowed=COMMITTEE,
        state=_case_row(_dispute, "status"),
    ),
    Case(
        "record the member concerned",
        method="post",
        url_name="complaints:case_respondent",
        url=_case_url("case_respondent", _dispute),
        data=lambda w: {"respondent": w.organisations["other_company"].pk},
        allowed=COMMITTEE,
        state=_case_row(_dispute, "respondent_id"),
    ),
    Case(
        "assign secretariat staff to a case",
        method="post",
        url_name="complaints:case_staff",
        url=_case_url("case_staff", _dispute),
        data=lambda w: {"staff": [w.users["secretariat_assessor"].pk]},
        allowed=COMMITTEE_CHAIR,
        state=_staff,
    ),
    Case(
        # Each declares its own conflict of interest; a recusal takes the case away.
        "declare a conflict of interest in a case",
        method="post",
        url_name="complaints:case_recuse",
        url=_case_url("case_recuse", _dispute),
        data=lambda w, who: {"user": w.users[who].pk} if who in w.users else {},
        allowed=COMMITTEE,
        state=_recusals,
    ),
    Case(
        "the form to publish a ruling",
        url_name="complaints:case_publish",
        url=_case_url("case_publish", _ruled_dispute),
        allowed=COMMITTEE,
    ),
    Case(
        "publish a ruling",
        method="post",
        url_name="complaints:case_publish",
        url=_case_url("case_publish", _ruled_dispute),
        data=lambda w: {
            "title": "Voortgang bij vertraging",
            "summary": "Een lid moet zijn voortgang melden.",
        },
        allowed=COMMITTEE,
        state=_rulings,
    ),
    Case(
        "a complaint's evidence",
        url_name="complaints:attachment",
        url=lambda w: reverse(
            "complaints:attachment", args=[_attachment(_complaint(w), "complainant").pk]
        ),
        allowed=COMMITTEE,
    ),
    Case(
        "a complaint's evidence, with secretariat staff assigned",
        url_name="complaints:attachment",
        url=lambda w: reverse(
            "complaints:attachment", args=[_attachment(_assigned_complaint(w), "complainant").pk]
        ),
        allowed=(*COMMITTEE, *ASSIGNED),
    ),
    Case(
        "a complaint's evidence, a committee member recused",
        url_name="complaints:attachment",
        url=lambda w: reverse(
            "complaints:attachment", args=[_attachment(_recused_complaint(w), "complainant").pk]
        ),
        allowed=COMMITTEE_CHAIR,
    ),
    Case(
        # Addressed to the complainant side: not for the member concerned.
        "a dispute's evidence as filed",
        url_name="complaints:attachment",
        url=lambda w: reverse(
            "complaints:attachment", args=[_attachment(_dispute(w), "complainant").pk]
        ),
        allowed=(*COMMITTEE, "ngo_admin"),
    ),
    Case(
        "the committee's attachment to both parties of a dispute",
        url_name="complaints:attachment",
        url=lambda w: reverse(
            "complaints:attachment", args=[_attachment(_dispute(w), "committee").pk]
        ),
        allowed=DISPUTE_READERS,
    ),
    Case(
        "the form to file a dispute",
        url_name="complaints:dispute_new",
        url=lambda w: reverse("complaints:dispute_new"),
        allowed=DISPUTE_FILERS,
    ),
    Case(
        "file a dispute",
        method="post",
        url_name="complaints:dispute_new",
        url=lambda w: reverse("complaints:dispute_new"),
        data=_dispute_data,
        allowed=DISPUTE_FILERS,
        state=_cases,
    ),
    Case(
        "the referrals to the steering group",
        url_name="complaints:referrals",
        url=lambda w: (_referred(w), reverse("complaints:referrals"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "record the steering group's decision on a referral",
        method="post",
        url_name="complaints:referral_decide",
        url=_case_url("referral_decide", _referred),
        data=_referral_data,
        allowed=SECRETARIAT_ADMIN,
        state=_case_row(_referred, "status", "closure"),
    ),
    Case(
        "the form to add a grievance mechanism",
        url_name="complaints:mechanism_new",
        url=lambda w: reverse("complaints:mechanism_new"),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "add a grievance mechanism",
        method="post",
        url_name="complaints:mechanism_new",
        url=lambda w: reverse("complaints:mechanism_new"),
        data=lambda w: MECHANISM,
        allowed=SECRETARIAT_ADMIN,
        state=_mechanisms,
    ),
    Case(
        "a grievance mechanism to change",
        url_name="complaints:mechanism_edit",
        url=lambda w: reverse("complaints:mechanism_edit", args=[_ncp(w).pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "change a grievance mechanism",
        method="post",
        url_name="complaints:mechanism_edit",
        url=lambda w: reverse("complaints:mechanism_edit", args=[_ncp(w).pk]),
        data=lambda w: MECHANISM,
        allowed=SECRETARIAT_ADMIN,
        state=_mechanisms,
    ),
]
