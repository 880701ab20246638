"""Frameworks, reports and their assessments. The level history itself is a membership
fact: `members.models.LevelAssignment`."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Framework(models.Model):
    """A version of the assessment framework. A report keeps the version it was
    submitted under; a new version never changes a submitted report."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    valid_from = models.DateField(_("valid from"))
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only a published version is used for new reports."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("assessment framework")
        verbose_name_plural = _("assessment frameworks")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class Step(models.Model):
    """One of the six due-diligence steps."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("number"))
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)

    class Meta:
        verbose_name = _("due-diligence step")
        verbose_name_plural = _("due-diligence steps")
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="one_step_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title_en}"


class QuestionSource(models.TextChoices):
    ANSWERED = "answered", _("Answered by the company")
    FACTORY_INSIGHT = "factory_insight", _("Computed from the factory insight")
    QUARRY_INSIGHT = "quarry_insight", _("Computed from the quarry insight")


class Question(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="questions")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(_("code"), max_length=10, help_text=_("Stable, e.g. 2.1a."))
    order = models.PositiveSmallIntegerField(_("order"))
    text_nl = models.TextField(_("question (Dutch)"))
    text_en = models.TextField(_("question (English)"))
    categories = models.CharField(
        _("applies to categories"),
        max_length=2,
        default="BC",
        help_text=_("B: limited due diligence; C: full due diligence."),
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=QuestionSource.choices,
        default=QuestionSource.ANSWERED,
    )
    computed_max_points = models.DecimalField(
        _("maximum points (computed questions)"), max_digits=5, decimal_places=1, default=0
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="one_question_code")
        ]

    def __str__(self) -> str:
        return self.code


class AnswerOption(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    code = models.CharField(_("code"), max_length=20)
    order = models.PositiveSmallIntegerField(_("order"))
    text_nl = models.CharField(_("answer (Dutch)"), max_length=300)
    text_en = models.CharField(_("answer (English)"), max_length=300)
    points_large = models.DecimalField(_("points, large"), max_digits=5, decimal_places=1)
    points_medium = models.DecimalField(_("points, medium"), max_digits=5, decimal_places=1)
    points_small = models.DecimalField(_("points, small"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "order"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="one_option_code")]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.code}"

    def points_for(self, size_class: str) -> Any:
        return {
            "large": self.points_large,
            "medium": self.points_medium,
            "small": self.points_small,
        }[size_class]


class ReportingPeriod(models.Model):
    """A round of annual reports: the year reported on, the deadline, the framework."""

    year = models.PositiveSmallIntegerField(_("year reported on"), unique=True)
    deadline = models.DateField(_("deadline"))
    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assessment framework"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")


class Report(models.Model):
    """A company's report for a period. Each submission freezes a version; later changes
    go into a new version (nothing submitted is ever overwritten)."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="reports"
    )
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reports")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_on = models.DateField(null=True, blank=True)
    snapshot = models.JSONField(_("submitted content"), null=True, blank=True)
    # Rendered after submission by a task on the `reports` queue, in the submitter's
    # language; empty while it is being prepared.
    pdf = models.FileField(upload_to="reports/%Y/", blank=True)
    language = models.CharField(_("language of the submission"), max_length=2, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation e-mailed"), null=True, blank=True)
    return_comment = models.TextField(_("comments of the secretariat"), blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period__year", "organisation__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period", "version"], name="one_report_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.period} v{self.version}"


class Answer(models.Model):
    """A company's answer to one question in one version of its report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(
        AnswerOption,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer"),
    )
    explanation = models.TextField(_("explanation"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["report", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.question.code}"


class Theme(models.TextChoices):
    """The seven themes of the covenant (DOMAIN §7), and other issues (Art. 6.14)."""

    DISCRIMINATION = "discrimination", _("Discrimination and gender")
    CHILD_LABOUR = "child_labour", _("Child labour")
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    LIVING_WAGE = "living_wage", _("Living wage")
    FREEDOM_OF_ASSOCIATION = (
        "freedom_of_association",
        _("Freedom of association and collective bargaining"),
    )
    HEALTH_AND_SAFETY = "health_and_safety", _("Health and safety")
    LAND_AND_ENVIRONMENT = "land_and_environment", _("Land rights and environment")
    OTHER = "other", _("Other issue")


class Rating(models.IntegerChoices):
    LOW = 1, _("low")
    MEDIUM = 2, _("moderate")
    HIGH = 3, _("high")


class Risk(models.Model):
    """A prioritised risk in a report's plan of action."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="risks")
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    other_theme = models.CharField(_("other issue"), max_length=150, blank=True)
    region = models.CharField(_("production region or link"), max_length=200)
    facility = models.ForeignKey(
        "supplychain.Facility",
        # A facility a risk refers to is archived, never deleted (supplychain catches the
        # ProtectedError): the plan of action keeps pointing at the same site.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facility"),
    )
    scale = models.PositiveSmallIntegerField(_("scale"), choices=Rating.choices)
    scope = models.PositiveSmallIntegerField(_("scope"), choices=Rating.choices)
    irremediability = models.PositiveSmallIntegerField(_("irremediability"), choices=Rating.choices)
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), choices=Rating.choices)
    justification = models.TextField(_("justification of the priority"))
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["report", "id"]

    def __str__(self) -> str:
        return f"{self.get_theme_display()} – {self.region}"


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Completed")
    STOPPED = "stopped", _("Stopped")


