"""Forms of the lists' pages."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput


class StatementForm(forms.Form):
    signer_name = forms.CharField(label=_("Name of the signatory"), max_length=150)
    signer_function = forms.CharField(label=_("Function"), max_length=150)
    agreed = forms.BooleanField(
        label=_("I have read the statement and sign it on behalf of my organisation."),
        required=False,
    )


class ExpiryForm(forms.Form):
    expires_on = forms.DateField(label=_("Valid until"), widget=DateInput())


class RegionRequestForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"))
    partner_name = forms.CharField(label=_("Local partner (organisation)"), max_length=200)
    partner_contact = forms.CharField(label=_("Contact person at the partner"), max_length=200)
    purpose = forms.CharField(
        label=_("What will the partner use it for?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    clause = forms.FileField(
        label=_("Confidentiality clause signed by the partner (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Choose a region")), *regions]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the requester (required when refusing)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
