"""Procurement (DOMAIN §8, Art. 7, Bijlage 3): governments' tenders with natural stone and
their annual tender report, the criteria catalogue, dated bidder-check statements that
anyone can verify, questions and plan-of-action tests (Art. 6.1, 7.15), and signals
about tenders that ignore due diligence (Art. 7.12)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AmbitionLevel(models.TextChoices):
    BASIS = "basis", _("Basis")
    SIGNIFICANT = "significant", _("Significant")
    AMBITIOUS = "ambitious", _("Ambitious")


class RequestKind(models.TextChoices):
    PLAN_TEST = "plan_test", _("Test of a plan of action")
    QUESTION = "question", _("Question about a member's due diligence")


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
    kind = models.CharField(
        _("kind"), max_length=12, choices=RequestKind.choices, default=RequestKind.PLAN_TEST
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


class TenderPhase(models.TextChoices):
    SELECTION = "selection", _("Selection phase")
    AWARD = "award", _("Award phase")
    CONTRACT = "contract", _("Contract phase")


class ValueBand(models.TextChoices):
    """Estimated value, in the bands of the European procurement thresholds."""

    SMALL = "lt_50k", _("under € 50,000")
    MEDIUM = "50k_221k", _("€ 50,000 – € 221,000")
    LARGE = "221k_5538k", _("€ 221,000 – € 5,538,000")
    WORKS = "gt_5538k", _("over € 5,538,000")


class CriteriaCatalogue(models.Model):
    """A version of the criteria catalogue (Bijlage 3). The secretariat prepares a new
    version as a draft and publishes it; a tender keeps the version it used."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    valid_from = models.DateField(_("valid from"))
    note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("criteria catalogue")
        verbose_name_plural = _("criteria catalogues")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version}"


class Criterion(models.Model):
    """One example criterion: for one tender phase at one ambition level."""

    catalogue = models.ForeignKey(
        CriteriaCatalogue, on_delete=models.CASCADE, related_name="criteria"
    )
    phase = models.CharField(_("phase"), max_length=10, choices=TenderPhase.choices)
    ambition = models.CharField(_("ambition level"), max_length=20, choices=AmbitionLevel.choices)
    code = models.CharField(_("code"), max_length=20)
    title_nl = models.CharField(_("title (Dutch)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    text_nl = models.TextField(_("criterion (Dutch)"))
    text_en = models.TextField(_("criterion (English)"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["catalogue", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="one_code_per_catalogue")
        ]

    def __str__(self) -> str:
        return self.code


class BidderStatement(models.Model):
    """A dated bidder-check statement as the portal issued it: what it said, under a
    verification code that anyone can check and nobody can guess."""

    code = models.CharField(max_length=20, unique=True)
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="bidder_statements"
    )
    #: The company's name and registration number as issued (a rename later changes
    #: neither the PDF nor what /verify/ shows).
    company_name = models.CharField(max_length=200, blank=True)
    registration_number = models.CharField(max_length=20, blank=True)
    issued_at = models.DateTimeField(default=timezone.now)
    is_listed = models.BooleanField()
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    member_type = models.CharField(max_length=20, blank=True)
    joined_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]

    def __str__(self) -> str:
        return self.code


class Tender(models.Model):
    """A government's tender that includes natural stone (Art. 7.7)."""

    government = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="tenders"
    )
    title = models.CharField(_("title"), max_length=200)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    tendered_on = models.DateField(_("date of the tender"))
    value_band = models.CharField(_("estimated value"), max_length=12, choices=ValueBand.choices)
    phases = models.JSONField(_("phases with due-diligence criteria"), default=list, blank=True)
    ambition = models.CharField(_("ambition level"), max_length=20, choices=AmbitionLevel.choices)
    catalogue = models.ForeignKey(
        CriteriaCatalogue, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    criteria = models.ManyToManyField(Criterion, blank=True, related_name="tenders")
    isv_applied = models.BooleanField(_("ISV applied"))
    isv_explanation = models.TextField(_("why ISV was not applied"), blank=True)
    contractor = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tenders_won",
        verbose_name=_("winning contractor (member)"),
    )
    contractor_name = models.CharField(_("winning contractor"), max_length=200, blank=True)
    contract_closed_on = models.DateField(_("contract closed on"), null=True, blank=True)
    statement = models.ForeignKey(
        BidderStatement, on_delete=models.PROTECT, null=True, blank=True, related_name="tenders"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tender")
        verbose_name_plural = _("tenders")
        ordering = ["-tendered_on", "-id"]

    def __str__(self) -> str:
        return self.title


class ReminderKind(models.TextChoices):
    RISK_ANALYSIS_SOON = "risk_soon", _("risk analysis due soon")
    RISK_ANALYSIS_DUE = "risk_due", _("risk analysis past its date")
    PLAN_SOON = "plan_soon", _("plan of action due soon")
    PLAN_DUE = "plan_due", _("plan of action past its date")


class TenderReminder(models.Model):
    """A reminder sent about a contract's deadline: each one once."""

    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tender", "kind"], name="one_reminder_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.tender_id} {self.kind}"


class TenderReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned with comments")


class TenderReport(models.Model):
    """A government's annual tender report (Art. 7.7). Submitted, it is frozen (its tenders
    as they were, and a PDF); the secretariat may return it with comments, and the
    government then submits a new version."""

    government = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="tender_reports"
    )
    year = models.PositiveIntegerField(_("year"))
    version = models.PositiveIntegerField(default=1)
    status = models.CharField(
        max_length=10, choices=TenderReportStatus.choices, default=TenderReportStatus.DRAFT
    )
    note = models.TextField(_("explanation"), blank=True)
    snapshot = models.JSONField(default=dict)
    pdf = models.FileField(upload_to="tender-reports/%Y/", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    comments = models.TextField(_("comments of the secretariat"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("annual tender report")
        verbose_name_plural = _("annual tender reports")
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "year", "version"], name="one_tender_report_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.government} {self.year} v{self.version}"


class TenderSignalStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class TenderSignal(models.Model):
    """A report that a tender ignores due diligence (Art. 7.12): the parties then talk to
    that government; the secretariat records the conversation."""

    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_by_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tender_signals_reported",
    )
    government = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tender_signals",
        verbose_name=_("government"),
    )
    government_name = models.CharField(_("contracting authority"), max_length=200)
    tender_title = models.CharField(_("tender"), max_length=300)
    url = models.URLField(_("link to the tender"), blank=True)
    description = models.TextField(_("what is missing"))
    status = models.CharField(
        max_length=10, choices=TenderSignalStatus.choices, default=TenderSignalStatus.OPEN
    )
    outcome = models.TextField(_("outcome"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tender signal")
        verbose_name_plural = _("tender signals")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.tender_title


class TenderSignalNote(models.Model):
    """The secretariat's record of its conversation with the government."""

    signal = models.ForeignKey(TenderSignal, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.signal_id} {self.created_at:%Y-%m-%d}"
