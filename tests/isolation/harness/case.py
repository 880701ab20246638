"""A Case of the isolation harness, and the groups of actors cases allow."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.conftest import WORLD_USERS

#: Every logged-in actor of the test world.
EVERYONE: tuple[str, ...] = tuple(key for key, _organisation, _role in WORLD_USERS)


#: The users of the company whose data the cases use ("company").
COMPANY = ("company_admin", "company_member")


#: The users of every company: endpoints that act on the actor's own company.
COMPANY_USERS = (*COMPANY, "other_company_admin", "associated_admin")


COMPANY_ADMINS = ("company_admin", "other_company_admin", "associated_admin")


SECRETARIAT_ADMIN = ("secretariat_admin",)


#: The coordinator and the assessor that the case's assessment is granted to.
ASSESSING = ("secretariat_admin", "secretariat_assessor")


#: Who works the helpdesk inbox: the coordinator and every assessor.
HELPDESK = ("secretariat_admin", "secretariat_assessor", "unassigned_assessor")


SECRETARIAT_ALL = (*HELPDESK, "secretariat_member")


#: The organisation (world key) each actor belongs to.
ORGANISATION_OF = {key: organisation for key, organisation, _role in WORLD_USERS}


@dataclass
class Case:
    name: str
    url: Callable[[Any], str]
    allowed: tuple[str, ...]
    method: str = "get"
    #: The request's data: `data(world)`, or `data(world, who)` for an endpoint that acts
    #: on the actor's own organisation.
    data: Callable[..., dict[str, Any]] = field(default=lambda world: {})
    #: What a write changes (querysets as plain values). Required for every write: a
    #: refused one must leave it unchanged, an allowed one must change it.
    state: Callable[[Any], Any] | None = None
    #: False for a POST that saves nothing by design (a live preview).
    changes: bool = True
    api: bool = False
    url_name: str = ""

    @property
    def is_write(self) -> bool:
        return self.method != "get"

    def data_for(self, world: Any, who: str) -> dict[str, Any]:
        if self.data.__code__.co_argcount == 2:
            return self.data(world, who)
        return self.data(world)

    def refused(self) -> list[str]:
        """Everyone not allowed: anonymous and every other actor of the world."""
        return ["anonymous", *(who for who in EVERYONE if who not in self.allowed)]
