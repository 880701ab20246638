"""Demo data of procurement: a municipal buyer's request to test the demo importer's plan
of action. Registered as a demo seeder in ProcurementConfig.ready(); idempotent."""

from __future__ import annotations

from typing import Any

from members.models import User
from trustone.access.actor import Actor

from .models import PlanTestRequest
from .plan_tests import plan_test_request


def seed_procurement(organisations: dict[str, Any]) -> None:
    if PlanTestRequest.objects.exists():
        return
    government = organisations["Gemeente Amsterdam"]
    official = User.objects.get(email="overheid@trustone.demo")
    plan_test_request(
        actor=Actor(user=official, organisation=government, role="admin"),
        company=organisations["Van der Steen Natuursteen B.V."],
        tender_reference="Herinrichting Stationsplein (2027-014)",
        ambition="significant",
        question="De inschrijver legt dit plan van aanpak over. Voldoet het aan het "
        "ambitieniveau Significant uit de aanbesteding?",
    )
