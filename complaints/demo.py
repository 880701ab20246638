"""Demo cases for `make run`: an anonymous complaint the committee has asked a question
about (open it with DEMO_RECEIPT), a dispute in which the committee asks the demo
importer for information (so it cannot give notice), and a published ruling."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from members.models import Membership
from trustone.access.actor import actor_for

from . import receipts, services
from .models import Case
from .selectors import Reader

#: The demo complaint's receipt code (demo data only: real codes are random).
DEMO_RECEIPT = "20261201000011112222"
COMMITTEE = "Klachten- en Geschillencommissie TruStone"
FILER = "Algemene Natuursteen Vereniging"
RESPONDENT = "Van der Steen Natuursteen B.V."
CONCERNED = "Graniet Import Nederland B.V."


def _actor(organisation: Any, role: str = "admin") -> Any:
    membership = (
        Membership.objects.filter(organisation=organisation, role=role, is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return actor_for(membership.user, organisation.pk) if membership else None


def seed_cases(organisations: dict[str, Any]) -> None:
    if Case.objects.exists() or COMMITTEE not in organisations:
        return
    committee = _actor(organisations[COMMITTEE])
    filer = _actor(organisations[FILER])
    if committee is None or filer is None:
        return
    case, _digits = services.complaint_file(
        language="en",
        is_anonymous=True,
        name="",
        email="",
        phone="",
        content={
            "what": (
                "Since the summer the workers at the sandstone quarry near Budhpura cut "
                "stone without water on the saws. The dust is everywhere and two men "
                "cough blood. The contractor says masks are too expensive."
            ),
            "where": "Sandstone quarry near Budhpura, Bundi district, Rajasthan, India",
            "company": "A Dutch importer, I do not know which one",
            "remedy": "Water on the saws, masks, and a doctor for the workers.",
            "representative": "",
        },
        attachments=[],
    )
    case.receipt_lookup = receipts.receipt_lookup(DEMO_RECEIPT)
    case.receipt_hash = receipts.receipt_hash(DEMO_RECEIPT)
    case.save(update_fields=["receipt_lookup", "receipt_hash"])
    services.case_step_take(
        actor=committee,
        case=case,
        step="admissible",
        text="The complaint concerns the chain of a member and is admissible.",
    )
    if CONCERNED in organisations:
        services.case_respondent_set(
            actor=committee, case=case, organisation_id=organisations[CONCERNED].pk
        )
    services.case_step_take(
        actor=committee,
        case=case,
        step="information",
        text=(
            "Thank you for your complaint. Can you tell us how many workers cut stone at "
            "the quarry, and since which month there is no water on the saws?"
        ),
        audience="complainant",
    )
    services.case_message_post(
        actor=committee,
        case=case,
        reader=Reader.COMMITTEE,
        body="Tolk Hindi geregeld via het secretariaat.",
        attachments=[],
        audience="internal",
    )

    dispute = services.dispute_file(
        actor=filer,
        respondent_id=organisations[RESPONDENT].pk,
        subject="Voortgangsrapport niet gedeeld met de branche",
        description=(
            "Volgens artikel 5.10 deelt een lid zijn voortgang; de vereniging heeft het "
            "afgesproken overzicht na twee verzoeken niet ontvangen."
        ),
        remedy="Een uitspraak over wat het lid moet delen.",
        attachments=[],
    )
    services.case_step_take(
        actor=committee, case=dispute, step="admissible", text="Het geschil is ontvankelijk."
    )
    services.case_step_take(
        actor=committee,
        case=dispute,
        step="information",
        text="Wilt u uw kant van de zaak geven en het overzicht bijvoegen dat u deelde?",
        on=timezone.localdate() + timedelta(days=21),
        audience="respondent",
    )

    ruled = services.dispute_file(
        actor=filer,
        respondent_id=organisations[CONCERNED].pk,
        subject="Uitleg van de termijn voor het plan van aanpak",
        description="Verschil van inzicht over de termijn van artikel 5.11.",
        remedy="",
        attachments=[],
    )
    services.case_step_take(actor=committee, case=ruled, step="admissible", text="Ontvankelijk.")
    services.case_step_take(
        actor=committee,
        case=ruled,
        step="ruling",
        text="De termijn loopt vanaf het besluit over het niveau, niet vanaf de indiening.",
    )
    services.ruling_publish(
        actor=committee,
        case=ruled,
        title="Wanneer begint de termijn voor een plan van aanpak?",
        summary=(
            "Een lid en een partij verschilden van inzicht over de termijn van artikel "
            "5.11. De commissie oordeelt dat de termijn loopt vanaf het besluit van het "
            "secretariaat over het niveau, niet vanaf de indiening van het rapport."
        ),
    )
    services.case_step_take(
        actor=committee, case=ruled, step="complied", text="Het lid heeft de uitspraak gevolgd."
    )
