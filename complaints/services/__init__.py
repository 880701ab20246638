"""Writes of the complaints app, by concern: the grievance mechanisms, filing and reading
a case, the committee's workflow, e-mail."""

from .filing import (
    CaseFile,
    attachment_read,
    case_file_read,
    complaint_file,
    dispute_file,
    dispute_parties,
    receipt_open,
)
from .mechanisms import mechanism_save
from .workflow import (
    assignable_staff,
    case_message_post,
    case_recuse,
    case_respondent_set,
    case_staff_assign,
    case_step_take,
    recusable_people,
    referral_decide,
    ruling_publish,
    ruling_unpublish,
)

__all__ = [
    "CaseFile",
    "assignable_staff",
    "attachment_read",
    "case_file_read",
    "case_message_post",
    "case_recuse",
    "case_respondent_set",
    "case_staff_assign",
    "case_step_take",
    "complaint_file",
    "dispute_file",
    "dispute_parties",
    "mechanism_save",
    "receipt_open",
    "recusable_people",
    "referral_decide",
    "ruling_publish",
    "ruling_unpublish",
]
