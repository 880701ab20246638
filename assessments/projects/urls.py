"""The register of projects and dialogues (`/project-register/…`, the secretariat and the
steering group) and the public pages of the published projects (`/projects/…`)."""

from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("projects/", views.PublicProjectListView.as_view(), name="public_list"),
    path("projects/<slug:slug>/", views.PublicProjectView.as_view(), name="public_detail"),
    path("project-register/", views.RegisterView.as_view(), name="register"),
    path("project-register/new/", views.ProjectEditView.as_view(), name="project_new"),
    path("project-register/<int:pk>/", views.ProjectView.as_view(), name="project"),
    path("project-register/<int:pk>/edit/", views.ProjectEditView.as_view(), name="project_edit"),
    path(
        "project-register/<int:pk>/publish/",
        views.ProjectPublishView.as_view(),
        name="project_publish",
    ),
    path(
        "project-register/<int:pk>/participants/",
        views.ParticipantAddView.as_view(),
        name="participant_add",
    ),
    path(
        "project-register/participants/<int:pk>/remove/",
        views.ParticipantRemoveView.as_view(),
        name="participant_remove",
    ),
    path(
        "project-register/participants/<int:pk>/document/",
        views.ParticipantDocumentView.as_view(),
        name="participant_document",
    ),
    path("project-register/<int:pk>/entries/", views.EntryAddView.as_view(), name="entry_add"),
    path(
        "project-register/entries/<int:pk>/remove/",
        views.EntryRemoveView.as_view(),
        name="entry_remove",
    ),
    path(
        "project-register/<int:pk>/criteria/<str:code>/",
        views.CriterionJudgeView.as_view(),
        name="criterion_judge",
    ),
]
