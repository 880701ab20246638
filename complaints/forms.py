"""Forms of the complaints app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import GrievanceMechanism


class MechanismForm(forms.ModelForm):
    url = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = GrievanceMechanism
        fields = (
            "name",
            "kind",
            "description_nl",
            "description_en",
            "url",
            "where",
            "members_can_join",
            "is_active",
        )
        widgets = {
            "description_nl": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }
