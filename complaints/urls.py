from django.urls import path

from .views import cases, mechanisms, public

app_name = "complaints"
urlpatterns = [
    path("", public.ComplaintsHomeView.as_view(), name="home"),
    path("new/", public.ComplaintCreateView.as_view(), name="new"),
    path("receipt/", public.ReceiptView.as_view(), name="receipt"),
    path("my-complaint/", public.ComplainantView.as_view(), name="my_case"),
    path(
        "my-complaint/attachments/<int:pk>/",
        public.ComplainantAttachmentView.as_view(),
        name="my_attachment",
    ),
    path("my-complaint/leave/", public.ComplainantLeaveView.as_view(), name="my_case_leave"),
    path("rulings/", public.RulingListView.as_view(), name="rulings"),
    path("rulings/<int:pk>/", public.RulingView.as_view(), name="ruling"),
    path("cases/", cases.CaseListView.as_view(), name="cases"),
    path("cases/<int:pk>/", cases.CaseView.as_view(), name="case"),
    path("cases/<int:pk>/messages/", cases.CaseMessageView.as_view(), name="case_message"),
    path("cases/<int:pk>/steps/", cases.CaseStepView.as_view(), name="case_step"),
    path("cases/<int:pk>/respondent/", cases.CaseRespondentView.as_view(), name="case_respondent"),
    path("cases/<int:pk>/staff/", cases.CaseStaffView.as_view(), name="case_staff"),
    path("cases/<int:pk>/recusal/", cases.CaseRecuseView.as_view(), name="case_recuse"),
    path("cases/<int:pk>/publish/", cases.CasePublishView.as_view(), name="case_publish"),
    path("attachments/<int:pk>/", cases.CaseAttachmentView.as_view(), name="attachment"),
    path("disputes/new/", cases.DisputeCreateView.as_view(), name="dispute_new"),
    path("referrals/", cases.ReferralListView.as_view(), name="referrals"),
    path("referrals/<int:pk>/", cases.ReferralDecideView.as_view(), name="referral_decide"),
    path("mechanisms/", mechanisms.MechanismListView.as_view(), name="mechanisms"),
    path("mechanisms/new/", mechanisms.MechanismEditView.as_view(), name="mechanism_new"),
    path("mechanisms/<int:pk>/", mechanisms.MechanismEditView.as_view(), name="mechanism_edit"),
]
