from django.urls import path

from . import views

app_name = "lists"
urlpatterns = [
    path("linked/", views.LinkedListView.as_view(), name="linked"),
    path("linked/export/", views.LinkedListExportView.as_view(), name="linked_export"),
    path("statement/", views.StatementView.as_view(), name="statement"),
    path("statement/<int:pk>/pdf/", views.StatementPdfView.as_view(), name="statement_pdf"),
    path("statements/", views.StatementsView.as_view(), name="statements"),
    path(
        "statements/<int:pk>/expiry/",
        views.StatementExpiryView.as_view(),
        name="statement_expiry",
    ),
]
