from django.urls import path

from . import catalogue_views, plan_test_views, views

app_name = "procurement"
urlpatterns = [
    path("bidder-check/", views.BidderCheckView.as_view(), name="bidder_check"),
    path(
        "bidder-check/<slug:slug>/statement/",
        views.BidderStatementView.as_view(),
        name="bidder_statement",
    ),
    # Tests of a plan of action (Art. 7.15), where they were before procurement held them.
    path("reports/plan-tests/", plan_test_views.PlanTestsView.as_view(), name="plan_tests"),
    path(
        "reports/plan-tests/new/", plan_test_views.PlanTestNewView.as_view(), name="plan_test_new"
    ),
    path("reports/plan-tests/<int:pk>/", plan_test_views.PlanTestView.as_view(), name="plan_test"),
    path(
        "reports/plan-tests/<int:pk>/answer/",
        plan_test_views.PlanTestAnswerView.as_view(),
        name="plan_test_answer",
    ),
    path(
        "reports/plan-tests/<int:pk>/plan/",
        plan_test_views.PlanTestAttachmentView.as_view(),
        name="plan_test_attachment",
    ),
    # The criteria catalogue (Bijlage 3): public reading, the coordinator's versions.
    path("procurement/criteria/", catalogue_views.CriteriaView.as_view(), name="criteria"),
    path(
        "procurement/criteria/versions/",
        catalogue_views.CatalogueVersionsView.as_view(),
        name="criteria_versions",
    ),
    path(
        "procurement/criteria/versions/new/",
        catalogue_views.CatalogueDraftNewView.as_view(),
        name="criteria_draft_new",
    ),
    path(
        "procurement/criteria/versions/<int:version>/",
        catalogue_views.CatalogueDraftView.as_view(),
        name="criteria_draft",
    ),
    path(
        "procurement/criteria/versions/<int:version>/publish/",
        catalogue_views.CataloguePublishView.as_view(),
        name="criteria_publish",
    ),
    path(
        "procurement/criteria/versions/criteria/<int:pk>/",
        catalogue_views.CriterionEditView.as_view(),
        name="criterion_edit",
    ),
    path(
        "procurement/criteria/<slug:code>/docx/",
        catalogue_views.CriterionDocxView.as_view(),
        name="criterion_docx",
    ),
    path(
        "procurement/criteria/<slug:code>/pdf/",
        catalogue_views.CriterionPdfView.as_view(),
        name="criterion_pdf",
    ),
]
