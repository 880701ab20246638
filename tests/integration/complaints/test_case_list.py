"""The list of cases answers 200 to everyone acting for a party, the committee or the
secretariat (the isolation harness), but shows each only the cases it may open; an
assigned assessor reads its case; a plain secretariat member cannot be assigned and
sees none."""

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
        user_ids=[world.users["secretariat_assessor"].pk],
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
        "secretariat_assessor": {assigned},
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


def test_a_plain_secretariat_member_is_never_case_staff(world):
    from django.core.exceptions import ValidationError

    case, _digits = complaint()
    with pytest.raises(ValidationError):
        services.case_staff_assign(
            actor=as_actor(world, "committee_admin"),
            case=case,
            user_ids=[world.users["secretariat_member"].pk],
        )
    case.assigned_staff.add(world.users["secretariat_member"])  # even if set by hand
    url = reverse("complaints:case", args=[case.pk])
    assert world.client("secretariat_member").get(url).status_code == 404
    services.case_staff_assign(
        actor=as_actor(world, "committee_admin"),
        case=case,
        user_ids=[world.users["secretariat_assessor"].pk],
    )
    assessor = world.client("secretariat_assessor").get(url)
    assert assessor.status_code == 200
    assert reverse("complaints:case_message", args=[case.pk]) in assessor.content.decode()
