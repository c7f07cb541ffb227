"""Forms of the council session pages and of signing a score sheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from councils.forms import _bare_helper
from councils.models import CouncilMember, CouncilSession


class SeatChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, seat):
        return f"{seat.user.full_name} ({seat.get_role_display()})"


class AttendanceForm(forms.Form):
    present = SeatChoiceField(
        label=_("Members present"), queryset=CouncilMember.objects.none(), required=False
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = council.members.select_related("user").order_by(
            "role", "user__full_name"
        )
        self.helper = _bare_helper()


class SessionForm(AttendanceForm):
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=200)
    field_order = ["held_on", "place", "present"]


class AgendaOrderForm(forms.Form):
    """One number per product on the agenda; the products are taken in ascending order."""

    def __init__(self, *args, session: CouncilSession, items, **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"position-{item.pk}"] = forms.IntegerField(
                label=item.dossier.product.name, min_value=1, max_value=999, initial=item.position
            )

    def positions(self) -> dict[int, int]:
        return {
            int(name.removeprefix("position-")): value for name, value in self.cleaned_data.items()
        }


class DiscussionForm(forms.Form):
    note = forms.CharField(
        label=_("Discussion and conclusion"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Write what the council discussed and concluded.")},
    )


class SignSheetForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I sign this score sheet: my scores are final and the sheet can no longer be changed."
        ),
        error_messages={"required": _("Tick the box to confirm that you sign the sheet.")},
    )
