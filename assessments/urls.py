from django.urls import path

from . import report_views, views

app_name = "assessments"
urlpatterns = [
    path("periods/", views.PeriodsView.as_view(), name="periods"),
    path("<int:pk>/", report_views.ReportView.as_view(), name="report"),
    path("<int:pk>/questionnaire/", report_views.QuestionnaireView.as_view(), name="questionnaire"),
    path("<int:pk>/answers/<str:code>/", report_views.AnswerSaveView.as_view(), name="answer_save"),
]
