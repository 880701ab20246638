from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupplychainConfig(AppConfig):
    name = "supplychain"
    verbose_name = _("Supply chain")

    def ready(self) -> None:
        from trustone.audit.actions import register_actions
        from trustone.dashboard import register_tasks
        from trustone.demo import register_seeder

        from .audit import AUDIT_ACTIONS
        from .demo import seed_supply_chain
        from .signals.selectors import signal_tasks

        register_actions(AUDIT_ACTIONS)
        register_seeder(seed_supply_chain)
        register_tasks(signal_tasks)
