"""A signal, where it was routed, and the conversation per company. Imported by
supplychain.models, so that Django registers them with the app."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class SignalUrgency(models.TextChoices):
    ROUTINE = "routine", _("Not urgent")
    URGENT = "urgent", _("Urgent")
    ACUTE = "acute", _("Acute: people are at risk now")


class SignalStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    ROUTED = "routed", _("routed to the companies")
    CLOSED = "closed", _("closed")


class SignalOutcome(models.TextChoices):
    RESOLVED = "resolved", _("resolved")
    MITIGATION = "mitigation", _("mitigation agreed")
    PROJECT = "project", _("escalated to a joint project proposal")
    CLOSED = "closed", _("closed with reasons")


class Signal(models.Model):
    """What an NGO or union reports about a site of the registry (or a region, when the
    site is not known)."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="signals"
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField(default=timezone.now)
    site = models.ForeignKey(
        "supplychain.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("production site"),
    )
    country = CountryField(_("country"))
    region = models.CharField(_("region or place"), max_length=120, blank=True)
    themes = models.JSONField(_("themes"), default=list)
    description = models.TextField(_("what happened"))
    #: What the companies read instead of `description`, when the coordinator took out
    #: what they must not learn (say, another buyer's name); empty: the text as filed.
    company_description = models.TextField(_("what the companies read"), blank=True)
    since = models.DateField(_("since when"), null=True, blank=True)
    affected = models.PositiveIntegerField(
        _("workers or residents affected (about)"), null=True, blank=True
    )
    sources = models.TextField(_("sources"), blank=True)
    urgency = models.CharField(_("urgency"), max_length=10, choices=SignalUrgency.choices)
    status = models.CharField(
        max_length=10, choices=SignalStatus.choices, default=SignalStatus.RECEIVED
    )
    routed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=SignalOutcome.choices, blank=True
    )
    outcome_reason = models.TextField(_("reasons"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-filed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.filed_at:%Y-%m-%d}"


class SignalAttachment(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="signals/%Y/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    #: Whether the companies the signal is routed to get this file (the coordinator
    #: decides; the NGO or union and the secretariat always do).
    is_shared = models.BooleanField(_("shared with the companies"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class SignalRoute(models.Model):
    """The signal as one member company gets it: with its own link to the site only."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="routes")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="signal_routes"
    )
    facility = models.ForeignKey(
        "supplychain.Facility", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    routed_at = models.DateTimeField(default=timezone.now)
    respond_by = models.DateField(_("first answer due"))
    answered_at = models.DateTimeField(_("first answer"), null=True, blank=True)

    class Meta:
        ordering = ["routed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "organisation"], name="one_route_per_company")
        ]

    def __str__(self) -> str:
        return f"{self.signal_id} → {self.organisation}"


class MessageSide(models.TextChoices):
    COMPANY = "company", _("the company")
    WATCHER = "watcher", _("the NGO or union")
    SECRETARIAT = "secretariat", _("the secretariat")


class SignalMessage(models.Model):
    route = models.ForeignKey(SignalRoute, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=12, choices=MessageSide.choices)
    body = models.TextField(_("message"))
    attachment = models.FileField(_("attachment"), upload_to="signals/messages/%Y/", blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.route_id} {self.side} {self.created_at:%Y-%m-%d}"
