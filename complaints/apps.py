from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Complaints and disputes")

    def ready(self) -> None:
        from trustone.audit.actions import register_actions

        from . import checks  # noqa: F401  (registers the key check)
        from .audit import AUDIT_ACTIONS

        register_actions(AUDIT_ACTIONS)
