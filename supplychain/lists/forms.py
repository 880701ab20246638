"""Forms of the lists' pages."""

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
