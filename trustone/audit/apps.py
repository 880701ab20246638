from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "trustone.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from . import receivers  # noqa: F401
