"""A company's supplier list: facilities (factories, quarries, other links) and chains.

The list lives on as the company edits it; a submitted report keeps a frozen copy."""

from django.conf import settings
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
