"""The forms the approval screens (result_admin) ask for before a bulk decision."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import NOTE_MAX_LENGTH


class DecisionForm(forms.Form):
    decision_number = forms.CharField(label=_("Decision number"), max_length=50)
    decision_date = forms.DateField(
        label=_("Decision date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_decision_date(self):
        value = self.cleaned_data["decision_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("A decision cannot be dated in the future."))
        return value


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class MinistryResultForm(DecisionForm):
    stars = forms.TypedChoiceField(
        label=_("Ministry result"),
        coerce=int,
        choices=[(5, _("Recognised at 5★")), (4, _("Not recognised at 5★: keep 4★"))],
    )
