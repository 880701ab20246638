from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from trustone.access import policies
from trustone.access.errors import NotFound
from trustone.access.views import PortalView

from .selectors import access_job


class JobDetailView(PortalView):
    """The starter watches their job; the progress part is polled with htmx."""

    access_policy = policies.AUTHENTICATED

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = access_job(self.actor, pk)
        template = "jobs/_progress.html" if request.htmx else "jobs/detail.html"  # type: ignore[attr-defined]
        return render(request, template, {"job": job})


class JobDownloadView(PortalView):
    access_policy = policies.AUTHENTICATED

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        job = access_job(self.actor, pk)
        if not job.result_file:
            raise NotFound
        name = (job.result_file.name or "result").rsplit("/", 1)[-1]
        return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name)
