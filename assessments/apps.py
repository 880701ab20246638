from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        """Tell the lower apps what only assessments knows (they never import it)."""
        from members.public import listing_notes, member_pages
        from supplychain.lists.building import list_builder_register
        from supplychain.models import ListKind
        from supplychain.references import register_facility_references
        from trustone.audit.actions import register_actions
        from trustone.dashboard import register_tasks
        from trustone.demo import register_seeder, register_summary

        from .annual.demo import seed_annual_report
        from .assessment.delays import delay_tasks, explanatory_note_subquery
        from .assessment.selectors import assessment_tasks
        from .audit import AUDIT_ACTIONS
        from .demo import seed_assessments
        from .project_regions import project_region_rows
        from .projects.audit import AUDIT_ACTIONS as PROJECT_AUDIT_ACTIONS
        from .projects.demo import seed_projects
        from .projects.selectors import project_tasks
        from .public.selectors import plan_page
        from .report.selectors import facilities_in_reports, report_tasks
        from .steering.selectors import steering_tasks

        register_actions(AUDIT_ACTIONS)
        for tasks in (report_tasks, assessment_tasks, delay_tasks, steering_tasks):
            register_tasks(tasks)
        listing_notes.register(explanatory_note_subquery)
        member_pages.register(plan_page)
        register_facility_references(facilities_in_reports)
        register_seeder(seed_assessments)
        register_summary(seed_annual_report)
        list_builder_register(ListKind.PROJECT_REGIONS, project_region_rows)
        # The register of projects and dialogues (Art. 6.15, Bijlage 2).
        register_actions(PROJECT_AUDIT_ACTIONS)
        register_tasks(project_tasks)
        register_seeder(seed_projects)
