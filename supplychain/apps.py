from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupplychainConfig(AppConfig):
    name = "supplychain"
    verbose_name = _("Supply chain")

    def ready(self) -> None:
        from trustone.demo import register_seeder

        from .demo import seed_supply_chain

        register_seeder(seed_supply_chain)
