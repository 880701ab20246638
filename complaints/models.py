"""The complaints and disputes mechanism (DOMAIN §6, Art. 11). So far: the list of
grievance mechanisms that members can join (Art. 11.3), always shown to complainants
beside the covenant's own committee (Art. 11.6)."""

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
