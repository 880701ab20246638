"""Signals (DOMAIN §6): an NGO files one about a site; the coordinator routes it to
exactly the listed member companies buying there, each seeing only its own link; the
conversation runs both ways; the outcome closes it; overdue answers are flagged."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from supplychain.models import Signal, SignalRoute
from supplychain.signals import selectors, services
from tests.factories import CovenantMembershipFactory, OrganisationFactory
from tests.factories.registry import buy, site
from tests.factories.signals import route_to, signal_about
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

BUDHPURA = (25.23, 75.55)


@pytest.fixture
def quarry(world):
    """A quarry two listed companies buy from; a third listed company buys elsewhere and
    an unlisted one buys here too."""
    quarry = site("Budhpura Kota Stone Quarry", BUDHPURA)
    for key in ("company", "other_company"):
        CovenantMembershipFactory(organisation=world.organisations[key])
        buy(world.organisations[key], quarry)
    third = CovenantMembershipFactory().organisation
    buy(third, site("Elsewhere", (15.58, 79.87)))
    buy(OrganisationFactory(name="Niet Lid B.V."), quarry)
    world.third = third
    return quarry


def actor(world, key):
    return actor_for(world.users[key])


def file(world, quarry, **changes):
    values = {
        "site_id": quarry.public_id.lower(),
        "country": "",
        "region": "",
        "themes": ["child_labour", "health_and_safety"],
        "description": "Kinderen sjouwen stenen in de groeve.",
        "since": None,
        "affected": 40,
        "sources": "Interviews, november 2026",
        "urgency": "urgent",
        "attachments": [SimpleUploadedFile("foto.pdf", b"%PDF-1.4 foto")],
        **changes,
    }
    return services.signal_file(actor=actor(world, "ngo_member"), **values)


def test_a_signal_is_filed_about_a_site_and_the_secretariat_is_told(
    world, quarry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signal = file(world, quarry)
    assert (signal.site, str(signal.country), signal.status) == (quarry, "IN", "received")
    assert signal.themes == ["child_labour", "health_and_safety"]
    assert signal.attachments.get().original_name == "foto.pdf"
    assert [m.to for m in mail.outbox] == [[world.users["secretariat_admin"].email]]
    assert AuditEntry.objects.filter(action="signal_filed").count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"site_id": "TS-NOTHERE"}, "site_id"),
        ({"site_id": "", "region": ""}, "region"),
        ({"site_id": "", "region": "Bundi", "country": ""}, "country"),
        ({"themes": []}, "themes"),
        ({"themes": ["bribery"]}, "themes"),
        ({"description": "  "}, "description"),
        ({"since": timezone.localdate() + timedelta(days=3)}, "since"),
        ({"urgency": "whenever"}, "urgency"),
        ({"attachments": [SimpleUploadedFile("x.exe", b"MZ")]}, "attachments"),
    ],
)
def test_bad_input_names_the_field_and_files_nothing(world, quarry, changes, field):
    with pytest.raises(ValidationError) as error:
        file(world, quarry, **changes)
    assert field in error.value.message_dict
    assert Signal.objects.count() == 0


def test_routing_reaches_exactly_the_listed_companies_buying_there(
    world, quarry, django_capture_on_commit_callbacks
):
    signal = file(world, quarry)
    with django_capture_on_commit_callbacks(execute=True):
        routes = services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal)
    companies = {route.organisation for route in routes}
    assert companies == {world.organisations["company"], world.organisations["other_company"]}
    for route in routes:
        assert route.facility.organisation == route.organisation  # its own link
        assert route.respond_by == timezone.localdate() + timedelta(days=14)  # urgent
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == sorted(
        [world.users["company_admin"].email, world.users["other_company_admin"].email]
    )
    # Routing again adds nobody twice.
    assert services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal) == []
    assert SignalRoute.objects.count() == 2


def test_a_company_sees_the_signal_and_its_own_link_only(world, quarry):
    signal = file(world, quarry)
    services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal)
    own = SignalRoute.objects.get(organisation=world.organisations["company"])
    other = SignalRoute.objects.get(organisation=world.organisations["other_company"])
    client = world.client("company_member")
    page = client.get(reverse("signals:route", args=[own.pk])).content.decode()
    assert "Kinderen sjouwen stenen" in page
    assert world.organisations["other_company"].name not in page
    assert client.get(reverse("signals:route", args=[other.pk])).status_code == 404
    assert client.get(reverse("signals:detail", args=[signal.pk])).status_code == 404
    listing = client.get(reverse("signals:list")).content.decode()
    assert reverse("signals:route", args=[own.pk]) in listing
    assert reverse("signals:route", args=[other.pk]) not in listing


def test_the_ngo_sees_who_answered_but_names_only_the_links_its_linked_list_shows(world, quarry):
    from supplychain.lists.building import list_publish
    from supplychain.lists.services import statement_record

    signal = file(world, quarry)
    services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal)
    url = reverse("signals:detail", args=[signal.pk])
    with translation.override("nl"):
        page = world.client("ngo_member").get(url).content.decode()
    assert world.organisations["company"].name not in page
    assert "Bedrijf 1" in page and "Bedrijf 2" in page
    statement_record(
        organisation=world.organisations["ngo"],
        signed_by=world.users["ngo_admin"],
        signer_name="Anna",
        signer_function="Directeur",
        language="nl",
    )
    # With a statement, but before the linked list shows these links: still no names.
    page = world.client("ngo_member").get(url).content.decode()
    assert world.organisations["company"].name not in page
    list_publish("linked")
    page = world.client("ngo_member").get(url).content.decode()
    assert world.organisations["company"].name in page
    assert world.organisations["other_company"].name in page


def test_the_conversation_runs_both_ways(world, quarry, django_capture_on_commit_callbacks):
    signal = file(world, quarry)
    services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal)
    route = SignalRoute.objects.get(organisation=world.organisations["company"])
    company = actor_for(world.users["company_member"], world.organisations["company"].pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_message_post(actor=company, route=route, body="We bezoeken de groeve.")
    route.refresh_from_db()
    assert route.answered_at is not None
    told = {address for message in mail.outbox for address in message.to}
    assert world.users["ngo_member"].email in told
    assert world.users["company_member"].email not in told  # not the writer
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_message_post(
            actor=actor(world, "ngo_member"), route=route, body="Dank, wanneer?"
        )
    assert world.users["company_admin"].email in {a for m in mail.outbox for a in m.to}
    sides = list(route.messages.values_list("side", flat=True))
    assert sides == ["company", "watcher"]
    page = world.client("ngo_member").get(reverse("signals:route", args=[route.pk]))
    assert "We bezoeken de groeve." in page.content.decode()


def test_the_outcome_closes_the_signal_and_the_conversation(world, quarry):
    signal = file(world, quarry)
    services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal)
    coordinator = actor(world, "secretariat_admin")
    with pytest.raises(ValidationError) as error:
        services.signal_close(actor=coordinator, signal=signal, outcome="closed", reason="")
    assert "reason" in error.value.message_dict
    services.signal_close(
        actor=coordinator, signal=signal, outcome="project", reason="Regionaal project."
    )
    signal.refresh_from_db()
    assert (signal.status, signal.outcome) == ("closed", "project")
    route = signal.routes.first()
    with pytest.raises(ValidationError):
        services.signal_message_post(actor=actor(world, "ngo_member"), route=route, body="Nog iets")


def test_a_signal_about_a_region_is_linked_to_a_site_before_routing(world, quarry):
    signal = file(world, quarry, site_id="", region="Budhpura", country="IN")
    coordinator = actor(world, "secretariat_admin")
    with pytest.raises(ValidationError):
        services.signal_route(actor=coordinator, signal=signal)
    services.signal_site_set(actor=coordinator, signal=signal, site_id=quarry.public_id)
    assert len(services.signal_route(actor=coordinator, signal=signal)) == 2


def test_late_answers_are_flagged_to_the_company_and_the_secretariat(world, quarry):
    signal = signal_about(world, quarry)
    late = route_to(
        signal, world.organisations["company"], due=timezone.localdate() - timedelta(days=1)
    )
    assert selectors.route_is_overdue(late)
    company = actor_for(world.users["company_admin"], world.organisations["company"].pk)
    tasks = selectors.signal_tasks(company)
    assert [url for _label, url in tasks] == [reverse("signals:route", args=[late.pk])]
    Signal.objects.filter(pk=signal.pk).update(routed_at=timezone.now() - timedelta(days=91))
    fresh = signal_about(world, quarry)  # received, not yet routed: to triage
    assert not selectors.signal_is_overdue(fresh)
    labels = [label for label, _url in selectors.signal_tasks(actor(world, "secretariat_admin"))]
    assert len(labels) == 2  # one to triage, one overdue
    page = world.client("secretariat_admin").get(reverse("signals:list")).content.decode()
    assert 'class="overdue"' in page


def test_the_form_shows_errors_next_to_the_fields(world, quarry):
    response = world.client("ngo_member").post(
        reverse("signals:new"), {"site_id": "TS-NOTHERE", "themes": [], "urgency": "urgent"}
    )
    assert response.status_code == 400
    assert Signal.objects.count() == 0
    assert response.content.decode().count('aria-invalid="true"') >= 2


def test_statistics_show_only_what_cannot_be_traced_to_a_company(world, quarry):
    from supplychain.signals.statistics import signal_statistics

    companies = [CovenantMembershipFactory().organisation for _ in range(4)]
    for company in companies[:3]:  # child labour in India: three companies
        route_to(signal_about(world, quarry), company)
    lonely = signal_about(world, quarry, themes=["forced_labour"])  # one company only
    route_to(lonely, companies[3])
    signal_about(world, quarry, themes=["living_wage"])  # not routed: not counted
    tables = signal_statistics()
    # Forced labour reached one company: never shown alone. With one other theme beside
    # it, that one joins it (else the total would give it away): both are "other".
    assert tables["theme"] == [{"value": "", "signals": 4}]
    assert tables["country"] == [{"value": "IN", "signals": 4}]
    assert tables["status"] == [{"value": "routed", "signals": 4}]
    more = [CovenantMembershipFactory().organisation for _ in range(3)]
    for company in more:  # health and safety: three more companies
        route_to(signal_about(world, quarry, themes=["health_and_safety"]), company)
    tables = signal_statistics()
    values = [row["value"] for row in tables["theme"]]
    assert "forced_labour" not in values
    assert "health_and_safety" in values
    page = world.client("secretariat_admin").get(reverse("signals:statistics"))
    text = page.content.decode()
    assert "Gezondheid en veiligheid" in text and "Dwangarbeid" not in text


def test_the_ngo_sees_on_its_dashboard_how_many_companies_answered(world, quarry):
    signal = signal_about(world, quarry)
    answered = route_to(signal, world.organisations["company"])
    route_to(signal, world.organisations["other_company"])
    SignalRoute.objects.filter(pk=answered.pk).update(answered_at=timezone.now())
    with translation.override("en"):
        tasks = selectors.signal_tasks(actor(world, "ngo_member"))
    assert [label for label, _url in tasks] == [
        f"1 of 2 companies answered your signal about {quarry}"
    ]
    assert selectors.signal_tasks(actor(world, "union_member")) == []


def test_a_company_does_not_read_the_coordinators_closing_reasons(
    world, quarry, django_capture_on_commit_callbacks
):
    signal = file(world, quarry)
    services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal)
    reason = "Het andere bedrijf zegde het contract op."
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_close(
            actor=actor(world, "secretariat_admin"), signal=signal, outcome="closed", reason=reason
        )
    route = SignalRoute.objects.get(organisation=world.organisations["company"])
    page = world.client("company_admin").get(reverse("signals:route", args=[route.pk]))
    assert reason not in page.content.decode()
    to_company = [m for m in mail.outbox if world.users["company_admin"].email in m.to]
    to_ngo = [m for m in mail.outbox if world.users["ngo_member"].email in m.to]
    assert to_company and all(reason not in m.body for m in to_company)
    assert to_ngo and reason in to_ngo[0].body


def test_a_routed_signal_keeps_its_site(world, quarry):
    signal = file(world, quarry, site_id="", region="Budhpura", country="IN")
    coordinator = actor(world, "secretariat_admin")
    services.signal_site_set(actor=coordinator, signal=signal, site_id=quarry.public_id)
    services.signal_route(actor=coordinator, signal=signal)
    elsewhere = site("Other quarry", (25.3, 75.6))
    with pytest.raises(ValidationError):
        services.signal_site_set(actor=coordinator, signal=signal, site_id=elsewhere.public_id)


def test_the_coordinator_sets_what_the_companies_read(world, quarry):
    signal = file(
        world,
        quarry,
        description="Kinderen sjouwen stenen; de inkoper van Graniet Import zag het ook.",
        attachments=[
            SimpleUploadedFile("foto.pdf", b"%PDF-1.4 foto"),
            SimpleUploadedFile("getuige.pdf", b"%PDF-1.4 getuige"),
        ],
    )
    photo, witness = signal.attachments.order_by("pk")
    coordinator = world.client("secretariat_admin")
    response = coordinator.post(
        reverse("signals:company_version", args=[signal.pk]),
        {"company_description": "Kinderen sjouwen stenen.", "shared": [photo.pk]},
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.company_description == "Kinderen sjouwen stenen."
    services.signal_route(actor=actor(world, "secretariat_admin"), signal=signal)
    route = SignalRoute.objects.get(organisation=world.organisations["company"])
    company = world.client("company_member")
    page = company.get(reverse("signals:route", args=[route.pk])).content.decode()
    assert "Kinderen sjouwen stenen." in page and "Graniet Import" not in page
    assert "foto.pdf" in page and "getuige.pdf" not in page
    assert company.get(reverse("signals:attachment", args=[photo.pk])).status_code == 200
    assert company.get(reverse("signals:attachment", args=[witness.pk])).status_code == 404
    # The NGO and the secretariat keep the signal as filed, with every attachment.
    ngo = world.client("ngo_member")
    assert (
        "de inkoper van Graniet Import"
        in ngo.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    )
    assert ngo.get(reverse("signals:attachment", args=[witness.pk])).status_code == 200
    assert AuditEntry.objects.filter(action="signal_company_version_set").exists()


def test_the_text_as_filed_is_kept_when_the_coordinator_changes_nothing(world, quarry):
    signal = file(world, quarry)
    services.signal_company_version_set(
        actor=actor(world, "secretariat_admin"),
        signal=signal,
        description=signal.description + "  ",
        shared_attachment_ids=list(signal.attachments.values_list("pk", flat=True)),
    )
    signal.refresh_from_db()
    assert signal.company_description == ""
    with pytest.raises(PermissionDenied):
        services.signal_company_version_set(
            actor=actor(world, "secretariat_member"),
            signal=signal,
            description="Anders.",
            shared_attachment_ids=[],
        )
