"""Isolation cases: the criteria catalogue's versions, kept by the coordinator. Reading
the published catalogue and downloading its criteria is public (declared PUBLIC); the
versions, drafts and their criteria are the coordinator's alone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from .case import SECRETARIAT_ADMIN, Case


def _v1() -> Any:
    from tests.conftest import ensure_catalogue_v1

    return ensure_catalogue_v1()


def _draft(world: Any) -> Any:
    """Version 2 as a draft: a copy of version 1's criteria."""
    from procurement.models import CriteriaCatalogue

    v1 = _v1()
    draft, created = CriteriaCatalogue.objects.get_or_create(
        version=2, defaults={"valid_from": timezone.localdate()}
    )
    if created:
        for criterion in v1.criteria.all():
            criterion.pk = None
            criterion.catalogue = draft
            criterion.save()
    return draft


def _draft_criterion(world: Any) -> Any:
    return _draft(world).criteria.get(code="AWD-S")


def _versions(world: Any) -> Any:
    from procurement.models import CriteriaCatalogue

    return list(
        CriteriaCatalogue.objects.values_list("version", "published_at", "valid_from", "note")
    )


def _criteria(world: Any) -> Any:
    from procurement.models import Criterion

    return list(
        Criterion.objects.order_by("id").values_list(
            "id", "catalogue__version", "title_nl", "title_en", "text_nl", "text_en"
        )
    )


CRITERION = {
    "title_nl": "De inschrijver heeft vergaande ervaring (herzien)",
    "title_en": "The bidder has extensive experience (revised)",
    "text_nl": "Inschrijver voldoet ten minste aan niveau drie.\n- 100% inzicht in fabrieken;",
    "text_en": "The bidder meets at least level three.\n- 100% insight into factories;",
}


def _publication(world: Any) -> dict[str, Any]:
    return {
        "valid_from": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "note": "Herziene gunningscriteria.",
    }


CASES: list[Case] = [
    Case(
        "the versions of the criteria catalogue",
        url_name="procurement:criteria_versions",
        url=lambda w: (_draft(w), reverse("procurement:criteria_versions"))[1],
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "start a draft version of the criteria catalogue",
        method="post",
        url_name="procurement:criteria_draft_new",
        url=lambda w: (_v1(), reverse("procurement:criteria_draft_new"))[1],
        allowed=SECRETARIAT_ADMIN,
        state=lambda w: (_versions(w), _criteria(w)),
    ),
    Case(
        "a draft version of the criteria catalogue",
        url_name="procurement:criteria_draft",
        url=lambda w: reverse("procurement:criteria_draft", args=[_draft(w).version]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "publish a draft version of the criteria catalogue",
        method="post",
        url_name="procurement:criteria_publish",
        url=lambda w: reverse("procurement:criteria_publish", args=[_draft(w).version]),
        data=_publication,
        allowed=SECRETARIAT_ADMIN,
        state=_versions,
    ),
    Case(
        "a criterion of a draft version to edit",
        url_name="procurement:criterion_edit",
        url=lambda w: reverse("procurement:criterion_edit", args=[_draft_criterion(w).pk]),
        allowed=SECRETARIAT_ADMIN,
    ),
    Case(
        "edit a criterion of a draft version",
        method="post",
        url_name="procurement:criterion_edit",
        url=lambda w: reverse("procurement:criterion_edit", args=[_draft_criterion(w).pk]),
        data=lambda w: CRITERION,
        allowed=SECRETARIAT_ADMIN,
        state=_criteria,
    ),
]
