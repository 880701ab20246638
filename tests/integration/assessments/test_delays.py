"""Progress and delay: the path per level, knowledge modules, the explanatory note on
the public listing, special circumstances and the steering group's decision."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessments.models import DelayCase
from members.models import CovenantMembership, LevelAssignment, Termination
from tests.factories import CovenantMembershipFactory

pytestmark = pytest.mark.django_db


def at_level(organisation, level, since):
    CovenantMembership.objects.filter(organisation=organisation).exists() or (
        CovenantMembershipFactory(organisation=organisation)
    )
    LevelAssignment.objects.create(
        organisation=organisation, year=since.year, level=level, decided_on=since
    )


def years_ago(years, days=0):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


def test_the_secretariat_sees_who_is_behind(world) -> None:
    company, other = world.organisations["company"], world.organisations["other_company"]
    at_level(company, 1, years_ago(2, days=1))  # one year expected + one accepted, just past
    at_level(other, 3, years_ago(2))  # two years expected: on track
    client = world.client("secretariat_admin")
    rows = {
        r.organisation.name: r
        for r in client.get(reverse("assessments:progress")).context["page"].object_list
    }
    assert rows[company.name].is_delayed and not rows[other.name].is_delayed
    assert rows[other.name].expected_until == years_ago(0)
    delayed = client.get(reverse("assessments:progress"), {"delayed": "1"}).context["page"]
    assert [r.organisation for r in delayed.object_list] == [company]
    # A company on track has no delay page.
    url = reverse("assessments:delayed_member", args=[other.pk])
    assert client.get(url).status_code == 404


def test_knowledge_modules_for_a_delay_on_level_1_or_2(
    world, django_capture_on_commit_callbacks
) -> None:
    company = world.organisations["company"]
    at_level(company, 2, years_ago(3))
    client = world.client("secretariat_admin")
    url = reverse("assessments:knowledge_modules", args=[company.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    case = DelayCase.objects.get()
    assert (case.level, case.knowledge_modules_offered_on) == (2, timezone.localdate())
    assert [m.to for m in mail.outbox] == [[world.users["company_admin"].email]]
    client.post(url)
    assert DelayCase.objects.count() == 1  # offered once
    page = world.client("company_member").get(reverse("assessments:my_progress"))
    assert page.context["progress"].is_delayed
    assert "kennismodules" in page.content.decode()


def test_a_delayed_company_from_level_3_explains_on_the_listing(world) -> None:
    company = world.organisations["company"]
    at_level(company, 3, years_ago(3, days=1))
    at_level(company, 3, date(2026, 1, 15))  # confirmed this term: the clock runs on
    note = "Wij wisselen van leverancier omdat de groeve geen audit toeliet."
    member = world.client("company_member")
    response = member.post(reverse("assessments:explanatory_note"), {"note": note})
    assert response.status_code == 404  # only an administrator writes it
    admin = world.client("company_admin")
    response = admin.post(reverse("assessments:explanatory_note"), {"note": ""})
    assert response.status_code == 400 and "note" in response.context["note_form"].errors
    assert admin.post(reverse("assessments:explanatory_note"), {"note": note}).status_code == 302
    listing = world.client("anonymous").get(reverse("members:listing"))
    assert note in listing.content.decode()
    # Knowledge modules are for levels 1 and 2 only.
    office = world.client("secretariat_admin")
    office.post(reverse("assessments:knowledge_modules", args=[company.pk]))
    assert DelayCase.objects.get().knowledge_modules_offered_on is None


def test_a_company_on_track_cannot_file_a_note(world) -> None:
    at_level(world.organisations["company"], 3, years_ago(1))
    response = world.client("company_admin").post(
        reverse("assessments:explanatory_note"), {"note": "Iets"}
    )
    assert response.status_code == 400
    assert not DelayCase.objects.exists()


def test_special_circumstances_and_an_improvement_plan(
    world, django_capture_on_commit_callbacks
) -> None:
    company = world.organisations["company"]
    at_level(company, 1, years_ago(3))
    admin = world.client("company_admin")
    url = reverse("assessments:special_circumstances")
    response = admin.post(url, {"argument": "Overname."})
    assert response.status_code == 400 and "argument" in response.context["argument_form"].errors
    argument = (
        "Wij zijn in 2025 overgenomen door een andere importeur; de nieuwe eigenaar heeft "
        "de inkoop uit India stopgezet en wij bouwen de keten opnieuw op."
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(url, {"argument": argument}).status_code == 302
    assert [m.to for m in mail.outbox] == [[world.users["secretariat_admin"].email]]
    decision = reverse("steering:delay", args=[company.pk])
    # The steering group's chair records it; a member of the group, the coordinator and
    # an assessor may not.
    data = {"decision": "improvement_plan", "decided_on": "2026-11-20", "reason": "Overname"}
    for who in ("secretariat_assessor", "secretariat_admin", "steering_member"):
        assert world.client(who).post(decision, data).status_code == 404, who
    assert not DelayCase.objects.get().decision
    response = world.client("steering_admin").post(decision, {**data, "reason": ""})
    assert response.status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert world.client("steering_admin").post(decision, data).status_code == 302
    case = DelayCase.objects.get()
    assert (case.decision, case.improvement_deadline) == ("improvement_plan", date(2027, 11, 20))
    assert case.updated_by == world.users["steering_admin"]
    assert case.argument == argument
    assert [m.to for m in mail.outbox] == [[world.users["company_admin"].email]]
    assert world.client("steering_admin").post(decision, data).status_code == 400
    # The coordinator's page shows the decision and no longer offers the form.
    page = world.client("secretariat_admin").get(
        reverse("assessments:delayed_member", args=[company.pk])
    )
    assert page.status_code == 200
    assert 'name="decision"' not in page.content.decode()
    assert page.context["case"].decision == "improvement_plan"


def test_expulsion_ends_the_membership(world, django_capture_on_commit_callbacks) -> None:
    company = world.organisations["company"]
    at_level(company, 3, years_ago(4))
    decided_on = timezone.localdate() - timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("steering_admin").post(
            reverse("steering:delay", args=[company.pk]),
            {
                "decision": "expulsion",
                "decided_on": decided_on.isoformat(),
                "reason": "Geen voortgang",
            },
        )
    assert response.status_code == 302
    termination = Termination.objects.get(organisation=company)
    assert (termination.kind, termination.ends_on) == ("expulsion", decided_on)
    assert termination.steering_group_decided_on == decided_on
    assert termination.recorded_by == world.users["steering_admin"]
    assert DelayCase.objects.get().termination == termination
    assert CovenantMembership.objects.get(organisation=company).ends_on == decided_on
    # The company's administrators hear of the decision and of the end of the membership
    # (the secretariat too).
    recipients = {address for message in mail.outbox for address in message.to}
    assert {world.users["company_admin"].email, world.users["secretariat_admin"].email} <= (
        recipients
    )
    # The expelled company keeps its page with the decision.
    page = world.client("steering_member").get(reverse("steering:delay", args=[company.pk]))
    assert page.status_code == 200 and page.context["case"].decision == "expulsion"


def test_the_chair_may_not_terminate_a_membership_otherwise(world) -> None:
    from django.core.exceptions import PermissionDenied

    from members.lifecycle import termination_record
    from trustone.access.actor import actor_for

    company = world.organisations["company"]
    CovenantMembershipFactory(organisation=company)
    chair = actor_for(world.users["steering_admin"])
    with pytest.raises(PermissionDenied):
        termination_record(
            actor=chair,
            organisation=company,
            kind="takeover",
            reason="Overgenomen",
            notice_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            steering_group_decided_on=None,
        )
    assert not Termination.objects.exists()
