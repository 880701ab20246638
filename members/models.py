"""Organisations, users and their memberships, invitations."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    GOVERNMENT = "government", _("Government")
    NGO = "ngo", _("NGO")
    UNION = "union", _("Union")
    SECTOR_ORGANISATION = "sector_organisation", _("Sector organisation")
    SECRETARIAT = "secretariat", _("Secretariat")
    COMPLAINTS_COMMITTEE = "complaints_committee", _("Complaints and disputes committee")
    STEERING_GROUP = "steering_group", _("Steering group")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")
    ASSESSOR = "assessor", _("Assessor")


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Netherlands")
    BELGIUM = "BE", _("Belgium")
    GERMANY = "DE", _("Germany")
    OTHER = "XX", _("Other")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, default=Country.NETHERLANDS
    )
    city = models.CharField(_("place"), max_length=100, blank=True)
    registration_number = models.CharField(
        _("registration number"),
        max_length=20,
        blank=True,
        help_text=_("Dutch KvK number or Belgian enterprise number."),
    )
    website = models.URLField(_("website"), blank=True)
    is_party = models.BooleanField(
        _("party to the covenant"),
        default=False,
        help_text=_(
            "Signatory of the covenant itself (Art. 14); parties are informed of "
            "applications of new parties."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="organisation_name_idx"),
            models.Index(fields=["kind", "name"]),
            GinIndex(name="organisation_name_trgm", fields=["name"], opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person. Logs in with e-mail; belongs to organisations through memberships."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=[("nl", "Nederlands"), ("en", "English")], default="nl"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()  # type: ignore[misc, assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email


class Membership(models.Model):
    """A user's role in one organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


