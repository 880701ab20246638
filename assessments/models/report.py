"""The company's annual report: periods, versions, questionnaire answers, the plan of
action, evidence, importers (associated members) and the helpdesk (DOMAIN §3)."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from supplychain.themes import Theme
from trustone.models import Tracked

from .framework import AnswerOption, Framework, Question


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


class Answer(Tracked):
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

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["report", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.question.code}"


class Rating(models.IntegerChoices):
    LOW = 1, _("low")
    MEDIUM = 2, _("moderate")
    HIGH = 3, _("high")


class Risk(Tracked):
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


class Action(Tracked):
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


class Importer(Tracked):
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