class Action(models.Model):
    """A SMART action against a risk; unfinished actions carry over to next year's plan."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("action (specific)"))
    owner = models.CharField(_("owner"), max_length=150)
    indicator = models.CharField(_("indicator (measurable)"), max_length=300)
    target = models.CharField(_("target"), max_length=300)
    deadline = models.DateField(_("deadline (time-bound)"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.TextField(_("progress"), blank=True)
    carried_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.description[:60]


def evidence_path(instance: Any, filename: str) -> str:
    return f"evidence/{instance.report.organisation_id}/{instance.report_id}/{filename}"


class Evidence(models.Model):
    """A file a company adds to an answer. Stored privately: served only through the
    access-checked download view."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to=evidence_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name


class Importer(models.Model):
    """An associated member's report (Art. 5.15): an importer it buys from, its RBC
    policy and themes, and what the member did when the answer was not satisfactory."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="importers")
    name = models.CharField(_("importer"), max_length=200)
    member = models.ForeignKey(
        "members.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("TruStone member"),
        help_text=_("Choose the importer if it is a TruStone member."),
    )
    has_policy = models.BooleanField(_("has a policy on responsible business conduct"))
    themes = models.JSONField(_("themes the policy covers"), default=list, blank=True)
    action_taken = models.TextField(
        _("what you did"),
        blank=True,
        help_text=_(
            "When the importer gave no satisfactory answer within the first year, "
            "or has (almost) no policy: what did you do? For example: looked for "
            "another importer, urged it to join TruStone."
        ),
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("importer")
        verbose_name_plural = _("importers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ThreadKind(models.TextChoices):
    QUESTION = "question", _("Question")
    PLAN_FEEDBACK = "plan_feedback", _("Feedback on a draft plan of action")


class HelpdeskThread(models.Model):
    """A company's question to the secretariat (or request for feedback on its draft plan
    of action), answered in a shared inbox."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="helpdesk_threads"
    )
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ThreadKind.choices, default=ThreadKind.QUESTION
    )
    subject = models.CharField(_("subject"), max_length=200)
    is_answered = models.BooleanField(_("answered"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("helpdesk question")
        verbose_name_plural = _("helpdesk questions")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.subject


class HelpdeskMessage(models.Model):
    thread = models.ForeignKey(HelpdeskThread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_secretariat = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    attachment = models.FileField(_("attachment"), upload_to="helpdesk/%Y/", blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class FaqEntry(models.Model):
    """An answer worth sharing, published on the FAQ page (without the company)."""

    question_nl = models.CharField(_("question (Dutch)"), max_length=300)
    question_en = models.CharField(_("question (English)"), max_length=300)
    answer_nl = models.TextField(_("answer (Dutch)"))
    answer_en = models.TextField(_("answer (English)"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.question_en


# --- Assessment by the secretariat (DOMAIN §4) ----------------------------------------


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


class DelayCase(models.Model):
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
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

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
        verbose_name = _("plan-of-action test")
        verbose_name_plural = _("plan-of-action tests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company} ({self.requested_by_organisation})"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
