"""The register of projects and dialogues (Art. 6.15, Bijlage 2; DOMAIN §9): dialogues,
bilateral projects and covenant projects, their participants, the steering group's
decisions, goals and progress, and the check of a proposal against Bijlage 2."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from trustone.models import Tracked


class ProjectKind(models.TextChoices):
    DIALOGUE = "dialogue", _("Dialogue")
    BILATERAL = "bilateral", _("Bilateral project")
    COVENANT = "covenant", _("Covenant project")


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Not started")


class Project(Tracked):
    """One dialogue or project. Only the fields named public (and the entries and
    participants marked so) appear on its public page, and only once it is published."""

    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    kind = models.CharField(_("form"), max_length=20, choices=ProjectKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED
    )
    country = CountryField(_("country"))
    #: A region as the registry's places name it (supplychain.places), so that the
    #: member companies sourcing there can be counted.
    region = models.CharField(_("region"), max_length=120)
    stone = models.CharField(_("stone"), max_length=120, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    summary = models.TextField(_("public summary"), blank=True)
    summary_en = models.TextField(_("public summary in English"), blank=True)
    is_published = models.BooleanField(_("public page"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("project or dialogue")
        verbose_name_plural = _("projects and dialogues")
        ordering = ["status", "name"]

    def __str__(self) -> str:
        return self.name


class ParticipantKind(models.TextChoices):
    PARTY = "party", _("Party to the covenant")
    MEMBER = "member", _("Member company")
    LOCAL = "local", _("Local organisation")
    OTHER = "other", _("Other participant (not a member)")


class ParticipantDocument(models.TextChoices):
    NONE = "", _("None")
    DECLARATION_OF_INTENT = "intent", _("Declaration of intent")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality protocol")


class ProjectParticipant(models.Model):
    """Who takes part: an organisation of the portal (a party or a member company), or a
    named local organisation or other participant with its signed document. A member
    company is never named on the public page (it would tie it to a production region)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participants")
    kind = models.CharField(_("participant"), max_length=20, choices=ParticipantKind.choices)
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role in the project"), max_length=200, blank=True)
    document = models.CharField(
        _("signed document"),
        max_length=20,
        choices=ParticipantDocument.choices,
        blank=True,
        default=ParticipantDocument.NONE,
    )
    document_file = models.FileField(_("the signed document"), upload_to="projects/%Y/", blank=True)
    document_signed_on = models.DateField(_("signed on"), null=True, blank=True)
    is_public = models.BooleanField(_("named on the public page"), default=False)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["kind", "name", "id"]

    def __str__(self) -> str:
        return self.name or str(self.organisation)


class ProjectEntryKind(models.TextChoices):
    DECISION = "decision", _("Steering group decision")
    GOAL = "goal", _("Goal")
    PROGRESS = "progress", _("Progress")


class ProjectEntry(models.Model):
    """A dated line in the project's record: a decision of the steering group, a goal,
    or progress made. Only entries marked public appear on the public page."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("kind"), max_length=20, choices=ProjectEntryKind.choices)
    on = models.DateField(_("date"))
    text = models.TextField(_("text"))
    text_en = models.TextField(_("text in English"), blank=True)
    is_public = models.BooleanField(_("public"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("project entry")
        verbose_name_plural = _("project entries")
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.project} {self.kind} {self.on}"


class CriterionJudgement(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")


class ProjectCriterion(models.Model):
    """One criterion of Bijlage 2 judged for a project: whether it is met, why, and who
    judged it. For the three-companies criterion the count from the registry at the
    time of judging is kept with it (`computed`)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="criteria")
    criterion = models.CharField(_("criterion"), max_length=40)
    judgement = models.CharField(_("judgement"), max_length=20, choices=CriterionJudgement.choices)
    note = models.TextField(_("reasons"), blank=True)
    computed = models.JSONField(default=dict, blank=True)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    judged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["project", "criterion", "-judged_at"]

    def __str__(self) -> str:
        return f"{self.project} {self.criterion}"
