from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.RegistryView.as_view(), name="sites"),
    path("proposals/", views.ProposalsView.as_view(), name="proposals"),
    path("proposals/<int:pk>/confirm/", views.ProposalConfirmView.as_view(), name="confirm"),
    path("proposals/<int:pk>/reject/", views.ProposalRejectView.as_view(), name="reject"),
    path("facilities/<int:pk>/new-site/", views.FacilityNewSiteView.as_view(), name="new_site"),
    path("facilities/<int:pk>/split/", views.FacilitySplitView.as_view(), name="split"),
    path("sites/<int:pk>/", views.SiteView.as_view(), name="site"),
    path("sites/<int:pk>/merge/", views.SiteMergeView.as_view(), name="merge"),
    path("match/", views.RegistryMatchView.as_view(), name="match"),
    path("export/osh.csv", views.RegistryExportView.as_view(), name="export_osh"),
]
