"""Forms of the register of projects and dialogues."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from supplychain.themes import Theme
from trustone.forms import DateInput

from ..models import (
    CriterionJudgement,
    ParticipantDocument,
    ParticipantKind,
    ProjectEntryKind,
    ProjectKind,
    ProjectStatus,
)


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=80,
        help_text=_(
            "Lower-case letters, digits and hyphens; the public page is /projects/ followed by it."
        ),
    )
    kind = forms.ChoiceField(label=_("Form"), choices=ProjectKind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices)
    country = forms.ChoiceField(label=_("Country"))
    region = forms.CharField(
        label=_("Production region"),
        max_length=120,
        help_text=_(
            "The state or province as the registry names it (for example Rajasthan), so "
            "that the portal can count the member companies sourcing there."
        ),
    )
    stone = forms.CharField(label=_("Stone"), max_length=120, required=False)
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    started_on = forms.DateField(label=_("Started on"), required=False, widget=DateInput())
    ended_on = forms.DateField(label=_("Ended on"), required=False, widget=DateInput())
    summary = forms.CharField(
        label=_("Public summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown on the public page once it is published."),
    )
    summary_en = forms.CharField(
        label=_("Public summary in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, regions: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *countries]
        if regions:
            self.fields["region"].widget.attrs["list"] = "known-regions"
        self.regions = regions or []


class ParticipantForm(forms.Form):
    kind = forms.ChoiceField(label=_("Takes part as"), choices=ParticipantKind.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation of the portal"),
        queryset=None,
        required=False,
        help_text=_("For a party or a member company."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("For a local organisation or another participant that is not a member."),
    )
    role = forms.CharField(label=_("Role in the project"), max_length=200, required=False)
    joined_on = forms.DateField(label=_("Joined on"), required=False, widget=DateInput())
    document = forms.ChoiceField(
        label=_("Signed document"),
        choices=[
            ("", _("None (a party or a member company)")),
            *[(v, label) for v, label in ParticipantDocument.choices if v],
        ],
        required=False,
    )
    document_signed_on = forms.DateField(label=_("Signed on"), required=False, widget=DateInput())
    document_file = forms.FileField(
        label=_("The signed document (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    is_public = forms.BooleanField(
        label=_("Name it on the public page (never a member company)"), required=False
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].label_from_instance = _organisation_label


def _organisation_label(organisation: Any) -> str:
    return f"{organisation.name} ({organisation.get_kind_display()})"


class EntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ProjectEntryKind.choices)
    on = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    text_en = forms.CharField(
        label=_("Text in English"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_public = forms.BooleanField(label=_("Show on the public page"), required=False)


class CriterionForm(forms.Form):
    """One judgement of one criterion (the criterion is in the URL; the form's prefix is
    its code, so that the page's forms have distinct ids)."""

    judgement = forms.ChoiceField(
        label=_("Judgement"), choices=CriterionJudgement.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
