"""The steering group's dashboard (/steering/): delays and requests for special
circumstances (decided by the chair), candidate project regions, signals and complaints
past their deadlines, membership movements, the progress of the initiative in charts."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from assessments.models import DelayCase
from assessments.steering.overdue import overdue_items
from complaints.models import Case
from complaints.selectors import overdue_for_steering
from members.models import PartyApplication
from supplychain.models import ListKind, ListPublication, SignalRoute
from tests.factories.complaints import MARKER, complaint
from tests.factories.signals import route_to
from tests.factories.steering import decided_score, late_signal, member, terminated
from trustone.access.actor import actor_for
from trustone.dashboard import tasks_for

pytestmark = pytest.mark.django_db

DASHBOARD = "/steering/"
ARGUMENT = (
    "Wij zijn in 2025 overgenomen door een andere importeur; de nieuwe eigenaar heeft de "
    "inkoop uit India stopgezet en wij bouwen de keten opnieuw op."
)


def today():
    return timezone.localdate()


def years_ago(years, days=0):
    return today().replace(year=today().year - years) - timedelta(days=days)


def delayed(name, level=3, since=None, argument=""):
    """A full member on `level` since `since` (default: four years ago): delayed."""
    company = member(name, joined_on=date(2021, 1, 1), levels=((since or years_ago(4), level),))
    if argument:
        DelayCase.objects.create(
            organisation=company,
            level=level,
            entered_level_on=since or years_ago(4),
            argument=argument,
            argued_at=timezone.now(),
        )
    return company


def english(world, who):
    client = world.client(who)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(world, who="steering_member"):
    response = english(world, who).get(DASHBOARD)
    assert response.status_code == 200
    return response


def test_the_url():
    assert reverse("steering:dashboard") == DASHBOARD


def test_delayed_companies_and_the_requests_to_decide(world) -> None:
    waiting = delayed("Wachtend Graniet", argument=ARGUMENT)
    modules = delayed("Kennis Steen", level=2)
    DelayCase.objects.create(
        organisation=modules,
        level=2,
        entered_level_on=years_ago(4),
        knowledge_modules_offered_on=years_ago(1),
    )
    member("Op Schema B.V.", joined_on=date(2021, 1, 1), levels=((years_ago(1), 3),))
    decided = delayed("Besloten Hardsteen", argument=ARGUMENT)
    DelayCase.objects.filter(organisation=decided).update(
        decision="improvement_plan", decided_on=years_ago(0, 10), decision_reason="Plan"
    )
    response = page(world)
    rows = {row.organisation.name: row for row in response.context["delayed"]}
    assert set(rows) == {"Wachtend Graniet", "Kennis Steen", "Besloten Hardsteen"}
    assert rows["Kennis Steen"].follow_up == "knowledge_modules"
    assert rows["Wachtend Graniet"].expected_until == years_ago(2)
    assert [row.organisation for row in response.context["requests"]] == [waiting]
    html = response.content.decode()
    assert reverse("steering:delay", args=[waiting.pk]) in html
    assert "Special circumstances requested: awaiting the steering group" in html
    assert "Improvement plan with one more year" in html
    assert "Op Schema" not in html


def test_the_request_page_offers_the_form_to_the_chair_only(world) -> None:
    company = delayed("Wachtend Graniet", argument=ARGUMENT)
    url = reverse("steering:delay", args=[company.pk])
    for who, may_decide in (
        ("steering_admin", True),
        ("steering_member", False),
        ("secretariat_admin", False),
    ):
        response = world.client(who).get(url)
        assert response.status_code == 200
        assert response.context["may_decide"] is may_decide
        html = response.content.decode()
        assert ARGUMENT in html and company.name in html
        assert ('name="decision"' in html) is may_decide
    on_track = member("Op Schema B.V.", joined_on=date(2021, 1, 1), levels=((years_ago(1), 3),))
    response = world.client("steering_admin").get(reverse("steering:delay", args=[on_track.pk]))
    assert response.status_code == 404


def test_the_chair_has_a_task_for_the_requests_awaiting_a_decision(world) -> None:
    first = delayed("Wachtend Graniet", argument=ARGUMENT)
    delayed("Tweede Graniet", argument=ARGUMENT)
    delayed("Zonder Verzoek")
    chair = actor_for(world.users["steering_admin"])
    with translation.override("en"):
        assert tasks_for(chair) == [
            (
                "2 requests for special circumstances await the steering group's decision",
                DASHBOARD + "#requests",
            )
        ]
        for who in ("steering_member", "secretariat_admin"):
            assert not [
                label
                for label, _url in tasks_for(actor_for(world.users[who]))
                if "special" in label
            ]
    world.client("steering_admin").post(
        reverse("steering:delay", args=[first.pk]),
        {"decision": "accepted", "decided_on": today().isoformat(), "reason": "Overname"},
    )
    with translation.override("en"):
        assert tasks_for(chair)[0][0].startswith("1 request for special circumstances awaits")
    dashboard = world.client("steering_admin").get(reverse("members:dashboard"))
    assert DASHBOARD + "#requests" in dashboard.content.decode()


def test_the_candidate_project_regions(world) -> None:
    ListPublication.objects.create(
        kind=ListKind.PROJECT_REGIONS,
        rows=[
            {
                "country": "IN",
                "region": "Rajasthan",
                "companies": 4,
                "themes": [
                    {"theme": "child_labour", "name": "Child labour", "companies": 3},
                    {"theme": "living_wage", "name": "Living wage", "companies": 1},
                ],
            }
        ],
        digest="d1",
        row_count=1,
    )
    response = page(world)
    assert [(r["region"], r["companies"]) for r in response.context["regions"]] == [
        ("Rajasthan", 4)
    ]
    html = response.content.decode()
    assert "Child labour (3)" in html and "India" in html


def test_no_list_of_regions_yet(world) -> None:
    response = page(world)
    assert response.context["publication"] is None and response.context["regions"] == []


def test_signals_past_their_deadlines_without_company_names(world) -> None:
    company = world.organisations["company"]
    not_routed = late_signal(world, days_ago=40)  # routine: to be routed within 28 days
    late_signal(world, days_ago=3)  # in time
    answered_late = late_signal(world, days_ago=20, urgency="urgent", region="Khammam")
    route_to(answered_late, company, due=today() - timedelta(days=2))
    closed = late_signal(world, days_ago=200)
    closed.status = "closed"
    closed.save(update_fields=["status"])
    response = page(world)
    rows = {row.pk: row for row in response.context["overdue_signals"]}
    assert set(rows) == {not_routed.pk, answered_late.pk}
    assert (rows[not_routed.pk].days_overdue, str(rows[not_routed.pk].deadline_name)) == (
        12,
        "routing",
    )
    assert (rows[answered_late.pk].days_overdue, rows[answered_late.pk].late_answers) == (2, 1)
    section = response.content.decode().split('id="overdue"')[1].split("</section>")[0]
    assert company.name not in section and "Khammam" not in section
    assert "Child labour" in section
    # The steering group does not open signals; the secretariat follows the link.
    assert reverse("signals:detail", args=[not_routed.pk]) not in section
    secretariat = world.client("secretariat_member").get(DASHBOARD).content.decode()
    assert reverse("signals:detail", args=[not_routed.pk]) in secretariat
    assert SignalRoute.objects.count() == 1


def test_complaints_past_their_deadlines_through_the_hook(world) -> None:
    assert overdue_for_steering in list(overdue_items)  # ComplaintsConfig.ready()
    case, _receipt = complaint(
        is_anonymous=False,
        name="Rani Kumari Meena",
        email="rani@example.org",
        content={
            "what": MARKER,
            "where": "Bundi, Rajasthan",
            "company": "Van der Steen Natuursteen",
            "remedy": "",
        },
    )
    in_time, _receipt = complaint()
    Case.objects.filter(pk=case.pk).update(admissibility_due=today() - timedelta(days=9))
    response = page(world)
    items = response.context["overdue_items"]
    assert [(item.reference, item.days_overdue) for item in items] == [(case.reference, 9)]
    assert (items[0].kind, items[0].deadline_name) == ("complaint", "admissibility decision")
    html = response.content.decode()
    assert case.reference in html and in_time.reference not in html
    for secret in (MARKER, "Rani", "rani@example.org", "Van der Steen", "Bundi"):
        assert secret not in html, secret
    # Nobody else gets the cases through the hook.
    assert overdue_for_steering(actor_for(world.users["company_admin"])) == []


def test_membership_movements(world) -> None:
    recorder = world.users["secretariat_admin"]
    member("Nieuw Graniet", joined_on=today() - timedelta(days=30))
    member("Oud Graniet", joined_on=date(2022, 5, 1))
    leaving = member("Opzegger B.V.", joined_on=date(2022, 6, 1))
    terminated(
        leaving,
        kind="notice",
        notice_on=today() - timedelta(days=60),
        ends_on=today() + timedelta(days=300),
        recorded_by=recorder,
    )
    expelled = member("Geroyeerd B.V.", joined_on=date(2022, 7, 1))
    terminated(
        expelled,
        kind="expulsion",
        notice_on=today() - timedelta(days=10),
        ends_on=today() - timedelta(days=10),
        recorded_by=recorder,
    )
    noticed_long_ago = member("Lang Opgezegd B.V.", joined_on=date(2022, 8, 1))
    terminated(
        noticed_long_ago,
        kind="notice",
        notice_on=today() - timedelta(days=400),
        ends_on=today() - timedelta(days=30),
        recorded_by=recorder,
    )
    long_gone = member("Lang Weg B.V.", joined_on=date(2022, 1, 1))
    terminated(
        long_gone,
        kind="stopped_trading",
        notice_on=date(2023, 2, 1),
        ends_on=date(2023, 3, 1),
        recorded_by=recorder,
    )
    PartyApplication.objects.create(
        organisation_name="Stichting Steenwerkers",
        organisation_kind="ngo",
        country="NL",
        contact_name="Priya Raman",
        contact_email="priya@example.org",
        motivation="Motivatie",
        accepts_criteria=True,
    )
    PartyApplication.objects.create(
        organisation_name="Al Besloten",
        organisation_kind="union",
        country="BE",
        contact_name="X",
        contact_email="x@example.org",
        motivation="M",
        accepts_criteria=True,
        status="approved",
    )
    response = page(world)
    movements = [(m.organisation, m.what) for m in response.context["movements"]]
    assert movements == [
        ("Geroyeerd B.V.", "expelled"),
        ("Nieuw Graniet", "joined"),
        ("Lang Opgezegd B.V.", "ended"),  # gave notice before, left now
        ("Opzegger B.V.", "notice"),
    ]
    applications = response.context["applications"]
    assert [a["organisation_name"] for a in applications] == ["Stichting Steenwerkers"]
    html = response.content.decode()
    assert "priya@example.org" not in html and "Priya" not in html
    table = {row[0]: row[1:] for row in response.context["movement_chart"].rows}
    assert table[2022] == [5, 0, 0, 0]  # joined, left after notice, expelled, otherwise
    assert table[2023] == [0, 0, 0, 1]
    assert table[today().year][2] == 1


def test_the_progress_charts(world, framework_v1) -> None:
    a = member(
        "A Graniet",
        joined_on=date(2024, 2, 1),
        levels=((date(2024, 10, 1), 1), (date(2025, 10, 1), 2)),
    )
    b = member("B Graniet", joined_on=date(2025, 1, 1), levels=((date(2025, 11, 1), 3),))
    c = member("C Graniet", joined_on=date(2025, 3, 1))
    member("Gemeente X", joined_on=date(2025, 3, 1), kind="government", member_type="government")
    decided_score(a, 2024, "40.0", framework_v1)
    decided_score(b, 2024, "60.0", framework_v1)
    for company, score in ((a, "50.0"), (b, "70.0"), (c, "30.0")):
        decided_score(company, 2025, score, framework_v1)
    response = page(world)
    charts = {chart.key: chart for chart in response.context["charts"]}
    levels = {row[0]: row[1:] for row in charts["levels"].rows}
    assert levels[2024] == [0, 1, 0, 0, 0, 0, 1]  # not classified, levels 1–5, total
    assert levels[2025] == [1, 0, 1, 1, 0, 0, 3]
    members = {row[0]: row[1:] for row in charts["members"].rows}
    assert members[2024] == [1, 0] and members[2025] == [3, 1]
    scores = {row[0]: row[1:] for row in charts["score"].rows}
    assert scores[2024] == ["—", 2]  # two companies: no average (DOMAIN §5)
    assert scores[2025] == ["50.0 %", 3]
    html = response.content.decode()
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 4
    assert html.count("<details>") >= 4  # each chart's figures as a table


def _world_of_size(world, size, framework):
    recorder = world.users["secretariat_admin"]
    for n in range(size):
        company = delayed(f"Vertraagd {n}", argument=ARGUMENT if n % 2 else "")
        decided_score(company, 2025, str(40 + n), framework)
        late_signal(world, days_ago=40 + n)
        gone = member(f"Vertrokken {n}", joined_on=date(2023, 1, 1))
        terminated(
            gone,
            kind="expulsion" if n % 2 else "notice",
            notice_on=today() - timedelta(days=20 + n),
            ends_on=today() - timedelta(days=5),
            recorded_by=recorder,
        )
        case, _receipt = complaint()
        Case.objects.filter(pk=case.pk).update(admissibility_due=today() - timedelta(days=n + 1))


@pytest.mark.parametrize("size", [2, 8])
def test_the_dashboard_queries_do_not_grow(
    world, framework_v1, size, django_assert_max_num_queries
) -> None:
    _world_of_size(world, size, framework_v1)
    client = world.client("steering_admin")
    client.get(DASHBOARD)  # the session and the caches warm
    with django_assert_max_num_queries(18):
        response = client.get(DASHBOARD)
    assert len(response.context["delayed"]) == size
    assert len(response.context["overdue_items"]) == size
