from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput

from .models import AssessmentStatus


class PeriodOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year reported on"), min_value=2025, max_value=2100)
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput())
    organisations = forms.ModelMultipleChoiceField(
        label=_("Members who report"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Leave empty for every reporting member (full and associated)."),
    )

    def __init__(self, *args: object, members: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organisations"].queryset = members


class RiskForm(forms.ModelForm):
    class Meta:
        from .models import Risk

        model = Risk
        fields = [
            "theme",
            "other_theme",
            "region",
            "facility",
            "scale",
            "scope",
            "irremediability",
            "likelihood",
            "justification",
        ]
        widgets = {"justification": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "region": _("For example: sandstone quarries around Kota, Rajasthan."),
            "scale": _("How grave is the harm for the people concerned?"),
            "scope": _("How many people are or could be affected?"),
            "irremediability": _("How hard is it to put right?"),
        }

    def __init__(self, *args: object, facilities: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["facility"].queryset = facilities


class ActionForm(forms.ModelForm):
    class Meta:
        from .models import Action

        model = Action
        fields = ["description", "owner", "indicator", "target", "deadline", "status", "progress"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "progress": forms.Textarea(attrs={"rows": 2}),
            "deadline": DateInput(),
        }


class ImporterForm(forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Themes the policy covers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        from .models import Importer

        model = Importer
        fields = ["name", "member", "has_policy", "themes", "action_taken"]
        widgets = {"action_taken": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, members: object, **kwargs: object) -> None:
        from .models import Theme

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["member"].queryset = members
        self.fields["themes"].choices = [(v, label) for v, label in Theme.choices if v != "other"]


# --- Assessment by the secretariat ---------------------------------------------------


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Company"), required=False)
    period = forms.IntegerField(label=_("Year"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("all"))] + list(AssessmentStatus.choices),
    )
    assessor = forms.ChoiceField(label=_("Assessor"), required=False)
    size = forms.ChoiceField(
        label=_("Size"),
        required=False,
        choices=[
            ("", _("all")),
            ("large", _("large")),
            ("medium", _("medium")),
            ("small", _("small")),
        ],
    )
    level = forms.ChoiceField(
        label=_("Computed level"),
        required=False,
        choices=[("", _("all"))] + [(str(n), str(n)) for n in range(6)],
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args: Any, assessors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessor"].choices = [
            ("", _("all")),
            ("none", _("not assigned")),
        ] + [(str(user.pk), str(user)) for user in assessors]


class AssignForm(forms.Form):
    assessor = forms.ModelChoiceField(label=_("Assessor"), queryset=None)

    def __init__(self, *args: Any, assessors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = assessors


class AdjustForm(forms.Form):
    points = forms.DecimalField(label=_("Adjusted points"), decimal_places=1)
    reason = forms.CharField(
        label=_("Reason (reasonableness and fairness)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReviewForm(forms.Form):
    impact_indicators_met = forms.BooleanField(
        label=_("The impact indicators are met (levels 4 and 5)"), required=False
    )
    impact_reason = forms.CharField(
        label=_("Reason (impact indicators)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    progress_sufficient = forms.NullBooleanField(
        label=_("Sufficient progress on the plan of action"),
        required=False,
        widget=forms.Select(
            choices=[
                ("unknown", _("not yet assessed")),
                ("true", _("yes")),
                ("false", _("no")),
            ]
        ),
    )
    feedback_supplier_list = forms.CharField(
        label=_("Feedback on the supplier list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feedback_questionnaire = forms.CharField(
        label=_("Feedback on the questionnaire"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feedback_plan = forms.CharField(
        label=_("Feedback on the plan of action"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Progress and delay ---------------------------------------------------------------


class ExplanatoryNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Explanatory note (shown on the public member listing)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SpecialCircumstancesForm(forms.Form):
    argument = forms.CharField(
        label=_("Your written argument"),
        help_text=_(
            "For example responsible disengagement from a supplier, a new supplier because "
            "the old one would not cooperate, or a takeover. The steering group decides."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class SteeringDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision of the steering group"), choices=())
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from .models import SteeringDecision

        super().__init__(*args, **kwargs)
        # No decision preselected: the chair chooses one deliberately.
        self.fields["decision"].choices = [("", _("Choose…")), *SteeringDecision.choices]


# --- Sample checks --------------------------------------------------------------------


class SampleDrawForm(forms.Form):
    period = forms.ModelChoiceField(label=_("Reporting period"), queryset=None)
    kind = forms.ChoiceField(label=_("What is checked"), choices=())
    size = forms.IntegerField(label=_("Sample size"), min_value=1, max_value=500)
    seed = forms.CharField(
        label=_("Seed (optional)"),
        max_length=64,
        required=False,
        help_text=_("Leave empty for a random seed. The seed is recorded with the draw."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, periods: Any, **kwargs: Any) -> None:
        from .models import SampleKind

        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods
        self.fields["kind"].choices = SampleKind.choices


class FindingForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=())
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from .models import FindingOutcome

        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = FindingOutcome.choices


# --- Testing a plan of action ---------------------------------------------------------
