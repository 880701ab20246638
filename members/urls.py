from django.urls import path

from .views import membership, organisations, public, secretariat

app_name = "members"
urlpatterns = [
    path("dashboard/", organisations.DashboardView.as_view(), name="dashboard"),
    path("account/", organisations.ProfileView.as_view(), name="profile"),
    path("organisation/switch/", organisations.OrganisationSwitchView.as_view(), name="switch"),
    path("organisations/", organisations.OrganisationListView.as_view(), name="organisation_list"),
    path(
        "organisations/new/",
        organisations.OrganisationCreateView.as_view(),
        name="organisation_create",
    ),
    path(
        "organisations/<int:pk>/",
        organisations.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        "organisations/<int:pk>/invite/",
        organisations.InvitationCreateView.as_view(),
        name="invitation_create",
    ),
    path(
        "organisations/<int:pk>/membership/",
        secretariat.CovenantMembershipEditView.as_view(),
        name="covenant_edit",
    ),
    path(
        "organisations/<int:pk>/termination/",
        secretariat.TerminationRecordView.as_view(),
        name="termination_record",
    ),
    path(
        "organisations/<int:pk>/levels/", secretariat.LevelRecordView.as_view(), name="level_record"
    ),
    path(
        "invitations/<int:pk>/revoke/",
        organisations.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
    path(
        "memberships/<int:pk>/",
        organisations.MembershipUpdateView.as_view(),
        name="membership_update",
    ),
    path(
        "memberships/<int:pk>/api-token/revoke/",
        organisations.MembershipTokenRevokeView.as_view(),
        name="membership_token_revoke",
    ),
    path(
        "invitation/<str:token>/",
        organisations.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    # The organisation's own membership.
    path("membership/", membership.MembershipOverviewView.as_view(), name="membership"),
    path(
        "membership/declaration/", membership.DeclarationSignView.as_view(), name="declaration_sign"
    ),
    path(
        "membership/declaration/<int:pk>/pdf/",
        membership.DeclarationDownloadView.as_view(),
        name="declaration_pdf",
    ),
    path("membership/notice/", membership.NoticeView.as_view(), name="notice"),
    path("invoices/<int:pk>/pdf/", membership.InvoiceDownloadView.as_view(), name="invoice_pdf"),
    # Secretariat.
    path("invoices/", secretariat.InvoicesView.as_view(), name="invoices"),
    path("invoices/export/", secretariat.InvoicesExportView.as_view(), name="invoices_export"),
    path(
        "party-applications/",
        secretariat.PartyApplicationListView.as_view(),
        name="party_applications",
    ),
    path(
        "party-applications/<int:pk>/",
        secretariat.PartyApplicationDetailView.as_view(),
        name="party_application_detail",
    ),
    # Public.
    path("members/", public.MemberListingView.as_view(), name="listing"),
    path("members/supporting/", public.SupportingListingView.as_view(), name="listing_supporting"),
    path(
        "members/governments/", public.GovernmentListingView.as_view(), name="listing_governments"
    ),
    path("members/ended/", public.EndedListingView.as_view(), name="listing_ended"),
    path("members/<slug:slug>/", public.MemberDetailView.as_view(), name="member_detail"),
    path("apply/", public.PartyApplicationView.as_view(), name="party_application"),
]
