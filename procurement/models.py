"""Procurement: requests to test a plan of action (Art. 7.15), with the tender they are
about and its ambition level."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AmbitionLevel(models.TextChoices):
    BASIS = "basis", _("Basis")
    SIGNIFICANT = "significant", _("Significant")
    AMBITIOUS = "ambitious", _("Ambitious")


class PlanVerdict(models.TextChoices):
    SUFFICIENT = "sufficient", _("Sufficient")
    IMPROVE = "improve", _("Sufficient after improvements")
    INSUFFICIENT = "insufficient", _("Insufficient")


class PlanTestRequest(models.Model):
    """A government or a company asks the secretariat to test a plan of action that a
    member company submitted (for example for a contract); the secretariat answers."""

    requested_by_organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="plan_test_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    company = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="plan_tests",
        verbose_name=_("company whose plan is tested"),
    )
    tender_reference = models.CharField(_("tender or contract"), max_length=200, blank=True)
    ambition = models.CharField(
        _("ambition level of the tender"), max_length=20, choices=AmbitionLevel.choices, blank=True
    )
    question = models.TextField(_("question"))
    attachment = models.FileField(_("plan of action"), upload_to="plan-tests/%Y/", blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    verdict = models.CharField(_("verdict"), max_length=20, choices=PlanVerdict.choices, blank=True)
    answer = models.TextField(_("answer of the secretariat"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table keeps the name it had when assessments held these requests.
        db_table = "assessments_plantestrequest"
        verbose_name = _("plan-of-action test")
        verbose_name_plural = _("plan-of-action tests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company} ({self.requested_by_organisation})"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
