from django.urls import path

from . import catalogue_views, plan_test_views, tender_signal_views, views
from .tenders import views as tenders

app_name = "procurement"
urlpatterns = [
    path("bidder-check/", views.BidderCheckView.as_view(), name="bidder_check"),
    path(
        "bidder-check/<slug:slug>/statement/",
        views.BidderStatementView.as_view(),
        name="bidder_statement",
    ),
    # Governments' tenders (Art. 7.7, 7.10).
    path("tenders/", tenders.TenderListView.as_view(), name="tenders"),
    path("tenders/new/", tenders.TenderCreateView.as_view(), name="tender_new"),
    path("tenders/targets/", tenders.TargetsView.as_view(), name="targets"),
    path(
        "tenders/report.<str:fmt>",
        tenders.ProcurementReportView.as_view(),
        name="procurement_report",
    ),
    path("tenders/<int:pk>/", tenders.TenderView.as_view(), name="tender"),
    path("tenders/<int:pk>/edit/", tenders.TenderEditView.as_view(), name="tender_edit"),
    path("tenders/<int:pk>/delete/", tenders.TenderDeleteView.as_view(), name="tender_delete"),
    path(
        "tenders/<int:pk>/bidder-check/",
        tenders.TenderBidderCheckView.as_view(),
        name="tender_bidder_check",
    ),
    path(
        "tenders/<int:pk>/statement.pdf",
        tenders.TenderStatementPdfView.as_view(),
        name="tender_statement",
    ),
    path("tenders/reports/", tenders.ReportListView.as_view(), name="tender_reports"),
    path("tenders/reports/new/", tenders.ReportStartView.as_view(), name="tender_report_new"),
    path("tenders/reports/<int:pk>/", tenders.ReportView.as_view(), name="tender_report"),
    path(
        "tenders/reports/<int:pk>/pdf/", tenders.ReportPdfView.as_view(), name="tender_report_pdf"
    ),
    # Tenders that ignore due diligence (Art. 7.12).
    path(
        "tender-signals/", tender_signal_views.TenderSignalListView.as_view(), name="tender_signals"
    ),
    path(
        "tender-signals/new/",
        tender_signal_views.TenderSignalCreateView.as_view(),
        name="tender_signal_new",
    ),
    path(
        "tender-signals/<int:pk>/",
        tender_signal_views.TenderSignalView.as_view(),
        name="tender_signal",
    ),
    # Short public addresses: printed on every statement and in its QR code.
    path("verify/", views.StatementVerifyView.as_view(), name="verify"),
    path("verify/<str:code>/", views.StatementView.as_view(), name="statement"),
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
