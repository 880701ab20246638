"""The annual public report (Art. 6.8, 10.10; DOMAIN §5, §11): a version per year,
generated from a snapshot of its inputs, reviewed and published by the secretariat."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AnnualReportStatus(models.TextChoices):
    GENERATING = "generating", _("Being generated")
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")


class AnnualReport(models.Model):
    """One version of the report on a year. `inputs` is the snapshot the figures are
    computed from: every table's cells with each contributing company's amount, before
    disclosure control (secretariat only; it is what the unsuppressed exports show).
    `figures` is what disclosure control lets through, with the methodology note's
    account of what was suppressed. A published version is never changed; a later
    version supersedes it."""

    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AnnualReportStatus.choices,
        default=AnnualReportStatus.GENERATING,
    )
    inputs = models.JSONField(default=dict, blank=True)
    figures = models.JSONField(default=dict, blank=True)
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pdf_nl = models.FileField(upload_to="annual-reports/", blank=True)
    pdf_en = models.FileField(upload_to="annual-reports/", blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    generated_at = models.DateTimeField(_("generated"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "version"], name="one_annual_report_version")
        ]

    def __str__(self) -> str:
        return f"{self.year} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.status == AnnualReportStatus.PUBLISHED
