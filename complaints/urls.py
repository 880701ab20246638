from django.urls import path

from . import views

app_name = "complaints"
urlpatterns = [
    path("mechanisms/", views.MechanismListView.as_view(), name="mechanisms"),
    path("mechanisms/new/", views.MechanismEditView.as_view(), name="mechanism_new"),
    path("mechanisms/<int:pk>/", views.MechanismEditView.as_view(), name="mechanism_edit"),
]
