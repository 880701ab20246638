"""Public pages of the assessments app, beside the member listing (`/members/…`)."""

from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("members/<slug:slug>/plan/", views.MemberPlanView.as_view(), name="member_plan"),
]
