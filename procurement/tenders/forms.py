"""Forms of the tenders' pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput

from ..models import AmbitionLevel, TenderPhase, ValueBand

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class TenderForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    reference = forms.CharField(label=_("Your reference"), max_length=100, required=False)
    tendered_on = forms.DateField(label=_("Date of the tender"), widget=DateInput())
    value_band = forms.ChoiceField(label=_("Estimated value"), choices=ValueBand.choices)
    isv_applied = forms.TypedChoiceField(
        label=_("Were the International Social Conditions (ISV) applied?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    isv_explanation = forms.CharField(
        label=_("If not: why not?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Apply or explain (Art. 7.2)."),
    )
    phases = forms.MultipleChoiceField(
        label=_("Phases in which due-diligence criteria were applied"),
        choices=TenderPhase.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ambition = forms.ChoiceField(
        label=_("Ambition level"), choices=AmbitionLevel.choices, widget=forms.RadioSelect
    )
    criteria = forms.TypedMultipleChoiceField(
        label=_("Criteria of the catalogue you used"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contractor = forms.ModelChoiceField(
        label=_("Winning contractor, if a member of TruStone"),
        queryset=None,
        required=False,
        empty_label=_("Not a member, or not awarded yet"),
    )
    contractor_name = forms.CharField(
        label=_("Winning contractor, if not a member"), max_length=200, required=False
    )
    contract_closed_on = forms.DateField(
        label=_("Contract closed on"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "With criteria in the contract phase, the portal then computes when the "
            "contractor's risk analysis and plan of action are due."
        ),
    )

    def __init__(
        self, *args: Any, criteria: list[Any], contractors: Any, english: bool, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {"tendered_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        phases = dict(TenderPhase.choices)
        levels = dict(AmbitionLevel.choices)
        self.fields["criteria"].choices = [
            (
                criterion.pk,
                f"{criterion.code} · {phases[criterion.phase]} · {levels[criterion.ambition]}: "
                f"{criterion.title_en if english else criterion.title_nl}",
            )
            for criterion in criteria
        ]
        if not criteria:
            del self.fields["criteria"]
        self.fields["contractor"].queryset = contractors

    def clean(self) -> dict[str, Any]:
        """Apply or explain, named in the first round with the other errors (the service
        checks it too)."""
        data = super().clean() or {}
        if data.get("isv_applied") is False and not data.get("isv_explanation", "").strip():
            self.add_error(
                "isv_explanation",
                _(
                    "Apply or explain: say why the International Social Conditions were not "
                    "applied."
                ),
            )
        return data


class StartReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2016)


class ReportNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything the secretariat should know, such as why a tender had no criteria."),
    )


class ReturnForm(forms.Form):
    comments = forms.CharField(
        label=_("Comments for the government"), widget=forms.Textarea(attrs={"rows": 4})
    )
