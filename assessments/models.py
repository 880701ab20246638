"""Levels and, later, reports and assessments."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LevelSource(models.TextChoices):
    ASSESSMENT = "assessment", _("Assessment")
    RECORDED = "recorded", _("Recorded by the secretariat")


class LevelAssignment(models.Model):
    """A company's level (1–5; 0 = not yet classified) as decided on a date. The level
    history is the list of these; a correction is a new record, never an update."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="levels"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.PositiveSmallIntegerField(_("level"))
    decided_on = models.DateField(_("decided on"))
    explanatory_note = models.TextField(
        _("explanatory note"),
        blank=True,
        help_text=_("Shown on the public listing when a company from level 3 is delayed."),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=LevelSource.choices, default=LevelSource.RECORDED
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["organisation", "-decided_on", "-id"]
        indexes = [
            # The current level of a company: its latest decision, read from the index.
            models.Index(
                fields=["organisation", "-decided_on", "-id"],
                include=["level"],
                name="level_org_latest_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__lte=5), name="level_at_most_5")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}: {self.level}"
