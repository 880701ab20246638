from django.urls import path

from . import plan_test_views, views

app_name = "procurement"
urlpatterns = [
    path("bidder-check/", views.BidderCheckView.as_view(), name="bidder_check"),
    path(
        "bidder-check/<slug:slug>/statement/",
        views.BidderStatementView.as_view(),
        name="bidder_statement",
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
]
