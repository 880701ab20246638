from django.urls import path

from . import list_views, request_views, views

app_name = "lists"
urlpatterns = [
    path("linked/", views.LinkedListView.as_view(), name="linked"),
    path("linked/versions/<int:pk>/", views.LinkedListView.as_view(), name="linked_version"),
    path("linked/export/", views.LinkedListExportView.as_view(), name="linked_export"),
    path("statement/", views.StatementView.as_view(), name="statement"),
    path("statement/<int:pk>/pdf/", views.StatementPdfView.as_view(), name="statement_pdf"),
    path("statements/", views.StatementsView.as_view(), name="statements"),
    path(
        "statements/<int:pk>/expiry/",
        views.StatementExpiryView.as_view(),
        name="statement_expiry",
    ),
    path("aggregated/", list_views.AggregatedListView.as_view(), name="aggregated"),
    path(
        "aggregated/versions/<int:pk>/",
        list_views.AggregatedListView.as_view(),
        name="aggregated_version",
    ),
    path("rebuild/", list_views.ListsRebuildView.as_view(), name="rebuild"),
    path("aggregated/export/", list_views.AggregatedExportView.as_view(), name="aggregated_export"),
    path("quarry-areas/", list_views.QuarryAreasView.as_view(), name="quarry_areas"),
    path(
        "quarry-areas/versions/<int:pk>/",
        list_views.QuarryAreasView.as_view(),
        name="quarry_areas_version",
    ),
    path("project-regions/", list_views.ProjectRegionsView.as_view(), name="project_regions"),
    path(
        "project-regions/versions/<int:pk>/",
        list_views.ProjectRegionsView.as_view(),
        name="project_regions_version",
    ),
    path(
        "quarry-areas/versions/",
        list_views.QuarryAreaVersionsView.as_view(),
        {"kind": "quarry-areas"},
        name="quarry_areas_versions",
    ),
    path("<str:kind>/versions/", list_views.VersionsView.as_view(), name="versions"),
    path("requests/", request_views.RegionRequestsView.as_view(), name="requests"),
    path("requests/<int:pk>/", request_views.RegionRequestView.as_view(), name="request"),
    path(
        "requests/<int:pk>/decide/",
        request_views.RegionRequestDecideView.as_view(),
        name="request_decide",
    ),
    path(
        "requests/<int:pk>/withdraw/",
        request_views.RegionRequestWithdrawView.as_view(),
        name="request_withdraw",
    ),
    path(
        "requests/<int:pk>/clause/",
        request_views.RegionRequestClauseView.as_view(),
        name="request_clause",
    ),
    path(
        "requests/<int:pk>/export/",
        request_views.RegionRequestExportView.as_view(),
        name="request_export",
    ),
]
