"""Writes shared by every app's services."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone

from .models import Tracked

M = TypeVar("M", bound=models.Model)


def model_update(
    instance: M, *, fields: Iterable[str], data: Mapping[str, Any], user: Any = None
) -> tuple[M, bool]:
    """Set `data` on `instance`, only the whitelisted `fields` (anything else is a
    programming error: TypeError), stamp who and when on a Tracked model, validate
    (full_clean) and save. Returns the instance and whether any value changed. The
    caller has checked who may do this."""
    unknown = set(data) - set(fields)
    if unknown:
        raise TypeError(f"{type(instance).__name__} does not take {sorted(unknown)}")
    changed: list[str] = []
    for name, value in data.items():
        if getattr(instance, name, None) != value:
            setattr(instance, name, value)
            changed.append(name)
    stamps = []
    if isinstance(instance, Tracked):
        instance.updated_at, instance.updated_by = timezone.now(), user
        stamps = ["updated_at", "updated_by"]
    instance.full_clean()
    if instance._state.adding:
        instance.save()
    else:
        # Only the whitelisted fields this call was given (a ModelForm may have set them
        # on the instance already): a stale instance never writes back other columns,
        # such as a facility's registry link that the matcher set meanwhile.
        instance.save(update_fields=[*data, *stamps])
    return instance, bool(changed)
