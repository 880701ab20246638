from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput

from .models import (
    Country,
    CovenantMembership,
    Organisation,
    OrganisationKind,
    PartyApplication,
    Role,
    TerminationKind,
)
from .rules import roles_for_kind


class OrganisationInviteForm(forms.ModelForm):
    """Secretariat: register an organisation and invite its first user (its admin)."""

    email = forms.EmailField(
        label=_("E-mail address of the first user"),
        help_text=_("This person becomes the organisation's administrator."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "country", "city", "registration_number", "website"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)

    def __init__(self, *args: object, organisation: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        allowed = roles_for_kind(organisation.kind)
        self.fields["role"].choices = [(v, label) for v, label in Role.choices if v in allowed]


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    is_active = forms.BooleanField(label=_("Active"), required=False)

    def __init__(self, *args: object, organisation: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        allowed = roles_for_kind(organisation.kind)
        self.fields["role"].choices = [(v, label) for v, label in Role.choices if v in allowed]


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: object, email: str, **kwargs: object) -> None:
        self.email = email
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            from .models import User

            try:
                password_validation.validate_password(
                    str(first), User(email=self.email, full_name=str(cleaned.get("full_name", "")))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *OrganisationKind.choices],
    )


class CovenantMembershipForm(forms.ModelForm):
    class Meta:
        model = CovenantMembership
        fields = [
            "member_type",
            "collective_via",
            "employees",
            "annual_revenue_eur",
            "establishments",
            "chains",
            "full_due_diligence",
            "collective_member_count",
            "supplies_public_clients",
        ]


class DeclarationForm(forms.Form):
    signer_name = forms.CharField(label=_("Name of the signatory"), max_length=150)
    signer_function = forms.CharField(label=_("Function"), max_length=150)
    signed_on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        disabled=True,
        help_text=_("A declaration signed in the portal is dated today."),
    )
    agreed = forms.BooleanField(
        label=_("I have read the declaration and sign it on behalf of my organisation."),
        required=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["signed_on"].initial = timezone.localdate()


class NoticeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reasons for the notice"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The steering group receives your reasons (Art. 15)."),
    )
    confirm = forms.BooleanField(
        label=_("I confirm the notice and the end date shown above."), required=True
    )


class TerminationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(v, label) for v, label in TerminationKind.choices if v != "notice"],
    )
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))
    notice_on = forms.DateField(label=_("Decision or event date"), widget=DateInput())
    ends_on = forms.DateField(label=_("Membership ends on"), widget=DateInput())
    steering_group_decided_on = forms.DateField(
        label=_("Steering group decision of"),
        required=False,
        widget=DateInput(),
    )


class LevelForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2016, max_value=2100)
    level = forms.TypedChoiceField(
        label=_("Level"),
        coerce=int,
        choices=[(0, _("Not yet classified"))] + [(n, str(n)) for n in range(1, 6)],
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    explanatory_note = forms.CharField(
        label=_("Explanatory note (public, for a delay from level 3)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InvoicingRunForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2025, max_value=2100)
    issued_on = forms.DateField(label=_("Invoice date"), widget=DateInput())


class PartyApplicationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    accepts_criteria = forms.BooleanField(
        label=_("We meet the criteria for new parties listed above."), required=True
    )

    class Meta:
        model = PartyApplication
        fields = [
            "organisation_name",
            "organisation_kind",
            "country",
            "website",
            "contact_name",
            "contact_email",
            "motivation",
            "added_value",
            "accepts_criteria",
        ]
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 5}),
            "added_value": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organisation_kind"].choices = [
            (value, label)
            for value, label in OrganisationKind.choices
            if value in {"company", "ngo", "union", "sector_organisation", "government"}
        ]


class ApplicationDecisionForm(forms.Form):
    approved = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda value: value == "yes",
        choices=[("yes", _("Approved")), ("no", _("Rejected"))],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("Steering group decision of"), widget=DateInput())
    note = forms.CharField(
        label=_("Decision and reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ListingFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False)
    member_type = forms.ChoiceField(
        label=_("Membership type"),
        required=False,
        choices=[
            ("", _("All")),
            ("full", _("Full member")),
            ("associated", _("Associated member")),
        ],
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[
            ("", _("All levels")),
            ("none", _("Not yet assessed")),
            ("0", _("Not yet classified")),
        ]
        + [(str(n), str(n)) for n in range(1, 6)],
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *Country.choices]
    )
