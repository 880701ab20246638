"""Organisations, users and their memberships, invitations."""

from __future__ import annotations

from typing import Any

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
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
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
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()  # type: ignore[misc]

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
