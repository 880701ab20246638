"""A company's supplier list: facilities (factories, quarries, other links) and chains.

The list lives on as the company edits it; a submitted report keeps a frozen copy."""

import secrets

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from trustone.models import Tracked


class FacilityKind(models.TextChoices):
    FACTORY = "factory", _("Factory")
    QUARRY = "quarry", _("Quarry")
    EXPORTER = "exporter", _("Exporter")
    COBBLE_YARD = "cobble_yard", _("Cobble yard")
    TRANSPORTER = "transporter", _("Transporter")


class FacilityLink(models.TextChoices):
    AUTOMATIC = "automatic", _("matched automatically")
    CONFIRMED = "confirmed", _("confirmed by the secretariat")
    NEW = "new", _("a new site")


class Facility(Tracked):
    """A production location or other link in a company's chains. Competition-sensitive:
    only the company and the secretariat see which company uses it."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="facilities"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FacilityKind.choices)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Set when the facility left the list while a plan of action or a submitted report
    # refers to it: it keeps its id and stays readable there, but is no longer on the
    # company's working list. A later upload that lists it again brings it back.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    # The registry's site this facility is (None until matched, or while a person
    # decides), and how the link was made: a confirmed link is never undone by a run.
    site = models.ForeignKey(
        "Site",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilities",
        verbose_name=_("production site"),
    )
    site_link = models.CharField(max_length=12, choices=FacilityLink.choices, blank=True)
    matched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["organisation", "kind", "name"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="facility_coordinates_both_or_none",
                violation_error_code="coordinates_incomplete",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.place or self.country.name})"  # type: ignore[attr-defined]


class Chain(Tracked):
    """One chain: from the end user up to and including a factory (Bijlage 4), with the
    quarry if known. The purchase volume is competition-sensitive."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="chains"
    )
    product = models.CharField(_("stone type or product"), max_length=200)
    factory = models.ForeignKey(
        Facility,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("factory"),
    )
    quarry = models.ForeignKey(
        Facility,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quarry"),
    )
    extraction_country = CountryField(_("country of extraction"), blank=True)
    processing_country = CountryField(_("country of processing"), blank=True)
    volume_eur = models.DecimalField(
        _("purchase volume (euro per year)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    is_circular = models.BooleanField(
        _("circular"),
        default=False,
        help_text=_(
            "Re-used stone (paving, tiles, grave stones, interior): counts as fully known."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("chain")
        verbose_name_plural = _("chains")
        ordering = ["product", "id"]
        indexes = [models.Index(fields=["organisation", "product"])]

    def __str__(self) -> str:
        return self.product


class SupplierListUpload(models.Model):
    """An uploaded supplier list waiting for the user's confirmation. The file is kept
    as it was sent and validated again when it is confirmed."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename


# --- The registry of production sites ------------------------------------------------------


def new_public_id() -> str:
    """A site's public id: "TS-" and 8 characters that say nothing about who reported it."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I
    return "TS-" + "".join(secrets.choice(alphabet) for _ in range(8))


class Site(models.Model):
    """A production site in the registry: one factory or quarry, however many member
    companies report it and however each spells it. Public-safe: it records where and what
    a site is, never who buys from it (that is the facility's link)."""

    public_id = models.CharField(
        _("site id"), max_length=12, unique=True, default=new_public_id, editable=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FacilityKind.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # What the matcher searches by (supplychain.rules.names.match_key / address_key).
    name_key = models.CharField(max_length=300, blank=True, editable=False)
    address_key = models.CharField(max_length=300, blank=True, editable=False)
    os_id = models.CharField(
        _("Open Supply Hub id"),
        max_length=20,
        blank=True,
        help_text=_("The site's OS ID once it is published on Open Supply Hub."),
    )
    # A site merged into another keeps its row, so that its public id still resolves.
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_sites",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("production site")
        verbose_name_plural = _("production sites")
        ordering = ["country", "name"]
        indexes = [
            GinIndex(fields=["name_key"], opclasses=["gin_trgm_ops"], name="site_name_trgm"),
            GinIndex(fields=["address_key"], opclasses=["gin_trgm_ops"], name="site_address_trgm"),
            models.Index(fields=["country", "latitude", "longitude"], name="site_country_point"),
        ]

    def __str__(self) -> str:
        return f"{self.public_id} {self.name or self.place or self.country}"


class CandidateStatus(models.TextChoices):
    OPEN = "open", _("to decide")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("no longer relevant")


class MatchCandidate(models.Model):
    """A possible match the matcher was not sure of: the secretariat confirms it (the
    facility is linked to the site) or rejects it (never proposed again)."""

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="candidates")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="candidates")
    score = models.DecimalField(max_digits=4, decimal_places=3)
    status = models.CharField(
        max_length=12, choices=CandidateStatus.choices, default=CandidateStatus.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["facility", "site"], name="candidate_once_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.facility_id} ~ {self.site_id} ({self.score})"


class MatchAction(models.TextChoices):
    LINKED = "linked", _("linked automatically")
    NEW_SITE = "new_site", _("new site")
    QUEUED = "queued", _("proposed for review")
    CONFIRMED = "confirmed", _("match confirmed")
    REJECTED = "rejected", _("match rejected")
    MERGED = "merged", _("sites merged")
    SPLIT = "split", _("facility split off")


class MatchDecision(models.Model):
    """The history of the registry: every link, proposal, confirmation, rejection, merge
    and split, by the matcher (no user) or by a person."""

    action = models.CharField(max_length=12, choices=MatchAction.choices)
    facility = models.ForeignKey(
        Facility, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="decisions")
    other_site = models.ForeignKey(
        Site, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    score = models.DecimalField(max_digits=4, decimal_places=3, null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.site_id}"


# --- The lists ---------------------------------------------------------------------------


class ConfidentialityStatement(models.Model):
    """An NGO's or union's signed confidentiality statement (Art. 6.3): its users may see
    the linked list until it expires, and must not share it. Stored as the PDF of exactly
    what was signed; the secretariat sets (and may change) the expiry date."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="confidentiality_statements"
    )
    language = models.CharField(_("language"), max_length=2)
    signer_name = models.CharField(_("name of the signatory"), max_length=150)
    signer_function = models.CharField(_("function"), max_length=150)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(default=timezone.now)
    text_sha256 = models.CharField(max_length=64)
    pdf = models.FileField(upload_to="confidentiality/%Y/")
    expires_on = models.DateField(_("valid until"))
    expiry_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("confidentiality statement")
        verbose_name_plural = _("confidentiality statements")
        ordering = ["-signed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.signed_at:%Y-%m-%d})"


class ListKind(models.TextChoices):
    LINKED = "linked", _("linked list")
    AGGREGATED = "aggregated", _("aggregated list")
    QUARRY_AREAS = "quarry_areas", _("quarry-area list")
    PROJECT_REGIONS = "project_regions", _("candidate project regions")


class ListPublication(models.Model):
    """One published version of a list: what it showed on that date stays retrievable.
    Rebuilt by a job; a rebuild that finds nothing changed publishes no new version."""

    kind = models.CharField(max_length=20, choices=ListKind.choices)
    published_at = models.DateTimeField(default=timezone.now)
    rows = models.JSONField(default=list)
    digest = models.CharField(max_length=64)
    row_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["kind", "-published_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.published_at:%Y-%m-%d %H:%M}"


class RegionRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("awaiting a decision")
    APPROVED = "approved", _("approved")
    REFUSED = "refused", _("refused")
    WITHDRAWN = "withdrawn", _("withdrawn")


class RegionRequest(models.Model):
    """An NGO's or union's request for the part of the aggregated list about one region,
    to share with a local partner (Art. 6.4). The partner's signed confidentiality clause
    is recorded with it; once the secretariat approves, the requester may export the
    aggregated list limited to that region."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="region_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=120)
    partner_name = models.CharField(_("local partner"), max_length=200)
    partner_contact = models.CharField(_("contact person at the partner"), max_length=200)
    purpose = models.TextField(_("what the partner will use it for"))
    clause = models.FileField(
        _("the partner's signed confidentiality clause"), upload_to="clauses/%Y/"
    )
    clause_name = models.CharField(max_length=200)
    status = models.CharField(
        max_length=12, choices=RegionRequestStatus.choices, default=RegionRequestStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)

    class Meta:
        verbose_name = _("request for a region")
        verbose_name_plural = _("requests for a region")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.region} ({self.created_at:%Y-%m-%d})"


# Signals live in their own module; imported here so that Django registers them.
from .signals.models import (  # noqa: E402, F401
    MessageSide,
    Signal,
    SignalAttachment,
    SignalMessage,
    SignalOutcome,
    SignalRoute,
    SignalStatus,
    SignalUrgency,
)
