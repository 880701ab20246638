"""The seven themes of the covenant (DOMAIN §7) and other issues (Art. 6.14): what a plan
of action's risk and an NGO's signal are about. Here, in the lowest app that needs them,
so that supplychain (signals) and assessments (plans) share one list."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    DISCRIMINATION = "discrimination", _("Discrimination and gender")
    CHILD_LABOUR = "child_labour", _("Child labour")
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    LIVING_WAGE = "living_wage", _("Living wage")
    FREEDOM_OF_ASSOCIATION = (
        "freedom_of_association",
        _("Freedom of association and collective bargaining"),
    )
    HEALTH_AND_SAFETY = "health_and_safety", _("Health and safety")
    LAND_AND_ENVIRONMENT = "land_and_environment", _("Land rights and environment")
    OTHER = "other", _("Other issue")
