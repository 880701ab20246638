"""The lists without company links: the aggregated list (the secretariat), the public
quarry-area list and map, the candidate project regions (the steering group), and the
published versions of every list, each retrievable as it was published."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.audit.services import audit_record
from trustone.jobs.services import job_start
from trustone.pagination import paginate

from ..models import ListKind
from ..tasks import rebuild_lists_job_task
from . import selectors, tables

#: What each list is called on its pages (the URL names its kind).
TITLES: dict[str, Any] = {
    ListKind.LINKED: gettext_lazy("Linked list"),
    ListKind.AGGREGATED: gettext_lazy("Aggregated list"),
    ListKind.QUARRY_AREAS: gettext_lazy("Quarry areas"),
    ListKind.PROJECT_REGIONS: gettext_lazy("Candidate project regions"),
}
PAGES: dict[str, str] = {
    ListKind.LINKED: "lists:linked_version",
    ListKind.AGGREGATED: "lists:aggregated_version",
    ListKind.QUARRY_AREAS: "lists:quarry_areas_version",
    ListKind.PROJECT_REGIONS: "lists:project_regions_version",
}


def _publication(actor: Any, kind: str, pk: int | None) -> tuple[Any, bool]:
    """(the version asked for, or the current one; whether it is the current one)."""
    latest = selectors.publication_latest(actor, kind)
    if pk is None or (latest is not None and latest.pk == pk):
        return latest, True
    return selectors.access_publication(actor, kind, pk), False


def _rows_page(
    request: HttpRequest, publication: Any, filters: tuple[str, ...], per_page: int = 50
) -> dict[str, Any]:
    rows = tables.readable(publication.rows if publication else [])
    asked = {name: request.GET.get(name, "") for name in filters}
    shown = tables.filtered(rows, asked)
    return {
        "publication": publication,
        "filters": asked,
        "countries": tables.country_choices(rows),
        "rows": shown,
        "shown": len(shown),
        **paginate(request, shown, per_page=per_page),
    }


class AggregatedListView(PortalView):
    """The aggregated list (Art. 6.4): sites and regions with the number of buying
    members and the total volume, after disclosure control; no company is named."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        publication, is_current = _publication(self.actor, ListKind.AGGREGATED, pk)
        context = _rows_page(request, publication, ("q", "country"))
        context["is_current"] = is_current
        return render(request, "supplychain/lists/aggregated.html", context)


class ListsRebuildView(PortalView):
    """Rebuild the lists now (the coordinator): a job with its progress."""

    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        job = job_start(actor=self.actor, kind="lists_rebuild", task=rebuild_lists_job_task)
        return redirect("jobs:detail", job.pk)


class AggregatedExportView(PortalView):
    """The (filtered) aggregated list as CSV or XLSX, marked with who exported it; logged."""

    access_policy = policies.SECRETARIAT

    def get(self, request: HttpRequest) -> HttpResponse:
        publication = selectors.publication_latest(self.actor, ListKind.AGGREGATED)
        rows = tables.filtered(
            tables.readable(publication.rows if publication else []),
            {name: request.GET.get(name, "") for name in ("q", "country")},
        )
        return aggregated_file(request, self.actor, rows, "aggregated_list_exported")


def aggregated_file(
    request: HttpRequest, actor: Any, rows: list[Any], action: str, purpose: str = ""
) -> HttpResponse:
    """An export of aggregated rows, marked and logged (also the export of a region)."""
    user = actor.user
    mark = tables.aggregated_mark(
        getattr(user, "full_name", "") or getattr(user, "email", ""),
        getattr(actor.organisation, "name", ""),
        purpose,
    )
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    audit_record(
        actor=actor, action=action, request=request, data={"format": file_format, "rows": len(rows)}
    )
    if file_format == "xlsx":
        content = tables.aggregated_xlsx(rows, mark)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content, mime = tables.aggregated_csv(rows, mark), "text/csv"
    response = HttpResponse(content, content_type=mime)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="trustone-aggregated-list-{stamp}.{file_format}"'
    )
    return response


class QuarryAreasView(PortalView):
    """Public: the areas where members source stone from quarries (Art. 6.5), with the
    stone types and a location no finer than a quarter degree; never a supplier, never a
    company."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        publication, is_current = _publication(self.actor, ListKind.QUARRY_AREAS, pk)
        context = _rows_page(request, publication, ("q", "country"))
        context["is_current"] = is_current
        context["points"] = [
            {
                "lat": row["lat"],
                "lon": row["lon"],
                "label": f"{row['label']}, {row['country_name']}",
            }
            for row in context["rows"]
            if row["lat"] is not None
        ]
        context["map_tiles"] = settings.MAP_TILE_URL
        return render(request, "supplychain/lists/quarry_areas.html", context)


class ProjectRegionsView(PortalView):
    """The candidate regions for joint projects (Art. 6.15): production regions where at
    least three member companies source, with the themes their plans raise there."""

    access_policy = policies.AnyOf((policies.SECRETARIAT, policies.kinds("steering_group")))

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        publication, is_current = _publication(self.actor, ListKind.PROJECT_REGIONS, pk)
        rows = [
            {
                **row,
                "country_name": tables.country_name(row["country"]),
                # stored in English; the theme names are in the catalogues (assessments)
                "themes": [{**t, "name": _(t["name"])} for t in row["themes"]],
            }
            for row in (publication.rows if publication else [])
        ]
        return render(
            request,
            "supplychain/lists/project_regions.html",
            {"publication": publication, "is_current": is_current, "rows": rows},
        )


class VersionsView(PortalView):
    """The published versions of one list, newest first, for whoever may see the list
    (which list, `selectors.may_see_list` decides; the same not-found otherwise)."""

    access_policy: policies.Policy = policies.AnyOf(
        (policies.NGO_OR_UNION, policies.SECRETARIAT, policies.kinds("steering_group"))
    )

    def get(self, request: HttpRequest, kind: str) -> HttpResponse:
        kind = kind.replace("-", "_")  # the URL spells quarry_areas as quarry-areas
        if kind not in ListKind.values or not selectors.may_see_list(self.actor, kind):
            raise Http404
        versions = selectors.publications_visible_to(self.actor, kind)
        return render(
            request,
            "supplychain/lists/versions.html",
            {
                "kind": kind,
                "title": TITLES[kind],
                "version_url": PAGES[kind],
                **paginate(request, versions, per_page=25),
            },
        )


class QuarryAreaVersionsView(VersionsView):
    """Public: the published versions of the quarry-area list."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, kind: str) -> HttpResponse:
        return super().get(request, ListKind.QUARRY_AREAS)
