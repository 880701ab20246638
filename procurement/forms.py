"""Forms of procurement."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AmbitionLevel, PlanVerdict


class BidderCheckForm(forms.Form):
    q = forms.CharField(
        label=_("Company name, KvK number or Belgian enterprise number"),
        min_length=2,
        max_length=100,
    )


class StatementVerifyForm(forms.Form):
    """Whether a code is a known code is the view's question: a malformed code and an
    unknown one get the same answer, so the form only takes the text."""

    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
        help_text=_("The 16 characters on the statement, with or without dashes."),
    )


class PlanTestRequestForm(forms.Form):
    company = forms.ModelChoiceField(
        label=_("Company whose plan of action is tested"), queryset=None
    )
    tender_reference = forms.CharField(
        label=_("Tender or contract (optional)"), max_length=200, required=False
    )
    ambition = forms.ChoiceField(label=_("Ambition level of the tender"), required=False)
    question = forms.CharField(
        label=_("What should the secretariat test?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    attachment = forms.FileField(
        label=_("The plan of action (PDF or office file, optional)"), required=False
    )

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies
        self.fields["ambition"].choices = [("", _("not applicable"))] + list(AmbitionLevel.choices)
        if companies.count() == 1:
            self.fields["company"].initial = companies.first()


class PlanTestAnswerForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=())
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verdict"].choices = PlanVerdict.choices
