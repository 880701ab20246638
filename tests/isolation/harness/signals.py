"""Isolation cases: signals — an NGO's, routed to the world's company only."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .case import COMPANY, COMPANY_USERS, SECRETARIAT_ADMIN, SECRETARIAT_ALL, Case
from .lists import NGO, NGO_AND_UNION


def _site(world: Any) -> Any:
    from tests.factories.registry import site

    cached = getattr(world, "_signal_site", None)
    if cached is None:
        cached = world._signal_site = site("Budhpura quarry", (25.23, 75.55))
    return cached


def _signal(world: Any) -> Any:
    """The NGO's signal about the site, routed to "company"."""
    from tests.factories.signals import route_to, signal_about

    cached = getattr(world, "_signal", None)
    if cached is None:
        cached = world._signal = signal_about(world, _site(world))
        world._route = route_to(cached, world.organisations["company"])
    return cached


def _route(world: Any) -> Any:
    _signal(world)
    return world._route


def _message(world: Any) -> Any:
    from supplychain.models import SignalMessage

    cached = getattr(world, "_signal_message", None)
    if cached is None:
        message = SignalMessage(
            route=_route(world),
            author=world.users["company_admin"],
            side="company",
            body="Wij onderzoeken het.",
            attachment_name="antwoord.pdf",
        )
        message.attachment.save(
            "antwoord.pdf", SimpleUploadedFile("a.pdf", b"%PDF-1.4"), save=False
        )
        message.save()
        cached = world._signal_message = message
    return cached


def _region_signal(world: Any) -> Any:
    from tests.factories.signals import signal_about

    cached = getattr(world, "_region_signal", None)
    if cached is None:
        _site(world)
        cached = world._region_signal = signal_about(world, None)
    return cached


def _signals(world: Any) -> Any:
    from supplychain.models import Signal

    return list(Signal.objects.values_list("id", "status", "site_id").order_by("id"))


def _company_versions(world: Any) -> Any:
    from supplychain.models import Signal, SignalAttachment

    return (
        list(Signal.objects.values_list("id", "company_description").order_by("id")),
        list(SignalAttachment.objects.values_list("id", "is_shared").order_by("id")),
    )


def _routes(world: Any) -> Any:
    from supplychain.models import SignalRoute

    return list(SignalRoute.objects.values_list("id", "organisation_id").order_by("id"))


def _messages(world: Any) -> Any:
    from supplychain.models import SignalMessage

    return list(SignalMessage.objects.values_list("id", "side").order_by("id"))


def _listed_buyer(world: Any) -> Any:
    """A signal whose site "other_company" (listed) reports: routing adds its route."""
    from tests.factories import CovenantMembershipFactory
    from tests.factories.registry import buy, site
    from tests.factories.signals import signal_about

    cached = getattr(world, "_routable", None)
    if cached is None:
        quarry = site("Bijolia quarry", (25.16, 75.33))
        CovenantMembershipFactory(organisation=world.organisations["other_company"])
        buy(world.organisations["other_company"], quarry)
        cached = world._routable = signal_about(world, quarry)
    return cached


READERS = (*COMPANY_USERS, *NGO_AND_UNION, *SECRETARIAT_ALL)
SIGNAL_READERS = (*NGO, *SECRETARIAT_ALL)
ROUTE_READERS = (*COMPANY, *NGO, *SECRETARIAT_ALL)

CASES: list[Case] = [
    Case(
        "the signals (own, routed, or all)",
        url_name="signals:list",
        url=lambda w: (_signal(w), reverse("signals:list"))[1],
        allowed=READERS,
    ),
    Case(
        "signal statistics (after disclosure control)",
        url_name="signals:statistics",
        url=lambda w: (_signal(w), reverse("signals:statistics"))[1],
        allowed=SECRETARIAT_ALL,
    ),
    Case(
        "the form to file a signal",
        url_name="signals:new",
        url=lambda w: reverse("signals:new"),
        allowed=NGO_AND_UNION,
    ),
    Case(
        "file a signal",
        method="post",
        url_name="signals:new",
        url=lambda w: reverse("signals:new"),
        data=lambda w: {
            "site_id": _site(w).public_id,
            "themes": ["health_and_safety"],
            "description": "Stof zonder bescherming.",
            "urgency": "routine",
        },
        allowed=NGO_AND_UNION,
        state=_signals,
    ),
    Case(
        "a signal",
        url_name="signals:detail",
        url=lambda w: reverse("signals:detail", args=[_signal(w).pk]),
        allowed=SIGNAL_READERS,
    ),
    Case(
        "route a signal",
        method="post",
        url_name="signals:route_action",
        url=lambda w: reverse("signals:route_action", args=[_listed_buyer(w).pk]),
        allowed=SECRETARIAT_ADMIN,
        state=_routes,
    ),
    Case(
        "link a signal to a site",
        method="post",
        url_name="signals:site",
        url=lambda w: reverse("signals:site", args=[_region_signal(w).pk]),
        data=lambda w: {"site_id": _site(w).public_id},
        allowed=SECRETARIAT_ADMIN,
        state=_signals,
    ),
    Case(
        "close a signal",
        method="post",
        url_name="signals:close",
        url=lambda w: reverse("signals:close", args=[_signal(w).pk]),
        data=lambda w: {"outcome": "resolved", "reason": ""},
        allowed=SECRETARIAT_ADMIN,
        state=_signals,
    ),
    Case(
        "set what the companies read of a signal",
        method="post",
        url_name="signals:company_version",
        url=lambda w: reverse("signals:company_version", args=[_signal(w).pk]),
        data=lambda w: {"company_description": "Kinderen werken er.", "shared": []},
        allowed=SECRETARIAT_ADMIN,
        state=_company_versions,
    ),
    Case(
        "a company's conversation about a signal",
        url_name="signals:route",
        url=lambda w: reverse("signals:route", args=[_route(w).pk]),
        allowed=ROUTE_READERS,
    ),
    Case(
        "write in a conversation",
        method="post",
        url_name="signals:message",
        url=lambda w: reverse("signals:message", args=[_route(w).pk]),
        data=lambda w: {"body": "Graag meer details."},
        allowed=(*COMPANY, *NGO, *SECRETARIAT_ADMIN),
        state=_messages,
    ),
    Case(
        "a signal's attachment",
        url_name="signals:attachment",
        url=lambda w: reverse("signals:attachment", args=[_signal(w).attachments.get().pk]),
        allowed=ROUTE_READERS,
    ),
    Case(
        "a message's attachment",
        url_name="signals:message_attachment",
        url=lambda w: reverse("signals:message_attachment", args=[_message(w).pk]),
        allowed=ROUTE_READERS,
    ),
]
