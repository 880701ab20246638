"""Forms of procurement."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput

from .models import AmbitionLevel, PlanVerdict, TenderPhase


class BidderCheckForm(forms.Form):
    q = forms.CharField(
        label=_("Company name, KvK number or Belgian enterprise number"),
        min_length=2,
        max_length=100,
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


class CriteriaFilterForm(forms.Form):
    """The catalogue page's filters: a phase, an ambition level, a published version."""

    phase = forms.ChoiceField(label=_("Phase"), required=False)
    ambition = forms.ChoiceField(label=_("Ambition level"), required=False)
    version = forms.TypedChoiceField(label=_("Version"), coerce=int, required=False)

    def __init__(self, *args: Any, versions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", _("All phases")), *TenderPhase.choices]
        self.fields["ambition"].choices = [("", _("All levels")), *AmbitionLevel.choices]
        self.fields["version"].choices = [("", _("The version in force")), *versions]


TEXT_HELP = _(
    "One paragraph or numbered point per line; start a line with “- ” for a bullet point."
)


class CriterionForm(forms.Form):
    title_nl = forms.CharField(label=_("Title (Dutch)"), max_length=300)
    text_nl = forms.CharField(
        label=_("Criterion (Dutch)"),
        widget=forms.Textarea(attrs={"rows": 12, "lang": "nl"}),
        help_text=TEXT_HELP,
    )
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    text_en = forms.CharField(
        label=_("Criterion (English)"),
        widget=forms.Textarea(attrs={"rows": 12, "lang": "en"}),
        help_text=TEXT_HELP,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_nl"].widget.attrs["lang"] = "nl"
        self.fields["title_en"].widget.attrs["lang"] = "en"


class CataloguePublishForm(forms.Form):
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    note = forms.CharField(
        label=_("What changed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the version, for everyone who uses the catalogue."),
    )
