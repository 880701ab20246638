"""Forms of the registry's pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from ..models import FacilityKind


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, place, site id or OS ID"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("All")),
            (FacilityKind.FACTORY, _("Factory")),
            (FacilityKind.QUARRY, _("Quarry")),
        ],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["country"].choices = [("", _("All countries")), *countries]


class OsIdForm(forms.Form):
    os_id = forms.CharField(label=_("Open Supply Hub id"), required=False, max_length=20)


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("Merge into site"),
        max_length=12,
        help_text=_("The site id of the site that remains, e.g. TS-7K2M9QXD."),
    )