class Invitation(models.Model):
    """An invitation for an e-mail address to join an organisation in a role.

    Only the SHA-256 of the token is stored; the token itself is in the e-mail."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ADMIN)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class MemberType(models.TextChoices):
    FULL = "full", _("Full member")
    ASSOCIATED = "associated", _("Associated member")
    SUPPORTING = "supporting", _("Supporting member")
    GOVERNMENT = "government", _("Affiliated government")
    COLLECTIVE = "collective", _("Collective membership")


class CovenantMembership(models.Model):
    """An organisation's membership of the covenant: type, size data, join and end date.

    The join date is the signing date of the declaration; the end date comes from a
    termination. Both are set by services, never by hand."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="covenant"
    )
    member_type = models.CharField(_("membership type"), max_length=20, choices=MemberType.choices)
    collective_via = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "sector_organisation"},
        verbose_name=_("collective membership of"),
        help_text=_("The sector organisation whose collective membership covers this member."),
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    annual_revenue_eur = models.DecimalField(
        _("annual revenue (euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    establishments = models.PositiveIntegerField(_("establishments"), default=1)
    chains = models.PositiveIntegerField(
        _("chains"),
        default=0,
        help_text=_("One chain per distinct processing site the company buys from."),
    )
    full_due_diligence = models.BooleanField(
        _("chains from risk countries"),
        default=False,
        help_text=_(
            "At least one chain with extraction or processing in a risk country: "
            "full due diligence (category C)."
        ),
    )
    collective_member_count = models.PositiveIntegerField(
        _("members of the sector organisation"),
        null=True,
        blank=True,
        help_text=_("For a collective membership: the number of members it pays for."),
    )
    supplies_public_clients = models.BooleanField(_("supplies public clients"), default=False)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    ends_on = models.DateField(_("membership ends on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("covenant membership")
        verbose_name_plural = _("covenant memberships")
        indexes = [models.Index(fields=["member_type", "joined_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_member_type_display()})"


class DeclarationChapter(models.TextChoices):
    COMPANY = "D", _("Declaration for companies (chapter D)")
    GOVERNMENT = "E", _("Declaration for contracting authorities (chapter E)")
    SUPPORT = "F", _("Statement of support (chapter F)")


class Declaration(models.Model):
    """A signed declaration, stored as the PDF of exactly what was signed. Immutable."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="declarations"
    )
    chapter = models.CharField(_("declaration"), max_length=1, choices=DeclarationChapter.choices)
    language = models.CharField(_("language"), max_length=2)
    signer_name = models.CharField(_("name of the signatory"), max_length=150)
    signer_function = models.CharField(_("function"), max_length=150)
    signed_on = models.DateField(_("date"))
    signed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    text_sha256 = models.CharField(max_length=64)
    pdf = models.FileField(upload_to="declarations/%Y/")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.chapter} ({self.signed_on})"


class TerminationKind(models.TextChoices):
    NOTICE = "notice", _("Notice by the member")
    STOPPED_TRADING = "stopped_trading", _("Stopped trading in natural stone")
    BANKRUPTCY = "bankruptcy", _("Bankruptcy")
    CESSATION = "cessation", _("Cessation of business")
    DEATH_OF_OWNER = "death_of_owner", _("Death of the owner")
    TAKEOVER = "takeover", _("Takeover")
    COVENANT_CHANGE = "covenant_change", _("Covenant change with serious negative effects")
    EXPULSION = "expulsion", _("Expulsion by the steering group")


class Termination(models.Model):
    """The end of a membership: notice by the member or a steering-group decision.
    Published on the listing. Never updated."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="terminations"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=TerminationKind.choices)
    reason = models.TextField(_("reasons"))
    notice_on = models.DateField(_("notice or decision date"))
    ends_on = models.DateField(_("membership ends on"))
    steering_group_decided_on = models.DateField(
        _("steering group decision of"), null=True, blank=True
    )
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("termination")
        verbose_name_plural = _("terminations")
        ordering = ["-ends_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.get_kind_display()} ({self.ends_on})"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    PARTIES_INFORMED = "parties_informed", _("Parties informed")
    APPROVED = "approved", _("Approved by the steering group")
    REJECTED = "rejected", _("Rejected by the steering group")


class PartyApplication(models.Model):
    """An organisation's application to become a party to the covenant (Art. 14)."""

    organisation_name = models.CharField(_("organisation"), max_length=200)
    organisation_kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("e-mail address"))
    motivation = models.TextField(_("motivation"))
    added_value = models.TextField(
        _("added value"),
        blank=True,
        help_text=_(
            "Knowledge or network on the covenant's themes that the current parties "
            "do not have (Bijlage 6, criterion 4)."
        ),
    )
    accepts_criteria = models.BooleanField(_("accepts the criteria of Bijlage 6"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    parties_informed_on = models.DateField(_("parties informed on"), null=True, blank=True)
    decided_on = models.DateField(_("steering group decision of"), null=True, blank=True)
    decision_note = models.TextField(_("decision"), blank=True)
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("application to become a party")
        verbose_name_plural = _("applications to become a party")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.organisation_name


class Tariff(models.Model):
    """A tariff schedule (Bijlage 4) valid from a date. Invoices keep the figures they
    were computed with, so a new schedule never changes an issued invoice."""

    valid_from = models.DateField(_("valid from"), unique=True)
    limited_base = models.DecimalField(
        _("base fee, limited due diligence"), max_digits=9, decimal_places=2
    )
    full_base = models.DecimalField(
        _("base fee, full due diligence"), max_digits=9, decimal_places=2
    )
    full_base_chains = models.PositiveSmallIntegerField(_("chains in the base fee"))
    per_extra_chain = models.DecimalField(_("per further chain"), max_digits=9, decimal_places=2)
    max_chains_counted = models.PositiveSmallIntegerField(_("chains counted at most"))
    per_establishment = models.DecimalField(_("per establishment"), max_digits=9, decimal_places=2)
    max_establishments_counted = models.PositiveSmallIntegerField(
        _("establishments counted at most")
    )
    first_year_cap = models.DecimalField(_("cap in the first year"), max_digits=9, decimal_places=2)
    second_year_cap = models.DecimalField(
        _("cap in the second year"), max_digits=9, decimal_places=2
    )
    collective_per_member = models.DecimalField(
        _("collective membership, per member"), max_digits=9, decimal_places=2
    )
    collective_discounts = models.JSONField(
        _("collective discounts"),
        help_text=_('Pairs of [minimum number of members, discount], e.g. [[50, "0.025"]].'),
    )

    class Meta:
        verbose_name = _("tariff schedule")
        verbose_name_plural = _("tariff schedules")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return f"{_('Tariff')} {self.valid_from}"


class Invoice(models.Model):
    """An annual membership invoice. Issued once per organisation and year; never changed."""

    number = models.CharField(_("invoice number"), max_length=20, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="invoices"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    issued_on = models.DateField(_("invoice date"))
    member_type = models.CharField(_("membership type"), max_length=20, choices=MemberType.choices)
    amount = models.DecimalField(_("amount (euro)"), max_digits=10, decimal_places=2)
    lines = models.JSONField(_("lines"), default=list)
    tariff_valid_from = models.DateField(_("tariff of"))
    pdf = models.FileField(upload_to="invoices/%Y/", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="one_invoice_per_year")
        ]

    def __str__(self) -> str:
        return self.number


class LevelSource(models.TextChoices):
    ASSESSMENT = "assessment", _("Assessment")
    RECORDED = "recorded", _("Recorded by the secretariat")


class LevelAssignment(models.Model):
    """A company's level (1–5; 0 = not yet classified) as decided on a date. The level
    history is the list of these; a correction is a new record, never an update. A
    membership fact: the listing, the bidder check and invoices read it; assessments
    write it through `members.levels.level_assignment_add`."""

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
        # The table keeps the name it had when assessments held the level history.
        db_table = "assessments_levelassignment"
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
            models.CheckConstraint(
                condition=models.Q(level__lte=5),
                name="level_at_most_5",
                violation_error_code="level_too_high",
                violation_error_message=_("Level 5 is the highest level."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}: {self.level}"
