"""Forms of certificate corrections (issue 18): the producer's request, the office's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.certified_changes import current_values
from ocop_portal.text import NOTE_MAX_LENGTH
from producers.models import ProducerKind
from regions.models import Commune


class CorrectionRequestForm(forms.Form):
    """The details as they should read, prefilled with the live ones; only those changed are
    asked for."""

    product_name = forms.CharField(label=_("Product name"), max_length=200)
    producer_name = forms.CharField(label=_("Producer name"), max_length=200)
    producer_kind = forms.ChoiceField(label=_("Kind of producer"), choices=ProducerKind.choices)
    commune = forms.ModelChoiceField(label=_("Commune / ward"), queryset=Commune.objects.none())
    address_line = forms.CharField(
        label=_("Address (house number, street, village)"), max_length=200, required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the certificate should read differently, e.g. the new business name."),
    )

    def __init__(self, *args, certificate, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.update(current_values(certificate))
        self.fields["commune"].queryset = Commune.objects.filter(
            province_id=certificate.province_code
        ).order_by("name")

    def changes(self) -> dict:
        data = dict(self.cleaned_data)
        data["commune"] = data["commune"].pk
        data.pop("reason")
        return data


class CorrectionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve and re-issue")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the producer"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when refusing."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I have checked the request against the producer's papers. This decision cannot be "
            "undone."
        ),
    )
