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


class ApprovalForm(forms.Form):
    """The approval screen's decision on one result: the choices are the result's own
    (``approval.decision_choices``); the decision number and date for a recognition or a
    notice, the reason for a send-back."""

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    decision_number = forms.CharField(label=_("Decision number"), max_length=50, required=False)
    decision_date = forms.DateField(
        label=_("Decision date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(
        label=_("Reason for sending back"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, choices, needs_decision: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = choices
        if len(choices) and "decision" not in self.initial:
            self.initial["decision"] = choices[0][0]
        self.needs_decision = needs_decision

    def clean_decision_date(self):
        value = self.cleaned_data["decision_date"]
        if value is not None and value > timezone.localdate():
            raise forms.ValidationError(_("A decision cannot be dated in the future."))
        return value

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision in self.needs_decision:
            if not data.get("decision_number", "").strip():
                self.add_error("decision_number", _("Give the number of the decision."))
            if data.get("decision_date") is None and "decision_date" not in self.errors:
                self.add_error("decision_date", _("Give the date of the decision."))
        elif decision == "send_back" and not data.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for sending the result back."))
        return data
