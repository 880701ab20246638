"""Abstract models shared by the apps (no tables of their own)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Tracked(models.Model):
    """Who changed it last, and when: set by `trustone.services.model_update`."""

    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True
