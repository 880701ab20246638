"""Forms of the complaints app."""

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from trustone.forms import DateInput, MultipleFileField

from .models import Audience, CaseStep, GrievanceMechanism


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


LANGUAGES = (
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("other", _("Another language")),
)


class ComplaintForm(forms.Form):
    """The public intake: no account, anonymous if the complainant wishes."""

    language = forms.ChoiceField(
        label=_("In which language do you write?"),
        choices=LANGUAGES,
        widget=forms.RadioSelect,
        initial="nl",
    )
    language_other = forms.CharField(
        label=_("Which language?"),
        max_length=60,
        required=False,
        help_text=_("The committee has your complaint translated."),
    )
    what = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Tell it in your own words: what, to whom, since when."),
    )
    where = forms.CharField(
        label=_("Where did it happen?"),
        max_length=300,
        required=False,
        help_text=_("The quarry, factory or place, and the country."),
    )
    company = forms.CharField(
        label=_("Which company is it about, if you know?"),
        max_length=300,
        required=False,
    )
    remedy = forms.CharField(
        label=_("What would you like to happen?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    representative = forms.CharField(
        label=_("Do you file for someone else?"),
        max_length=300,
        required=False,
        help_text=_("For example as a union, an NGO or a lawyer: say for whom."),
    )
    attachments = MultipleFileField(
        label=_("Evidence"),
        required=False,
        help_text=_("Photos, documents: at most 5 files of 10 MB each."),
    )
    is_anonymous = forms.BooleanField(
        label=_("I want to stay anonymous"),
        required=False,
        help_text=_(
            "Then the committee does not know who you are and can reach you only through "
            "this portal, with your receipt code."
        ),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=_("Give at least one of these three, so that the committee can reach you."),
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Telephone number"), max_length=40, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("language") == "other" and not data.get("language_other", "").strip():
            self.add_error("language_other", _("Say which language you write in."))
        has_contact = any(data.get(key, "").strip() for key in ("name", "email", "phone"))
        if not data.get("is_anonymous") and not has_contact and "email" not in self.errors:
            self.add_error(
                "name",
                _(
                    "Give a name, an e-mail address or a telephone number, or choose to "
                    "stay anonymous."
                ),
            )
        return data

    def language_value(self) -> str:
        data = self.cleaned_data
        return data["language_other"].strip() if data["language"] == "other" else data["language"]


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}
        ),
        help_text=_("The 20 digits you were given when you filed the complaint."),
    )


class PartyMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    attachments = MultipleFileField(
        label=_("Evidence"),
        required=False,
        help_text=_("Photos, documents: at most 5 files of 10 MB each."),
    )


class CommitteeMessageForm(forms.Form):
    # No reader is preselected: a note meant for the committee must never reach a party
    # because the first option was left as it was.
    audience = forms.ChoiceField(
        label=_("Who reads it?"),
        choices=[("", _("Choose")), *Audience.choices],
        help_text=_(
            "The complainant and the member concerned each read only what is addressed to "
            "them or to both parties. A note for the committee only is also read by the "
            "secretariat staff on this case."
        ),
    )
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)


class StepForm(forms.Form):
    """The committee's next step. The date and the addressee matter for some steps only:
    the stylesheet shows them when such a step is chosen (all of them without `:has`)."""

    step = forms.ChoiceField(
        label=_("Step"),
        help_text=_(
            "Declared inadmissible, settled, withdrawn and ruling complied with close the case."
        ),
    )
    text = forms.CharField(
        label=_("Decision, reasons or request"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The parties read this text; a request for information, only the party asked."),
    )
    on = forms.DateField(
        label=_("Date"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Hearing or mediation: the day it takes place (required). Request for "
            "information: the reply is due by this date. Ruling: compliance is due by this "
            "date. Left empty, the regulation's term applies."
        ),
    )
    audience = forms.ChoiceField(
        label=_("Whom does the committee ask?"),
        required=False,
        choices=[
            (Audience.COMPLAINANT, Audience.COMPLAINANT.label),
            (Audience.RESPONDENT, Audience.RESPONDENT.label),
            (Audience.PARTIES, Audience.PARTIES.label),
        ],
    )

    def __init__(self, *args: Any, steps: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(CaseStep.choices)
        self.fields["step"].choices = [
            ("", _("Choose a step")),
            *[(step, capfirst(labels[step])) for step in steps],
        ]


class OrganisationChoiceForm(forms.Form):
    respondent = forms.TypedChoiceField(label=_("Member concerned"), coerce=int)

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["respondent"].choices = [
            ("", _("Choose")),
            *[(organisation.pk, organisation.name) for organisation in organisations],
        ]


class StaffForm(forms.Form):
    staff = forms.TypedMultipleChoiceField(
        label=_("Secretariat staff on this case"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # str(user): the full name, or the e-mail address when there is none.
        self.fields["staff"].choices = [(user.pk, str(user)) for user in people]


class RecuseForm(forms.Form):
    user = forms.TypedChoiceField(label=_("Who has a conflict of interest?"), coerce=int)

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [
            ("", _("Choose")),
            *[(user.pk, str(user)) for user in people],
        ]


class DisputeForm(forms.Form):
    respondent = forms.TypedChoiceField(label=_("With which organisation?"), coerce=int)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("What is the dispute about?"),
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Which articles of the covenant, and how they were applied."),
    )
    remedy = forms.CharField(
        label=_("What do you ask of the committee?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["respondent"].choices = [
            ("", _("Choose")),
            *[(organisation.pk, organisation.name) for organisation in organisations],
        ]


class PublishForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("The ruling, anonymised"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Leave out names of people, companies and places that could identify anyone involved."
        ),
    )


class ReferralForm(forms.Form):
    expelled = forms.TypedChoiceField(
        label=_("The steering group's decision"),
        coerce=lambda value: value == "yes",
        choices=[("yes", _("Expel the member")), ("no", _("Do not expel the member"))],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
