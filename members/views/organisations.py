"""HTML views for organisations, people, invitations and the acting organisation."""

from __future__ import annotations

from typing import Any

from allauth.account.internal.flows.login import record_authentication
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from members import selectors, services
from members.forms import (
    AcceptInvitationForm,
    InvitationForm,
    MembershipForm,
    OrganisationFilterForm,
    OrganisationInviteForm,
)
from members.models import Membership, OrganisationKind
from trustone.access import policies
from trustone.access.session import acting_organisation_switch
from trustone.access.views import PortalTemplateView, PortalView
from trustone.dashboard import tasks_for
from trustone.forms import add_validation_errors
from trustone.jobs.selectors import jobs_visible_to
from trustone.pagination import paginate


class HomeView(PortalTemplateView):
    access_policy = policies.PUBLIC
    template_name = "home.html"


class DashboardView(PortalTemplateView):
    access_policy = policies.AUTHENTICATED
    template_name = "members/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        actor = self.actor
        if actor.organisation is not None:
            context["people"] = selectors.memberships_of(actor, actor.organisation)[:10]
            context["can_manage"] = selectors.can_manage_users(actor, actor.organisation)
        context["jobs"] = jobs_visible_to(actor)[:5]
        context["tasks"] = tasks_for(actor)
        if actor.is_secretariat:
            context["open_applications"] = selectors.open_party_applications(actor)
            context["kind_counts"] = [
                (OrganisationKind(row["kind"]).label, row["count"])
                for row in selectors.organisation_counts_by_kind(actor)
            ]
        return context


class OrganisationSwitchView(PortalView):
    access_policy = policies.AUTHENTICATED
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        try:
            organisation_id = int(request.POST.get("organisation", ""))
        except ValueError:
            organisation_id = -1
        actor = acting_organisation_switch(
            request=request, actor=self.actor, organisation_id=organisation_id
        )
        messages.success(request, _("You now act for: %(name)s") % {"name": actor.organisation})
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = ""
        return redirect(target or "members:dashboard")


class OrganisationListView(PortalTemplateView):
    access_policy = policies.SECRETARIAT
    template_name = "members/organisation_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = OrganisationFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        organisations = selectors.organisations_search(
            self.actor, search=filters.get("q", ""), kind=filters.get("kind", "")
        )
        context.update(form=form, **paginate(self.request, organisations))
        return context


