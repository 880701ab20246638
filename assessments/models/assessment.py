"""The assessment of a report: scores and adjustments, the decision, delays against the
expected path and sample checks (DOMAIN §4)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trustone.models import Tracked

from .report import Report, ReportingPeriod


class AssessmentKind(models.TextChoices):
    FULL = "full", _("Full assessment")
    PLAN_OF_ACTION = "plan_of_action", _("Plan-of-action assessment")


class AssessmentStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for an assessor")
    IN_PROGRESS = "in_progress", _("Being assessed")
    PROPOSED = "proposed", _("Decision proposed")
    DECIDED = "decided", _("Decided")


class Assessment(models.Model):
    """The secretariat's assessment of one submitted report version. Scores are computed
    from the report's frozen snapshot (so with the framework version it was submitted
    under); once decided, nothing here changes."""

    report = models.OneToOneField(Report, on_delete=models.PROTECT, related_name="assessment")
    kind = models.CharField(
        _("kind"), max_length=20, choices=AssessmentKind.choices, default=AssessmentKind.FULL
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.QUEUED,
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessor"),
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    # Computed by the scoring job and after every adjustment (for the queue and filters;
    # the workspace recomputes them exactly from the snapshot).
    dd_score = models.DecimalField(
        _("DD score"), max_digits=9, decimal_places=4, null=True, blank=True
    )
    factory_insight = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)
    quarry_insight = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)
    computed_level = models.PositiveSmallIntegerField(_("computed level"), null=True, blank=True)
    scored_at = models.DateTimeField(null=True, blank=True)
    impact_indicators_met = models.BooleanField(_("impact indicators met"), default=False)
    impact_reason = models.TextField(_("reason (impact indicators)"), blank=True)
    feedback_supplier_list = models.TextField(_("feedback on the supplier list"), blank=True)
    feedback_questionnaire = models.TextField(_("feedback on the questionnaire"), blank=True)
    feedback_plan = models.TextField(_("feedback on the plan of action"), blank=True)
    progress_sufficient = models.BooleanField(
        _("sufficient progress on the plan of action"), null=True, blank=True
    )
    proposed_level = models.PositiveSmallIntegerField(_("proposed level"), null=True, blank=True)
    proposal_note = models.TextField(_("note for the coordinator"), blank=True)
    proposed_at = models.DateTimeField(null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_level = models.PositiveSmallIntegerField(_("level decided"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    level_assignment = models.OneToOneField(
        "members.LevelAssignment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessment",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-created_at"]
        permissions = [("assess_assessment", "May assess this report (assigned assessor)")]
        indexes = [models.Index(fields=["status"], name="assessment_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decided_level__lte=5),
                name="decided_level_at_most_5",
                violation_error_code="level_too_high",
                violation_error_message=_("Level 5 is the highest level."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} ({self.get_kind_display()})"

    @property
    def is_decided(self) -> bool:
        return self.status == AssessmentStatus.DECIDED


class ScoreAdjustment(models.Model):
    """The secretariat's adjustment of one answer's points, with its reason (Art. 5.5:
    reasonableness and fairness). Never changed: a later adjustment of the same question
    supersedes it, and the original points stay recorded."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="adjustments")
    question_code = models.CharField(_("question"), max_length=10)
    original_points = models.DecimalField(
        _("original points"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    adjusted_points = models.DecimalField(_("adjusted points"), max_digits=6, decimal_places=1)
    reason = models.TextField(_("reason"))
    adjusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    adjusted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("score adjustment")
        verbose_name_plural = _("score adjustments")
        ordering = ["assessment", "question_code", "adjusted_at", "id"]

    def __str__(self) -> str:
        return f"{self.question_code}: {self.original_points} → {self.adjusted_points}"


# --- Progress and delay (DOMAIN §4.5) -------------------------------------------------


class SteeringDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Special circumstances accepted")
    IMPROVEMENT_PLAN = "improvement_plan", _("Improvement plan with one more year")
    EXPULSION = "expulsion", _("Expulsion")


class DelayCase(Tracked):
    """A company more than a year behind the expected path at its level, and what
    followed: knowledge modules offered (levels 1–2), its explanatory note for the
    public listing (from level 3), its request for special circumstances and the
    steering group's decision."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="delay_cases"
    )
    level = models.PositiveSmallIntegerField(_("level"))
    entered_level_on = models.DateField(_("on this level since"))
    opened_on = models.DateField(_("delay noted on"), default=timezone.localdate)
    knowledge_modules_offered_on = models.DateField(
        _("knowledge modules offered on"), null=True, blank=True
    )
    explanatory_note = models.TextField(_("explanatory note"), blank=True)
    note_submitted_at = models.DateTimeField(null=True, blank=True)
    argument = models.TextField(_("special circumstances"), blank=True)
    argued_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(
        _("steering group decision"), max_length=20, choices=SteeringDecision.choices, blank=True
    )
    decided_on = models.DateField(_("decided by the steering group on"), null=True, blank=True)
    decision_reason = models.TextField(_("reasons of the decision"), blank=True)
    improvement_deadline = models.DateField(_("improvement plan deadline"), null=True, blank=True)
    termination = models.OneToOneField(
        "members.Termination", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("delay")
        verbose_name_plural = _("delays")
        ordering = ["-opened_on", "organisation"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "level", "entered_level_on"], name="one_delay_per_stay"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} L{self.level} {self.entered_level_on}"


# --- Sample checks (DOMAIN §4.6) ------------------------------------------------------


class SampleKind(models.TextChoices):
    REPORTS = "reports", _("Reports of member companies")
    ASSOCIATED = "associated", _("Efforts of associated members")


class SampleDraw(models.Model):
    """A random sample of submitted reports for verification. The population (report
    ids) and the seed are recorded, so anyone can draw it again and get the same."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("what is checked"), max_length=20, choices=SampleKind.choices)
    size = models.PositiveSmallIntegerField(_("sample size"))
    seed = models.CharField(_("seed"), max_length=64)
    population = models.JSONField(_("population (report ids)"))
    selected = models.JSONField(_("selected (report ids)"))
    note = models.TextField(_("note"), blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sample draw")
        verbose_name_plural = _("sample draws")
        ordering = ["-drawn_at"]

    def __str__(self) -> str:
        return f"{self.period} {self.kind} {self.seed}"


class FindingOutcome(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    DISCREPANCIES = "discrepancies", _("Discrepancies found")
    NOT_VERIFIABLE = "not_verifiable", _("Could not be verified")


class SampleFinding(models.Model):
    """What the verification of one sampled report found; shown with the report."""

    draw = models.ForeignKey(SampleDraw, on_delete=models.CASCADE, related_name="findings")
    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="findings")
    outcome = models.CharField(_("outcome"), max_length=20, choices=FindingOutcome.choices)
    findings = models.TextField(_("findings"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("verification finding")
        verbose_name_plural = _("verification findings")
        ordering = ["draw", "recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["draw", "report"], name="one_finding_per_sampled_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.outcome}"


# --- Testing a plan of action (Art. 7.15) ---------------------------------------------
