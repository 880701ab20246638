"""Isolation cases: the confidentiality statement that opens the linked list."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from .case import SECRETARIAT_ADMIN, Case

NGO_AND_UNION = ("ngo_admin", "ngo_member", "union_member")
NGO = ("ngo_admin", "ngo_member")


def _statement(world: Any) -> Any:
    """The NGO's signed statement, once per world."""
    from django.core.files.base import ContentFile

    from supplychain.models import ConfidentialityStatement

    cached = getattr(world, "_statement", None)
    if cached is not None:
        return cached
    statement = ConfidentialityStatement(
        organisation=world.organisations["ngo"],
        language="nl",
        signer_name="Anna de Wit",
        signer_function="Directeur",
        signed_by=world.users["ngo_admin"],
        text_sha256="0" * 64,
        expires_on=timezone.localdate() + timedelta(days=30),
    )
    statement.pdf.save("statement.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    statement.save()
    world._statement = statement
    return statement


def _statements(world: Any) -> Any:
    from supplychain.models import ConfidentialityStatement

    return list(
        ConfidentialityStatement.objects.values_list(
            "id", "organisation_id", "expires_on"
        ).order_by("id")
    )


CASES: list[Case] = [
    Case(
        "the confidentiality statement",
        url_name="lists:statement",
        url=lambda w: reverse("lists:statement"),
        allowed=NGO_AND_UNION,
    ),
    Case(
        "sign the confidentiality statement",
        method="post",
        url_name="lists:statement",
        url=lambda w: reverse("lists:statement"),
        data=lambda w: {
            "signer_name": "Anna de Wit",
            "signer_function": "Directeur",
            "agreed": "on",
        },
        allowed=("ngo_admin",),
        state=_statements,
    ),
    Case(
        "a signed statement (PDF)",
        url_name="lists:statement_pdf",
        url=lambda w: reverse("lists:statement_pdf", args=[_statement(w).pk]),
        allowed=(*NGO, *SECRETARIAT_ADMIN),
    ),
    Case(
        "every confidentiality statement",
        url_name="lists:statements",
        url=lambda w: (_statement(w), reverse("lists:statements"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "set until when a statement is valid",
        method="post",
        url_name="lists:statement_expiry",
        url=lambda w: reverse("lists:statement_expiry", args=[_statement(w).pk]),
        data=lambda w: {"expires_on": (timezone.localdate() + timedelta(days=400)).isoformat()},
        allowed=SECRETARIAT_ADMIN,
        state=_statements,
    ),
]


def _published(world: Any) -> Any:
    """A published linked list and the NGO's statement in force."""
    from supplychain.lists.building import list_publish

    _statement(world)
    return list_publish("linked")[0]


CASES += [
    Case(
        "the linked list (data only while the statement is in force)",
        url_name="lists:linked",
        url=lambda w: (_published(w), reverse("lists:linked"))[1],
        allowed=NGO_AND_UNION,
    ),
    Case(
        "export the linked list",
        url_name="lists:linked_export",
        url=lambda w: (_published(w), reverse("lists:linked_export") + "?format=xlsx")[1],
        allowed=NGO,
    ),
]