class OrganisationCreateView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    template_name = "members/organisation_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = OrganisationInviteForm(initial={"kind": OrganisationKind.COMPANY})
        return render(request, self.template_name, {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = OrganisationInviteForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            email = data.pop("email")
            try:
                organisation, invitation = services.organisation_invite(
                    actor=self.actor,
                    email=email,
                    base_url=request.build_absolute_uri("/"),
                    **data,
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(organisation)s is registered and %(email)s has been invited.")
                    % {"organisation": organisation.name, "email": invitation.email},
                )
                return redirect("members:organisation_detail", organisation.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class OrganisationDetailView(PortalView):
    access_policy = policies.MEMBER
    template_name = "members/organisation_detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.access_organisation(self.actor, pk)
        return self._render(organisation, InvitationForm(organisation=organisation))

    def _render(self, organisation: Any, form: InvitationForm, status: int = 200) -> HttpResponse:
        actor = self.actor
        people = list(selectors.memberships_of(actor, organisation))
        expiries = selectors.api_token_expiries_of(actor, organisation)
        for membership in people:
            membership.api_token_expiry = expiries.get(membership.user_id)  # type: ignore[attr-defined]
        context = {
            "organisation": organisation,
            "people": people,
            "invitations": selectors.open_invitations_of(actor, organisation),
            "can_manage": selectors.can_manage_users(actor, organisation),
            "may_revoke_tokens": selectors.may_revoke_api_tokens(actor, organisation),
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)


class InvitationCreateView(OrganisationDetailView):
    write_policy = policies.ORGANISATION_ADMIN

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return redirect("members:organisation_detail", pk)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.access_managed_organisation(self.actor, pk)
        form = InvitationForm(request.POST, organisation=organisation)
        if form.is_valid():
            try:
                invitation = services.invitation_create(
                    actor=self.actor,
                    organisation=organisation,
                    base_url=request.build_absolute_uri("/"),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
                )
                if getattr(invitation, "replaced_earlier", False):
                    messages.info(
                        request,
                        _(
                            "The earlier open invitation for this address has "
                            "been withdrawn; only the new one is valid."
                        ),
                    )
                return redirect("members:organisation_detail", organisation.pk)
        return self._render(organisation, form, status=400)


class InvitationRevokeView(PortalView):
    access_policy = policies.ORGANISATION_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        invitation = selectors.access_invitation(self.actor, pk)
        services.invitation_revoke(actor=self.actor, invitation=invitation)
        messages.success(
            request,
            _("The invitation for %(email)s has been withdrawn.") % {"email": invitation.email},
        )
        return redirect("members:organisation_detail", invitation.organisation_id)


class MembershipUpdateView(PortalView):
    access_policy = policies.ORGANISATION_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        membership: Membership = selectors.access_managed_membership(self.actor, pk)
        form = MembershipForm(request.POST, organisation=membership.organisation)
        if form.is_valid():
            try:
                services.membership_set_role(
                    actor=self.actor, membership=membership, **form.cleaned_data
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    _("The role of %(person)s has been saved.") % {"person": membership.user},
                )
        else:
            messages.error(request, _("Choose a valid role."))
        return redirect("members:organisation_detail", membership.organisation_id)


class InvitationAcceptView(PortalView):
    """Anyone holding the e-mailed link: set a name and password, then log in."""

    access_policy = policies.PUBLIC
    template_name = "members/invitation_accept.html"

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        invitation = selectors.invitation_by_token(token)
        form = AcceptInvitationForm(email=invitation.email)
        return render(
            request,
            self.template_name,
            {"invitation": invitation, "form": form, "existing": self._existing(invitation)},
        )

    def _existing(self, invitation: Any) -> bool:
        user = self.request.user
        return bool(user.is_authenticated and user.email.lower() == invitation.email.lower())

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        invitation = selectors.invitation_by_token(token)
        if self._existing(invitation):
            services.invitation_accept(
                invitation=invitation, full_name="", password=None, user=self.actor.user
            )
            messages.success(
                request,
                _("You now also belong to %(organisation)s.")
                % {"organisation": invitation.organisation},
            )
            return redirect("members:dashboard")
        form = AcceptInvitationForm(request.POST, email=invitation.email)
        if form.is_valid():
            try:
                user = services.invitation_accept(
                    invitation=invitation,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                # The invitee just chose their password: that counts as a fresh password
                # authentication, so enrolling TOTP does not ask for it again.
                record_authentication(
                    request, user, method="password", email=user.email, reauthenticated=True
                )
                messages.success(request, _("Welcome to the TruStone portal."))
                return redirect("members:dashboard")
        return render(
            request,
            self.template_name,
            {"invitation": invitation, "form": form, "existing": False},
            status=400,
        )


class ProfileView(PortalView):
    """The user's own account: language, two-factor authentication, API token."""

    access_policy = policies.AUTHENTICATED
    template_name = "members/profile.html"

    SESSION_KEY = "new_api_token"

    def get(self, request: HttpRequest) -> HttpResponse:
        # A new token is shown once, after the redirect that follows its creation.
        new_token = request.session.pop(self.SESSION_KEY, None)
        context = {"token": selectors.api_token_of(self.actor.person), "new_token": new_token}
        return render(request, self.template_name, context)

    def post(self, request: HttpRequest) -> HttpResponse:
        if request.POST.get("action") == "revoke":
            services.api_token_revoke(actor=self.actor)
            messages.success(request, _("Your API token has been revoked."))
        else:
            request.session[self.SESSION_KEY] = services.api_token_create(actor=self.actor)
        return redirect("members:profile")


class MembershipTokenRevokeView(PortalView):
    """An administrator revokes the API token of a person of their organisation."""

    access_policy = policies.ORGANISATION_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        membership = selectors.access_token_holder(self.actor, pk)
        if services.api_token_revoke_for_member(actor=self.actor, membership=membership):
            messages.success(
                request,
                _("The API token of %(name)s has been revoked.")
                % {"name": membership.user.full_name or membership.user.email},
            )
        return redirect("members:organisation_detail", membership.organisation_id)
