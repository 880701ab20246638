"""Forms of procurement."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput

from .models import AmbitionLevel, PlanVerdict, RequestKind, TenderPhase


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
    kind = forms.ChoiceField(
        label=_("What do you ask?"),
        choices=RequestKind.choices,
        initial=RequestKind.PLAN_TEST,
        required=False,
        widget=forms.RadioSelect,
    )
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

    def __init__(
        self, *args: Any, companies: Any, may_ask_questions: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not may_ask_questions:
            del self.fields["kind"]
        self.fields["company"].queryset = companies
        self.fields["ambition"].choices = [("", _("not applicable"))] + list(AmbitionLevel.choices)
        if companies.count() == 1:
            self.fields["company"].initial = companies.first()

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or RequestKind.PLAN_TEST


class PlanTestAnswerForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=(), required=False)
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, is_question: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verdict"].choices = PlanVerdict.choices
        if is_question:
            del self.fields["verdict"]


class TenderSignalForm(forms.Form):
    government = forms.ModelChoiceField(
        label=_("Affiliated government"),
        queryset=None,
        required=False,
        empty_label=_("Not affiliated, or not in the list"),
    )
    government_name = forms.CharField(
        label=_("Contracting authority, if not in the list"), max_length=200, required=False
    )
    tender_title = forms.CharField(
        label=_("Title of the tender"),
        max_length=300,
        help_text=_("As the contracting authority published it, with its reference if any."),
    )
    url = forms.URLField(label=_("Link to the tender"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("What is missing?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "For example: natural stone from risk countries without the ISV or any "
            "due-diligence criterion."
        ),
    )

    def __init__(self, *args: Any, governments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["government"].queryset = governments


class TenderSignalNoteForm(forms.Form):
    body = forms.CharField(
        label=_("Record a conversation or step"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you spoke with at the government, and what was agreed."),
    )


class TenderSignalCloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome (the reporter reads it)"), widget=forms.Textarea(attrs={"rows": 3})
    )


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
