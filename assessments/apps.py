from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from supplychain.references import register_facility_references

        from .submission import facilities_in_reports

        register_facility_references(facilities_in_reports)
