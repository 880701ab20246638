from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("account/", views.ProfileView.as_view(), name="profile"),
    path("organisation/switch/", views.OrganisationSwitchView.as_view(), name="switch"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("organisations/new/", views.OrganisationCreateView.as_view(), name="organisation_create"),
    path(
        "organisations/<int:pk>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        "organisations/<int:pk>/invite/",
        views.InvitationCreateView.as_view(),
        name="invitation_create",
    ),
    path(
        "invitations/<int:pk>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
    path("memberships/<int:pk>/", views.MembershipUpdateView.as_view(), name="membership_update"),
    path("invitation/<str:token>/", views.InvitationAcceptView.as_view(), name="invitation_accept"),
    path("members/", views.MemberListingView.as_view(), name="listing"),
]
