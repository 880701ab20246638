from django.urls import path

from . import views

app_name = "annual"
urlpatterns = [
    path("annual-report/", views.PublicListView.as_view(), name="public_list"),
    path("annual-report/<int:year>/", views.PublicReportView.as_view(), name="public_report"),
    path(
        "annual-report/<int:year>/v<int:version>/<str:language>.pdf",
        views.PublicPdfView.as_view(),
        name="public_pdf",
    ),
    path("secretariat/annual-reports/", views.AnnualReportsView.as_view(), name="list"),
    path("secretariat/annual-reports/<int:pk>/", views.ReviewView.as_view(), name="review"),
    path(
        "secretariat/annual-reports/<int:pk>/publish/",
        views.PublishView.as_view(),
        name="publish",
    ),
    path(
        "secretariat/annual-reports/<int:pk>/discard/",
        views.DiscardView.as_view(),
        name="discard",
    ),
    path(
        "secretariat/annual-reports/<int:pk>/<str:language>.pdf",
        views.DraftPdfView.as_view(),
        name="draft_pdf",
    ),
    path(
        "secretariat/annual-reports/<int:pk>/export/<slug:key>.<str:file_format>",
        views.ExportView.as_view(),
        name="export",
    ),
]
