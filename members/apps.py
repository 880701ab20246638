from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from trustone.audit.actions import register_actions
        from trustone.dashboard import register_tasks

        from .audit import AUDIT_ACTIONS
        from .selectors import membership_tasks

        register_actions(AUDIT_ACTIONS)
        register_tasks(membership_tasks)
