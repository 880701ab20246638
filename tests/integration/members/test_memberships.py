"""Roles within an organisation, and acting for one of several organisations."""

import pytest
from django.urls import reverse

from members.models import Membership

pytestmark = pytest.mark.django_db


def test_the_last_admin_cannot_step_down(world) -> None:
    admin_membership = Membership.objects.get(user=world.users["company_admin"])
    client = world.client("company_admin")
    response = client.post(
        reverse("members:membership_update", args=[admin_membership.pk]),
        {"role": "member", "is_active": "on"},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["Een organisatie heeft ten minste één actieve beheerder nodig."]
    admin_membership.refresh_from_db()
    assert admin_membership.role == "admin"


def test_an_admin_promotes_and_deactivates_a_colleague(world) -> None:
    member = Membership.objects.get(user=world.users["company_member"])
    client = world.client("company_admin")
    client.post(reverse("members:membership_update", args=[member.pk]), {"role": "admin"})
    member.refresh_from_db()
    assert (member.role, member.is_active) == ("admin", False)
    # A deactivated user no longer acts for the organisation.
    dashboard = world.client("company_member").get(reverse("members:dashboard"))
    assert dashboard.context["actor"].organisation is None


def test_what_a_user_sees_follows_the_organisation_they_act_for(world) -> None:
    user = world.users["company_member"]
    Membership.objects.create(
        user=user, organisation=world.organisations["other_company"], role="member"
    )
    client = world.client("company_member")
    assert client.get(reverse("members:dashboard")).context["actor"].organisation.slug == "gin"

    client.post(reverse("members:switch"), {"organisation": world.organisations["company"].pk})
    dashboard = client.get(reverse("members:dashboard"))
    assert dashboard.context["actor"].organisation.slug == "vds"
    people = {m.user.email for m in dashboard.context["people"]}
    assert world.users["company_admin"].email in people
    assert world.users["other_company_admin"].email not in people


def test_switching_to_an_organisation_one_does_not_belong_to_is_not_found(world) -> None:
    client = world.client("company_admin")
    response = client.post(
        reverse("members:switch"), {"organisation": world.organisations["secretariat"].pk}
    )
    assert response.status_code == 404
    assert client.get(reverse("members:dashboard")).context["actor"].organisation.slug == "vds"


def test_organisation_list_searches_and_filters(world) -> None:
    client = world.client("secretariat_admin")
    page = client.get(reverse("members:organisation_list"), {"q": "graniet"}).context["page"]
    assert [o.name for o in page.object_list] == ["Graniet Import Nederland B.V."]
    page = client.get(reverse("members:organisation_list"), {"kind": "ngo"}).context["page"]
    assert [o.name for o in page.object_list] == ["India Werkgroep"]
    page = client.get(reverse("members:organisation_list"), {"q": "bestaat-niet"}).context["page"]
    assert page.paginator.count == 0


def test_dashboard_query_count_does_not_grow_with_colleagues(
    world, django_assert_max_num_queries
) -> None:
    from tests.factories import MembershipFactory

    client = world.client("company_admin")
    client.get(reverse("members:dashboard"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("members:dashboard"))
    MembershipFactory.create_batch(30, organisation=world.organisations["company"], role="member")
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("members:dashboard"))
