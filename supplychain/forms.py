from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Chain, Facility, FacilityKind


class FacilityForm(forms.ModelForm):
    class Meta:
        model = Facility
        fields = ["kind", "name", "address", "place", "country", "latitude", "longitude"]
        help_texts = {
            "latitude": _(
                "Decimal degrees, e.g. 24.5854 (north positive). Optional when the "
                "address is known."
            ),
            "longitude": _("Decimal degrees, e.g. 73.7125 (east positive)."),
        }

    def clean(self) -> dict[str, Any]:
        from .rules import coordinates_problem

        cleaned = super().clean() or {}
        problem = coordinates_problem(cleaned.get("latitude"), cleaned.get("longitude"))
        messages = {
            "incomplete": _("Give both latitude and longitude, or neither."),
            "swapped": _(
                "Latitude and longitude seem to be swapped: a latitude lies between -90 and 90."
            ),
            "latitude_range": _("A latitude lies between -90 and 90."),
            "longitude_range": _("A longitude lies between -180 and 180."),
        }
        if problem:
            self.add_error(
                "latitude" if problem != "longitude_range" else "longitude", messages[problem]
            )
        return cleaned


class ChainForm(forms.ModelForm):
    class Meta:
        model = Chain
        fields = [
            "product",
            "factory",
            "quarry",
            "extraction_country",
            "processing_country",
            "volume_eur",
            "is_circular",
        ]

    def __init__(self, *args: Any, organisation: Any, facilities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["factory"].queryset = facilities.filter(kind=FacilityKind.FACTORY)
        self.fields["quarry"].queryset = facilities.filter(kind=FacilityKind.QUARRY)
        self.fields["factory"].empty_label = _("unknown")
        self.fields["quarry"].empty_label = _("unknown")
        self.fields["volume_eur"].min_value = 0


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Supplier list (CSV or XLSX)"),
        help_text=_(
            "Use the template. Nothing changes until the whole file is valid and you confirm."
        ),
    )
