"""The isolation harness: every endpoint that is not public has a Case here.

Default-deny: a Case names the actors who may use it, and every other actor of the test
world (`tests.conftest.WORLD_USERS`: other organisations of every kind, and every role
inside one's own organisation) is tried and must be refused: the login page (HTML) or
401/403 (API) when anonymous, 404 otherwise (never 403: forbidden looks like missing),
with the database unchanged. A write names the state it changes; an allowed write must
change it, a refused one must leave it as it was. Later endpoints add their Case to CASES.
"""

from . import (
    annual_report,
    assessing,
    complaints,
    lists,
    lists_aggregated,
    members,
    procurement_catalogue,
    procurement_tenders,
    projects,
    registry,
    reports,
    signals,
    steering,
    supplychain,
)
from .case import EVERYONE, Case

CASES: list[Case] = [
    *members.CASES,
    *supplychain.CASES,
    *registry.CASES,
    *lists.CASES,
    *lists_aggregated.CASES,
    *signals.CASES,
    *complaints.CASES,
    *reports.CASES,
    *assessing.CASES,
    *procurement_catalogue.CASES,
    *procurement_tenders.CASES,
    *annual_report.CASES,
    *steering.CASES,
    *projects.CASES,
]

__all__ = ["CASES", "EVERYONE", "Case"]
