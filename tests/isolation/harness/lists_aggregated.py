"""Isolation cases: the lists without company links (the aggregated list, the candidate
project regions, the versions of every list) and the requests for a region's part."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .case import SECRETARIAT_ADMIN, SECRETARIAT_ALL, Case
from .lists import NGO, NGO_AND_UNION, _published

STEERING = (*SECRETARIAT_ALL, "steering_member", "steering_admin")
REGION_ROW = {
    "level": "region",
    "country": "IN",
    "region": "Rajasthan",
    "site": "",
    "name": "",
    "kind": "",
    "sites": 2,
    "buyers": 3,
    "volume": "120000.00",
    "products": ["Kota Blue"],
}


def _publication(world: Any, kind: str) -> Any:
    """A published version of `kind` (the aggregated one with a region to ask for)."""
    from supplychain.models import ListPublication

    cached = getattr(world, f"_publication_{kind}", None)
    if cached is None:
        rows = [REGION_ROW] if kind == "aggregated" else []
        cached = ListPublication.objects.create(kind=kind, rows=rows, digest=kind, row_count=1)
        setattr(world, f"_publication_{kind}", cached)
    return cached


def _request(world: Any, status: str = "requested") -> Any:
    """A request of the NGO for Rajasthan, in `status`, once per world and status."""
    from supplychain.models import RegionRequest

    cached = getattr(world, f"_request_{status}", None)
    if cached is None:
        _publication(world, "aggregated")
        cached = RegionRequest(
            organisation=world.organisations["ngo"],
            requested_by=world.users["ngo_admin"],
            country="IN",
            region="Rajasthan",
            partner_name="Partner Rajasthan",
            partner_contact="R. Singh",
            purpose="Veldwerk",
            clause_name="clausule.pdf",
            status=status,
        )
        cached.clause.save("clausule.pdf", SimpleUploadedFile("c.pdf", b"%PDF-1.4 c"), save=False)
        cached.save()
        setattr(world, f"_request_{status}", cached)
    return cached


def _requests(world: Any) -> Any:
    from supplychain.models import RegionRequest

    return list(RegionRequest.objects.values_list("id", "status", "decided_by_id").order_by("id"))


def _jobs(world: Any) -> Any:
    from trustone.jobs.models import Job

    return list(Job.objects.values_list("id", "kind").order_by("id"))


CASES: list[Case] = [
    Case(
        "rebuild the lists now (a job)",
        method="post",
        url_name="lists:rebuild",
        url=lambda w: reverse("lists:rebuild"),
        allowed=SECRETARIAT_ADMIN,
        state=_jobs,
    ),
    Case(
        "the aggregated list",
        url_name="lists:aggregated",
        url=lambda w: (_publication(w, "aggregated"), reverse("lists:aggregated"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "a version of the aggregated list",
        url_name="lists:aggregated_version",
        url=lambda w: reverse("lists:aggregated_version", args=[_publication(w, "aggregated").pk]),
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "export the aggregated list",
        url_name="lists:aggregated_export",
        url=lambda w: (_publication(w, "aggregated"), reverse("lists:aggregated_export"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "the candidate project regions",
        url_name="lists:project_regions",
        url=lambda w: (_publication(w, "project_regions"), reverse("lists:project_regions"))[1],
        allowed=STEERING,
    ),
    Case(
        "a version of the candidate project regions",
        url_name="lists:project_regions_version",
        url=lambda w: reverse(
            "lists:project_regions_version", args=[_publication(w, "project_regions").pk]
        ),
        allowed=STEERING,
    ),
    Case(
        "a version of the linked list",
        url_name="lists:linked_version",
        url=lambda w: reverse("lists:linked_version", args=[_published(w).pk]),
        allowed=NGO,
    ),
    Case(
        "the versions of the linked list",
        url_name="lists:versions",
        url=lambda w: (_published(w), reverse("lists:versions", args=["linked"]))[1],
        allowed=NGO,
    ),
    Case(
        "the versions of the aggregated list",
        url_name="lists:versions",
        url=lambda w: (
            _publication(w, "aggregated"),
            reverse("lists:versions", args=["aggregated"]),
        )[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "the requests for a region",
        url_name="lists:requests",
        url=lambda w: (_request(w), reverse("lists:requests"))[1],
        allowed=(*NGO_AND_UNION, *SECRETARIAT_ALL),
    ),
    Case(
        "ask for the aggregated list of a region",
        method="post",
        url_name="lists:requests",
        url=lambda w: (_publication(w, "aggregated"), reverse("lists:requests"))[1],
        data=lambda w: {
            "region": "IN|Rajasthan",
            "partner_name": "Partner",
            "partner_contact": "R. Singh",
            "purpose": "Veldwerk",
            "clause": SimpleUploadedFile("clausule.pdf", b"%PDF-1.4 c", "application/pdf"),
        },
        allowed=("ngo_admin",),
        state=_requests,
    ),
    Case(
        "a request for a region",
        url_name="lists:request",
        url=lambda w: reverse("lists:request", args=[_request(w).pk]),
        allowed=(*NGO, *SECRETARIAT_ALL),
    ),
    Case(
        "the partner's signed clause",
        url_name="lists:request_clause",
        url=lambda w: reverse("lists:request_clause", args=[_request(w).pk]),
        allowed=(*NGO, *SECRETARIAT_ALL),
    ),
    Case(
        "decide on a request",
        method="post",
        url_name="lists:request_decide",
        url=lambda w: reverse("lists:request_decide", args=[_request(w).pk]),
        data=lambda w: {"decision": "approve", "note": ""},
        allowed=SECRETARIAT_ADMIN,
        state=_requests,
    ),
    Case(
        "withdraw a request",
        method="post",
        url_name="lists:request_withdraw",
        url=lambda w: reverse("lists:request_withdraw", args=[_request(w).pk]),
        allowed=("ngo_admin",),
        state=_requests,
    ),
    Case(
        "export an approved region",
        url_name="lists:request_export",
        url=lambda w: reverse("lists:request_export", args=[_request(w, "approved").pk]),
        allowed=(*NGO, *SECRETARIAT_ALL),
    ),
]
