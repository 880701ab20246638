from django.urls import path

from .assessment import assessment_views, delay_views, sample_views
from .report import helpdesk_views, importer_views, period_views, plan_views, report_views

app_name = "assessments"
urlpatterns = [
    path("periods/", period_views.PeriodsView.as_view(), name="periods"),
    path("helpdesk/", helpdesk_views.HelpdeskView.as_view(), name="helpdesk"),
    path("helpdesk/<int:pk>/", helpdesk_views.ThreadView.as_view(), name="thread"),
    path(
        "helpdesk/attachments/<int:message_pk>/",
        helpdesk_views.AttachmentView.as_view(),
        name="attachment",
    ),
    path("faq/publish/", helpdesk_views.FaqPublishView.as_view(), name="faq_publish"),
    path("faq/", helpdesk_views.FaqView.as_view(), name="faq"),
    path("assessments/", assessment_views.QueueView.as_view(), name="queue"),
    path("assessments/score/", assessment_views.ScoreAllView.as_view(), name="score_all"),
    path("assessments/schedule/", assessment_views.ScheduleView.as_view(), name="schedule"),
    path("assessments/progress/", delay_views.ProgressView.as_view(), name="progress"),
    path("assessments/samples/", sample_views.SamplesView.as_view(), name="samples"),
    path("assessments/samples/<int:pk>/", sample_views.SampleView.as_view(), name="sample"),
    path(
        "assessments/samples/<int:pk>/reports/<int:report_pk>/",
        sample_views.FindingView.as_view(),
        name="sample_finding",
    ),
    path(
        "assessments/progress/<int:organisation_pk>/",
        delay_views.DelayedMemberView.as_view(),
        name="delayed_member",
    ),
    path(
        "assessments/progress/<int:organisation_pk>/knowledge-modules/",
        delay_views.KnowledgeModulesView.as_view(),
        name="knowledge_modules",
    ),
    path("my-progress/", delay_views.MyProgressView.as_view(), name="my_progress"),
    path("my-progress/note/", delay_views.ExplanatoryNoteView.as_view(), name="explanatory_note"),
    path(
        "my-progress/special-circumstances/",
        delay_views.SpecialCircumstancesView.as_view(),
        name="special_circumstances",
    ),
    path("assessments/<int:pk>/", assessment_views.AssessView.as_view(), name="assess"),
    path(
        "assessments/<int:pk>/assign/", assessment_views.AssignView.as_view(), name="assess_assign"
    ),
    path(
        "assessments/<int:pk>/adjust/<str:code>/",
        assessment_views.AdjustView.as_view(),
        name="assess_adjust",
    ),
    path(
        "assessments/<int:pk>/review/", assessment_views.ReviewView.as_view(), name="assess_review"
    ),
    path(
        "assessments/<int:pk>/propose/",
        assessment_views.ProposeView.as_view(),
        name="assess_propose",
    ),
    path(
        "assessments/<int:pk>/decide/", assessment_views.DecideView.as_view(), name="assess_decide"
    ),
    path(
        "assessments/<int:pk>/send-back/",
        assessment_views.SendBackView.as_view(),
        name="assess_send_back",
    ),
    path(
        "my-assessments/", assessment_views.CompanyAssessmentsView.as_view(), name="my_assessments"
    ),
    path(
        "my-assessments/<int:pk>/",
        assessment_views.CompanyAssessmentView.as_view(),
        name="assessment_result",
    ),
    path(
        "assessments/<int:pk>/letter/",
        assessment_views.LetterView.as_view(),
        name="assessment_letter",
    ),
    path("<int:pk>/", report_views.ReportView.as_view(), name="report"),
    path("<int:pk>/questionnaire/", report_views.QuestionnaireView.as_view(), name="questionnaire"),
    path("<int:pk>/answers/<str:code>/", report_views.AnswerSaveView.as_view(), name="answer_save"),
    path("<int:pk>/plan/", plan_views.PlanView.as_view(), name="plan"),
    path("<int:pk>/importers/", importer_views.ImportersView.as_view(), name="importers"),
    path(
        "<int:pk>/importers/new/",
        importer_views.ImporterEditView.as_view(),
        name="importer_create",
    ),
    path(
        "importers/<int:importer_pk>/",
        importer_views.ImporterEditView.as_view(),
        name="importer_edit",
    ),
    path(
        "importers/<int:importer_pk>/delete/",
        importer_views.ImporterDeleteView.as_view(),
        name="importer_delete",
    ),
    path("<int:pk>/submit/", report_views.SubmitView.as_view(), name="submit"),
    path("<int:pk>/new-version/", report_views.NewVersionView.as_view(), name="new_version"),
    path("<int:pk>/return/", report_views.ReturnView.as_view(), name="return"),
    path("<int:pk>/pdf/", report_views.ReportPdfView.as_view(), name="report_pdf"),
    path(
        "<int:pk>/evidence/<str:code>/",
        report_views.EvidenceUploadView.as_view(),
        name="evidence_upload",
    ),
    path(
        "evidence/<int:evidence_pk>/", report_views.EvidenceDownloadView.as_view(), name="evidence"
    ),
    path(
        "evidence/<int:evidence_pk>/delete/",
        report_views.EvidenceDeleteView.as_view(),
        name="evidence_delete",
    ),
    path("<int:pk>/plan/risks/new/", plan_views.RiskEditView.as_view(), name="risk_create"),
    path("risks/<int:risk_pk>/", plan_views.RiskEditView.as_view(), name="risk_edit"),
    path("risks/<int:risk_pk>/delete/", plan_views.RiskDeleteView.as_view(), name="risk_delete"),
    path(
        "risks/<int:risk_pk>/actions/new/",
        plan_views.ActionEditView.as_view(),
        name="action_create",
    ),
    path("actions/<int:action_pk>/", plan_views.ActionEditView.as_view(), name="action_edit"),
    path(
        "actions/<int:action_pk>/delete/",
        plan_views.ActionDeleteView.as_view(),
        name="action_delete",
    ),
]
