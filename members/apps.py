from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from trustone.dashboard import register_tasks

        from .selectors import membership_tasks

        register_tasks(membership_tasks)
