"""A government is not every government: a user of a second government is refused each
object of the world's government (its tenders, their statements, its annual reports)
exactly as every other actor is, and the pages that list tenders, reports and tender
signals show nobody what is not theirs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .harness import Case
from .harness.case import EVERYONE
from .harness.procurement_tenders import (
    OWN_GOVERNMENT_CASES,
    SIGNAL_READERS,
    _draft_report,
    _other_government,
    _other_report,
    _other_tender,
    _submitted_report,
    _tender,
    _tender_signal,
)
from .test_isolation import _request

OTHER = "other_government_admin"


def _with_other_government(world):
    _other_government(world)
    world.users[OTHER] = world._other_government_user
    return world


def test_the_cases_cover_every_object_of_a_government() -> None:
    names = {case.url_name for case in OWN_GOVERNMENT_CASES}
    assert {
        "procurement:tender",
        "procurement:tender_edit",
        "procurement:tender_delete",
        "procurement:tender_bidder_check",
        "procurement:tender_statement",
        "procurement:tender_report",
        "procurement:tender_report_pdf",
    } == names


@pytest.mark.parametrize(
    "case", [pytest.param(case, id=case.name) for case in OWN_GOVERNMENT_CASES]
)
def test_another_government_is_refused(world, case: Case) -> None:
    world = _with_other_government(world)
    response, before, after = _request(world, case, OTHER)
    assert response.status_code == 404, f"{OTHER} got {response.status_code}"
    assert before == after, "a refused request changed the database"


def test_the_lists_show_a_government_its_own_tenders_and_reports_only(world) -> None:
    world = _with_other_government(world)
    tender, other_tender = _tender(world), _other_tender(world)
    _draft_report(world), _submitted_report(world), _other_report(world)
    pages = {
        name: reverse(f"procurement:{name}") for name in ("tenders", "targets", "tender_reports")
    }
    own = world.client("government_admin")
    other = world.client(OTHER)
    assert tender.title in own.get(pages["tenders"]).content.decode()
    assert other_tender.title not in own.get(pages["tenders"]).content.decode()
    assert tender.title not in other.get(pages["tenders"]).content.decode()
    for page in pages.values():
        assert world.organisations["government"].name not in other.get(page).content.decode()
        assert "Gemeente Zwolle" not in own.get(page).content.decode()
    own_reports = own.get(pages["tender_reports"]).context["page"].object_list
    assert {report.government_id for report in own_reports} == {
        world.organisations["government"].pk
    }
    secretariat_reports = (
        world.client("secretariat_member").get(pages["tender_reports"]).context["page"]
    )
    assert {report.status for report in secretariat_reports.object_list} == {"submitted"}


@pytest.mark.parametrize("who", EVERYONE)
def test_a_tender_signal_is_listed_for_its_reporter_and_the_secretariat_only(
    world, who: str
) -> None:
    signal = _tender_signal(world)
    page = world.client(who).get(reverse("procurement:tender_signals")).content.decode()
    assert (signal.tender_title in page) == (who in SIGNAL_READERS)
