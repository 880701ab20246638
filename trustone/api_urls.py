"""/api/v1/: every endpoint inherits PortalAPIView and declares a policy."""

from django.urls import path

from assessments import api as assessments_api
from assessments.public import api as public_plans_api
from members import api as members_api
from procurement import api as procurement_api
from supplychain import api as supplychain_api
from supplychain.lists import api as lists_api
from trustone.jobs import api as jobs_api

app_name = "api"
urlpatterns = [
    path("me/", members_api.MeAPI.as_view(), name="me"),
    path("organisations/", members_api.OrganisationListAPI.as_view(), name="organisation-list"),
    path(
        "organisations/<int:pk>/",
        members_api.OrganisationDetailAPI.as_view(),
        name="organisation-detail",
    ),
    path("jobs/<int:pk>/", jobs_api.JobAPI.as_view(), name="job-detail"),
    path("public/bidder-check/", procurement_api.BidderCheckAPI.as_view(), name="bidder-check"),
    path("public/quarry-areas/", lists_api.QuarryAreasAPI.as_view(), name="public-quarry-areas"),
    path(
        "public/members/<slug:slug>/plan/",
        public_plans_api.PublicPlanAPI.as_view(),
        name="public-member-plan",
    ),
    path("reports/", assessments_api.ReportListAPI.as_view(), name="report-list"),
    path("reports/<int:pk>/", assessments_api.ReportDetailAPI.as_view(), name="report-detail"),
    path("reports/<int:pk>/answers/", assessments_api.AnswerAPI.as_view(), name="report-answer"),
    path(
        "supplier-list/facilities/", supplychain_api.FacilityListAPI.as_view(), name="facility-list"
    ),
    path(
        "supplier-list/facilities/<int:pk>/",
        supplychain_api.FacilityDetailAPI.as_view(),
        name="facility-detail",
    ),
    path("supplier-list/chains/", supplychain_api.ChainListAPI.as_view(), name="chain-list"),
    path(
        "supplier-list/chains/<int:pk>/",
        supplychain_api.ChainDetailAPI.as_view(),
        name="chain-detail",
    ),
    path("reports/<int:pk>/risks/", assessments_api.RiskAPI.as_view(), name="report-risk"),
    path("risks/<int:pk>/", assessments_api.RiskDetailAPI.as_view(), name="risk-detail"),
    path("risks/<int:risk_pk>/actions/", assessments_api.ActionAPI.as_view(), name="risk-action"),
    path("actions/<int:pk>/", assessments_api.ActionDetailAPI.as_view(), name="action-detail"),
]
