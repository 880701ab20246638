from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = _("Procurement")

    def ready(self) -> None:
        from assessments.annual.tables import table_sources
        from trustone.audit.actions import register_actions
        from trustone.dashboard import register_tasks
        from trustone.demo import register_seeder

        from .annual import annual_tables
        from .audit import AUDIT_ACTIONS
        from .demo import seed_procurement, seed_tenders
        from .tenders.selectors import tender_tasks

        register_actions(AUDIT_ACTIONS)
        register_seeder(seed_procurement)
        register_seeder(seed_tenders)
        register_tasks(tender_tasks)
        table_sources.register(annual_tables)
