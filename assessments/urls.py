from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("periods/", views.PeriodsView.as_view(), name="periods"),
]
