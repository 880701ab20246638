from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from trustone.access import policies
from trustone.access.views import PortalTemplateView, PortalView
from trustone.forms import DateInput
from trustone.jobs.services import job_start
from trustone.pagination import paginate

from .actions import action_choices
from .selectors import audit_entries_filtered


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=lambda: [("", _("All actions")), *action_choices()],
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput())

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned


class AuditLogView(PortalTemplateView):
    """The secretariat reads the audit log, filtered and paginated."""

    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "audit/log.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = AuditFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        entries = audit_entries_filtered(
            self.actor,
            search=filters.get("q", ""),
            action=filters.get("action", ""),
            since=filters.get("since"),
            until=filters.get("until"),
        )
        context.update(form=form, **paginate(self.request, entries, 50))
        return context


class AuditExportView(PortalView):
    """Starts a job that writes the (filtered) audit log as CSV."""

    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        from .tasks import audit_export_task

        form = AuditFilterForm(request.POST)
        filters = form.cleaned_data if form.is_valid() else {}
        job = job_start(
            actor=self.actor,
            kind="audit_export",
            task=audit_export_task,
            params={"search": filters.get("q", ""), "action": filters.get("action", "")},
        )
        return redirect("jobs:detail", job.pk)
