from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Complaints and disputes")

    def ready(self) -> None:
        from assessments.annual.tables import table_sources
        from assessments.steering.overdue import register_overdue_items
        from members.disputes import register_dispute_check
        from trustone.audit.actions import register_actions
        from trustone.dashboard import register_tasks
        from trustone.demo import register_seeder

        from . import checks  # noqa: F401  (registers the key check)
        from .annual import annual_tables
        from .audit import AUDIT_ACTIONS
        from .demo import seed_cases
        from .selectors import case_tasks, overdue_for_steering, pending_dispute

        register_actions(AUDIT_ACTIONS)
        register_dispute_check(pending_dispute)
        register_tasks(case_tasks)
        register_seeder(seed_cases)
        table_sources.register(annual_tables)
        register_overdue_items(overdue_for_steering)
