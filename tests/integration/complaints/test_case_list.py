"""The list of cases answers 200 to everyone acting for a party, the committee or the
secretariat (the isolation harness), but shows each only the cases it may open; an
assigned secretariat member reads its case and is offered no form to write in it."""

import pytest
from django.urls import reverse

from complaints import services
from tests.factories.complaints import as_actor, complaint, dispute
from tests.isolation.harness.complaints import CASE_LIST_READERS

pytestmark = pytest.mark.django_db


def _main(response):
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def test_the_list_shows_each_actor_only_the_cases_it_may_open(world):
    plain, _digits = complaint()
    assigned, _digits = complaint()
    services.case_staff_assign(
        actor=as_actor(world, "committee_admin"),
        case=assigned,
        user_ids=[world.users["secretariat_member"].pk],
    )
    recused, _digits = complaint()
    services.case_recuse(
        actor=as_actor(world, "committee_member"),
        case=recused,
        user_id=world.users["committee_member"].pk,
    )
    by_ngo = dispute(world, by="ngo_admin", against="company")
    against_ngo = dispute(world, by="government_admin", against="ngo")
    cases = (plain, assigned, recused, by_ngo, against_ngo)
    expected = {
        "committee_admin": set(cases),
        "committee_member": set(cases) - {recused},
        "secretariat_member": {assigned},
        "ngo_admin": {by_ngo, against_ngo},
        "company_admin": {by_ngo},
        "government_admin": {against_ngo},
    }
    for who in CASE_LIST_READERS:
        response = world.client(who).get(reverse("complaints:cases"))
        assert response.status_code == 200, f"{who} got {response.status_code}"
        page = _main(response)
        shown = {case for case in cases if case.reference in page}
        assert shown == expected.get(who, set()), who


def test_an_assigned_secretariat_member_reads_the_case_and_is_offered_no_form(world):
    case, _digits = complaint()
    services.case_staff_assign(
        actor=as_actor(world, "committee_admin"),
        case=case,
        user_ids=[world.users[who].pk for who in ("secretariat_member", "secretariat_assessor")],
    )
    url = reverse("complaints:case", args=[case.pk])
    message_url = reverse("complaints:case_message", args=[case.pk])
    member = world.client("secretariat_member").get(url)
    assert member.status_code == 200 and message_url not in member.content.decode()
    assessor = world.client("secretariat_assessor").get(url)
    assert assessor.status_code == 200 and message_url in assessor.content.decode()
