"""The complaints and disputes mechanism (DOMAIN §6, Art. 11): the case files of the
complaints and disputes committee, and the list of grievance mechanisms that members can
join (Art. 11.3), always shown to complainants beside the committee (Art. 11.6).

What a complainant or a party writes is stored encrypted (`complaints.crypto`): the
binary fields below hold ciphertext only, so a dump of the database holds no complaint
text. What stays in the clear is what the workflow needs: kind, status, dates, the
organisations involved."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MechanismKind(models.TextChoices):
    NCP = "ncp", _("OECD National Contact Point")
    SECTOR = "sector", _("Sector or multi-stakeholder mechanism")
    LOCAL = "local", _("Local or company-based mechanism")
    OTHER = "other", _("Other")


class GrievanceMechanism(models.Model):
    """An existing grievance mechanism: where people harmed in the chain can also turn."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=MechanismKind.choices)
    description_nl = models.TextField(_("description (Dutch)"))
    description_en = models.TextField(_("description (English)"))
    url = models.URLField(_("website"), blank=True)
    where = models.CharField(_("where it works"), max_length=200, blank=True)
    members_can_join = models.BooleanField(_("member companies can join it"), default=False)
    is_active = models.BooleanField(_("shown"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("grievance mechanism")
        verbose_name_plural = _("grievance mechanisms")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class CaseKind(models.TextChoices):
    COMPLAINT = "complaint", _("complaint")
    DISPUTE = "dispute", _("dispute")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("received: admissibility to be decided")
    ADMITTED = "admitted", _("admitted: being heard")
    RULED = "ruled", _("ruled: compliance followed")
    REFERRED = "referred", _("referred to the steering group")
    CLOSED = "closed", _("closed")


class CaseStep(models.TextChoices):
    """The steps of the committee, each dated in the case file."""

    ADMISSIBLE = "admissible", _("declared admissible")
    INADMISSIBLE = "inadmissible", _("declared inadmissible")
    INFORMATION = "information", _("request for information")
    HEARING = "hearing", _("hearing")
    MEDIATION = "mediation", _("mediation")
    SETTLED = "settled", _("settled by agreement")
    WITHDRAWN = "withdrawn", _("withdrawn")
    RULING = "ruling", _("ruling")
    COMPLIED = "complied", _("ruling complied with")
    NOT_COMPLIED = "not_complied", _("ruling culpably ignored: referred to the steering group")
    STEERING_GROUP = "steering_group", _("decision of the steering group")


class Side(models.TextChoices):
    """Who wrote an entry, and who reads it."""

    COMPLAINANT = "complainant", _("the complainant")
    RESPONDENT = "respondent", _("the member concerned")
    COMMITTEE = "committee", _("the committee")
    SECRETARIAT = "secretariat", _("the secretariat")


class Audience(models.TextChoices):
    COMPLAINANT = "complainant", _("the complainant")
    RESPONDENT = "respondent", _("the member concerned")
    PARTIES = "parties", _("both parties")
    INTERNAL = "internal", _("the committee only")


class Case(models.Model):
    """A complaint (anyone, possibly anonymous, through a receipt code) or a dispute (an
    organisation against another, logged in), worked by the committee."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CaseKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    language = models.CharField(_("language"), max_length=60, blank=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    # Encrypted JSON: what happened and what is asked; and how to reach the complainant.
    content = models.BinaryField()
    contact = models.BinaryField(null=True, blank=True)
    receipt_lookup = models.CharField(max_length=8, blank=True, db_index=True)
    receipt_hash = models.CharField(max_length=200, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    filed_by_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_filed",
    )
    respondent = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_against",
        verbose_name=_("member concerned"),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    admissibility_due = models.DateField(_("admissibility decision due"))
    reply_due = models.DateField(_("reply due"), null=True, blank=True)
    hearing_on = models.DateField(_("hearing or mediation on"), null=True, blank=True)
    ruling_due = models.DateField(_("ruling due"), null=True, blank=True)
    compliance_due = models.DateField(_("compliance due"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closure = models.CharField(max_length=20, choices=CaseStep.choices, blank=True)
    assigned_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="complaint_cases_assigned"
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return self.reference


class Recusal(models.Model):
    """A committee member with a conflict of interest in a case: from then on the case
    does not exist for them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="recusals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_recusal")]

    def __str__(self) -> str:
        return f"{self.case} – {self.user_id}"


class CaseEntry(models.Model):
    """One dated item of the case file: a message, an internal note or a step of the
    committee. Its text is encrypted."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entries")
    side = models.CharField(max_length=12, choices=Side.choices)
    audience = models.CharField(max_length=12, choices=Audience.choices)
    step = models.CharField(max_length=20, choices=CaseStep.choices, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    body = models.BinaryField()
    due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case} {self.side} {self.created_at:%Y-%m-%d}"


class CaseAttachment(models.Model):
    """Evidence: its name and content encrypted, in the database (one backup, one key)."""

    entry = models.ForeignKey(CaseEntry, on_delete=models.CASCADE, related_name="attachments")
    name = models.BinaryField()
    content = models.BinaryField()
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"attachment {self.pk}"


class PublishedRuling(models.Model):
    """A ruling in anonymised form, written by the committee for the public page."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="published_ruling")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("anonymised ruling"))
    ruled_on = models.DateField(_("ruled on"))
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("published ruling")
        verbose_name_plural = _("published rulings")
        ordering = ["-ruled_on", "-id"]

    def __str__(self) -> str:
        return self.title
