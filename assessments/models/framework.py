"""The assessment framework: versions, due-diligence steps, questions and their answer
options (DOMAIN §4.1). A report keeps the version it was submitted under."""

from typing import Any

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
