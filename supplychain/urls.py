from django.urls import path

from . import views

app_name = "supplychain"
urlpatterns = [
    path("", views.SupplierListView.as_view(), name="supplier_list"),
    path("facilities/new/", views.FacilityEditView.as_view(), name="facility_create"),
    path("facilities/<int:pk>/", views.FacilityEditView.as_view(), name="facility_edit"),
    path("facilities/<int:pk>/delete/", views.FacilityDeleteView.as_view(), name="facility_delete"),
    path("chains/new/", views.ChainEditView.as_view(), name="chain_create"),
    path("chains/<int:pk>/", views.ChainEditView.as_view(), name="chain_edit"),
    path("chains/new/insight/", views.ChainInsightView.as_view(), name="chain_create_insight"),
    path("chains/<int:pk>/insight/", views.ChainInsightView.as_view(), name="chain_insight"),
    path("chains/<int:pk>/delete/", views.ChainDeleteView.as_view(), name="chain_delete"),
    path("upload/", views.UploadView.as_view(), name="upload"),
    path("upload/<int:pk>/confirm/", views.UploadConfirmView.as_view(), name="upload_confirm"),
    path("template/", views.TemplateDownloadView.as_view(), name="template"),
    path("export/", views.ExportView.as_view(), name="export"),
    path(
        "organisations/<int:organisation_pk>/",
        views.OrganisationSupplierListView.as_view(),
        name="organisation_supplier_list",
    ),
]
