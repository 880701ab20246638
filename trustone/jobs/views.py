from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from trustone.access import policies
from trustone.access.views import PortalView

from .selectors import access_job, access_job_result


class JobDetailView(PortalView):
    """The starter watches their job; the progress part is polled with htmx."""

    access_policy = policies.AUTHENTICATED

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = access_job(self.actor, pk)
        template = "jobs/_progress.html" if request.htmx else "jobs/detail.html"  # type: ignore[attr-defined]
        # The result is that organisation's data: downloadable only while acting for it.
        context = {
            "job": job,
            "acts_for_job_organisation": job.organisation_id == self.actor.organisation_id,
        }
        return render(request, template, context)


class JobDownloadView(PortalView):
    """The starter downloads the result while acting for the job's organisation."""

    access_policy = policies.AUTHENTICATED

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        job = access_job_result(self.actor, pk)
        name = (job.result_file.name or "result").rsplit("/", 1)[-1]
        return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name)
