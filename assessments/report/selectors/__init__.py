"""Reads of the company's annual report, one module per concern; import from here."""

from .evidence import access_evidence
from .helpdesk import (
    access_attachment,
    access_thread,
    answers_helpdesk,
    faq_entries,
    messages_of,
    threads_visible_to,
)
from .importers import access_importer, importer_members, is_associated
from .pdf import PDF_BEING_PREPARED, PDF_READY, report_pdf_status, report_pdf_url
from .periods import (
    current_framework,
    open_reports_of,
    periods_for_secretariat,
    periods_overview,
    report_tasks,
    reporting_members,
)
from .plans import access_action, access_risk, risks_by_priority
from .reports import (
    EDITABLE,
    QuestionView,
    StepView,
    access_editable_report,
    access_report,
    answer_of,
    company_profile,
    completeness,
    ensure_editable,
    questionnaire,
    reports_visible_to,
)
from .submission import facilities_in_reports, missing_parts, snapshot_of

__all__ = [
    "EDITABLE",
    "PDF_BEING_PREPARED",
    "PDF_READY",
    "QuestionView",
    "StepView",
    "access_action",
    "access_attachment",
    "access_editable_report",
    "access_evidence",
    "access_importer",
    "access_report",
    "access_risk",
    "access_thread",
    "answer_of",
    "answers_helpdesk",
    "company_profile",
    "completeness",
    "current_framework",
    "ensure_editable",
    "facilities_in_reports",
    "faq_entries",
    "importer_members",
    "is_associated",
    "messages_of",
    "missing_parts",
    "open_reports_of",
    "periods_for_secretariat",
    "periods_overview",
    "questionnaire",
    "report_pdf_status",
    "report_pdf_url",
    "report_tasks",
    "reporting_members",
    "reports_visible_to",
    "risks_by_priority",
    "snapshot_of",
    "threads_visible_to",
]
