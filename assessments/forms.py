from django import forms
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput


class PeriodOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year reported on"), min_value=2025, max_value=2100)
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput())
