"""Forms of the signals' pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from trustone.forms import DateInput, MultipleFileField

from ..models import SignalOutcome, SignalUrgency
from ..themes import Theme


class SignalForm(forms.Form):
    site_id = forms.CharField(
        label=_("Site id (TS-…)"),
        max_length=20,
        required=False,
        help_text=_(
            "From the linked list or the quarry-area list. Leave it empty when you do not "
            "know the site: give the region or place instead."
        ),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.CharField(label=_("Region or place"), max_length=120, required=False)
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=Theme.choices, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea(attrs={"rows": 6})
    )
    since = forms.DateField(label=_("Since when?"), required=False, widget=DateInput())
    affected = forms.IntegerField(
        label=_("How many workers or residents are affected (about)?"),
        min_value=0,
        required=False,
    )
    sources = forms.CharField(
        label=_("Sources"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Reports, articles, interviews: what the signal rests on."),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"), choices=SignalUrgency.choices, widget=forms.RadioSelect
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *countries]


class SiteForm(forms.Form):
    site_id = forms.CharField(label=_("Site id (TS-…)"), max_length=20)


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))
    attachment = forms.FileField(label=_("Attachment"), required=False)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=SignalOutcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reasons and what was agreed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CompanyVersionForm(forms.Form):
    company_description = forms.CharField(
        label=_("What the companies read"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Take out what the companies must not learn, such as the name of another "
            "company buying here or of a witness. The NGO or union keeps the text as filed."
        ),
    )
    shared = forms.TypedMultipleChoiceField(
        label=_("Attachments the companies get"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, signal: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "company_description": signal.company_description or signal.description,
                "shared": [a.pk for a in signal.attachments.all() if a.is_shared],
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["shared"].choices = [(a.pk, a.original_name) for a in signal.attachments.all()]
        if not self.fields["shared"].choices:
            del self.fields["shared"]
