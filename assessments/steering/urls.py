from django.urls import path

from . import views

app_name = "steering"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("delays/<int:organisation_pk>/", views.DelayView.as_view(), name="delay"),
]
