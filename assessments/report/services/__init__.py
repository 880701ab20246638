"""Writes of the company's annual report, one module per concern; import from here."""

from .answers import answer_save
from .evidence import MAX_FILES_PER_QUESTION, evidence_add, evidence_delete
from .helpdesk import faq_publish, thread_reply, thread_start
from .importers import importer_delete, importer_save
from .pdf import report_confirmation_send, report_pdf_queue, report_pdf_render, report_pdfs_requeue
from .periods import period_open, reminders_send
from .plans import action_delete, action_save, plan_carry_forward, risk_delete, risk_save
from .submission import report_new_version, report_return, report_submit

__all__ = [
    "MAX_FILES_PER_QUESTION",
    "action_delete",
    "action_save",
    "answer_save",
    "evidence_add",
    "evidence_delete",
    "faq_publish",
    "importer_delete",
    "importer_save",
    "period_open",
    "plan_carry_forward",
    "reminders_send",
    "report_confirmation_send",
    "report_new_version",
    "report_pdf_queue",
    "report_pdf_render",
    "report_pdfs_requeue",
    "report_return",
    "report_submit",
    "risk_delete",
    "risk_save",
    "thread_reply",
    "thread_start",
]
