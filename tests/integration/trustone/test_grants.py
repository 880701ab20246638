"""django-guardian holds object-level grants that roles cannot express."""

import pytest

from members.models import Organisation
from trustone.access.grants import grant, granted_objects, has_grant, revoke

pytestmark = pytest.mark.django_db


def test_a_grant_is_for_one_object_and_one_user(world) -> None:
    assessor = world.users["secretariat_assessor"]
    company, other = world.organisations["company"], world.organisations["other_company"]
    permission = "members.view_organisation"
    assert not has_grant(user=assessor, permission=permission, obj=company)

    grant(user=assessor, permission=permission, obj=company)
    assert has_grant(user=assessor, permission=permission, obj=company)
    assert not has_grant(user=assessor, permission=permission, obj=other)
    assert not has_grant(user=world.users["secretariat_admin"], permission=permission, obj=company)
    visible = granted_objects(
        user=assessor, permission=permission, queryset=Organisation.objects.all()
    )
    assert list(visible) == [company]

    revoke(user=assessor, permission=permission, obj=company)
    assert not has_grant(user=assessor, permission=permission, obj=company)


def test_anonymous_users_hold_no_grants(world) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not has_grant(
        user=AnonymousUser(),
        permission="members.view_organisation",
        obj=world.organisations["company"],
    )


def test_a_superuser_holds_only_the_grants_it_was_given(world) -> None:
    admin = world.users["secretariat_admin"]
    admin.is_superuser = True
    admin.save()
    company, other = world.organisations["company"], world.organisations["other_company"]
    permission = "members.view_organisation"
    assert not has_grant(user=admin, permission=permission, obj=company)
    grant(user=admin, permission=permission, obj=company)
    assert has_grant(user=admin, permission=permission, obj=company)
    assert not has_grant(user=admin, permission=permission, obj=other)
    visible = granted_objects(
        user=admin, permission=permission, queryset=Organisation.objects.all()
    )
    assert list(visible) == [company]
