"""Isolation cases: the list of grievance mechanisms, kept by the coordinator."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from .case import SECRETARIAT_ADMIN, Case

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


CASES: list[Case] = [
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
