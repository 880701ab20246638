"""Isolation cases: the registry of production sites (the coordinator's only: it links
sites to the companies that buy from them)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from .case import SECRETARIAT_ADMIN, Case


def _registry(world: Any) -> dict[str, Any]:
    """Two sites and a company's facility waiting between them, once per world."""
    from supplychain.models import Facility, FacilityLink, MatchCandidate, Site

    cached = getattr(world, "_registry", None)
    if cached is not None:
        return cached
    site = Site.objects.create(kind="quarry", name="Bijolia Sandstone", country="IN")
    other = Site.objects.create(kind="quarry", name="Bijolia Stone Mines", country="IN")
    linked = Facility.objects.create(
        organisation=world.organisations["other_company"],
        kind="quarry",
        name="Bijolia Sandstone",
        country="IN",
        site=site,
        site_link=FacilityLink.NEW,
    )
    Facility.objects.create(
        organisation=world.organisations["company"],
        kind="quarry",
        name="Bijolia Sandstone Quarry",
        country="IN",
        site=site,
        site_link=FacilityLink.AUTOMATIC,
    )
    waiting = Facility.objects.create(
        organisation=world.organisations["company"], kind="quarry", name="Bijolia", country="IN"
    )
    candidate = MatchCandidate.objects.create(facility=waiting, site=site, score="0.700")
    world._registry = {
        "site": site,
        "other": other,
        "linked": linked,
        "waiting": waiting,
        "candidate": candidate,
    }
    return world._registry


def _links(world: Any) -> Any:
    from supplychain.models import Facility, MatchCandidate, Site

    return [
        list(Facility.objects.values_list("id", "site_id", "site_link").order_by("id")),
        list(MatchCandidate.objects.values_list("id", "status").order_by("id")),
        list(Site.objects.values_list("id", "merged_into_id", "os_id").order_by("id")),
    ]


CASES: list[Case] = [
    Case(
        "registry of sites",
        url_name="registry:sites",
        url=lambda w: (_registry(w), reverse("registry:sites") + "?q=bijolia")[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "proposed matches",
        url_name="registry:proposals",
        url=lambda w: (_registry(w), reverse("registry:proposals"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "a site and who reports it",
        url_name="registry:site",
        url=lambda w: reverse("registry:site", args=[_registry(w)["site"].pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "record a site's OS ID",
        method="post",
        url_name="registry:site",
        url=lambda w: reverse("registry:site", args=[_registry(w)["site"].pk]),
        data=lambda w: {"os_id": "IN2024123ABCDEF"},
        allowed=SECRETARIAT_ADMIN,
        state=_links,
    ),
    Case(
        "confirm a proposed match",
        method="post",
        url_name="registry:confirm",
        url=lambda w: reverse("registry:confirm", args=[_registry(w)["candidate"].pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_links,
    ),
    Case(
        "reject a proposed match",
        method="post",
        url_name="registry:reject",
        url=lambda w: reverse("registry:reject", args=[_registry(w)["candidate"].pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_links,
    ),
    Case(
        "make a facility a site of its own",
        method="post",
        url_name="registry:new_site",
        url=lambda w: reverse("registry:new_site", args=[_registry(w)["waiting"].pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_links,
    ),
    Case(
        "split a facility off its site",
        method="post",
        url_name="registry:split",
        url=lambda w: reverse("registry:split", args=[_registry(w)["linked"].pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_links,
    ),
    Case(
        "merge two sites",
        method="post",
        url_name="registry:merge",
        url=lambda w: reverse("registry:merge", args=[_registry(w)["other"].pk]),
        data=lambda w: {"into": _registry(w)["site"].public_id},
        allowed=SECRETARIAT_ADMIN,
        state=_links,
    ),
    Case(
        "export the registry for Open Supply Hub",
        url_name="registry:export_osh",
        url=lambda w: (_registry(w), reverse("registry:export_osh"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
]


def _jobs(world: Any) -> Any:
    from trustone.jobs.models import Job

    return list(Job.objects.values_list("id", "kind").order_by("id"))


CASES.append(
    Case(
        "match now (a job)",
        method="post",
        url_name="registry:match",
        url=lambda w: reverse("registry:match"),
        allowed=SECRETARIAT_ADMIN,
        state=_jobs,
    )
)
