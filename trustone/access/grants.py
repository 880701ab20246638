"""Object-level grants (django-guardian) for what roles cannot express, such as an
assessor assigned to one report. Checked by selectors, never by views directly."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from guardian.shortcuts import assign_perm, get_objects_for_user, get_user_perms, remove_perm


def grant(*, user: Any, permission: str, obj: Model) -> None:
    """Give `user` the object permission `permission` ("app.codename") on `obj`."""
    assign_perm(permission, user, obj)


def revoke(*, user: Any, permission: str, obj: Model) -> None:
    remove_perm(permission, user, obj)


def has_grant(*, user: Any, permission: str, obj: Model) -> bool:
    """Whether `user` holds `permission` on `obj` through a grant of its own (being a
    superuser is not a grant)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return permission.split(".", 1)[-1] in get_user_perms(user, obj)


def granted_objects(*, user: Any, permission: str, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The objects of `queryset` on which `user` holds `permission` through a grant."""
    return get_objects_for_user(
        user,
        permission,
        klass=queryset,
        accept_global_perms=False,
        use_groups=False,
        with_superuser=False,
    )
