"""Forms of the rounds, the correction answers and revisions, and the dossier lists.

Each form parses input into typed values; the rules that span rows (a round accepting dossiers,
a dossier's state) live in ``rounds`` and ``evaluations.transitions``, whose messages the views
show. The forms of the dossier's moves are evaluations/forms.py's.
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from criteria import scoring
from ocop_portal.text import NOTE_MAX_LENGTH
from ocop_portal.widgets import QuickSelect
from once.forms import OneTimeTokenMixin
from regions.forms import NamedChoices, commune_filter, former_district_filter

from .models import DossierKind, DossierState, Round


def bare_helper() -> FormHelper:
    """crispy-forms lays the fields out; the template owns the <form> tag and its button."""
    helper = FormHelper()
    helper.form_tag = False
    return helper


class BareForm:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = bare_helper()


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


# ---- Rounds --------------------------------------------------------------------------------


class RoundForm(BareForm, forms.ModelForm):
    criteria_decision = forms.ChoiceField(label=_("Criteria (decision)"))

    class Meta:
        model = Round
        fields = [
            "name",
            "year",
            "number",
            "criteria_decision",
            "opens_on",
            "local_cutoff_on",
            "council_meeting_on",
            "closes_on",
        ]
        widgets = {
            "opens_on": date_input(),
            "local_cutoff_on": date_input(),
            "council_meeting_on": date_input(),
            "closes_on": date_input(),
        }
        help_texts = {
            "number": _("Rounds are numbered within the year: at least two a year (Art. 5)."),
            "local_cutoff_on": _("The last day producers can submit dossiers."),
        }

    def __init__(self, *args, editable: tuple[str, ...] | None = None, **kwargs):
        """`editable`: the only fields the office may still change (a round already open)."""
        super().__init__(*args, **kwargs)
        self.fields["criteria_decision"].choices = [
            (decision.code, f"{decision.code} — {decision.title}")
            for decision in reversed(scoring.list_decisions())
        ]
        if editable is not None:
            for name, field in self.fields.items():
                field.disabled = name not in editable


class RoundCreateForm(OneTimeTokenMixin, RoundForm):
    """A new round: the form carries a one-time token (once.services.create_once)."""


class RoundMoveForm(forms.Form):
    move = forms.ChoiceField(choices=[("open", "open"), ("council", "council"), ("close", "close")])


class CorrectionAnswersForm(BareForm, forms.Form):
    """The producer's answer to each item of the request for correction; one form holds them all,
    so saving one answer never drops what was typed in another box."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"answer_{item.pk}"] = forms.CharField(
                label=_("Your answer: %(item)s") % {"item": item.label},
                required=False,
                max_length=NOTE_MAX_LENGTH,
                initial=item.answer,
                widget=textarea(2),
            )
            item.answer_field = self[f"answer_{item.pk}"]

    def answers(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data.get(f"answer_{item.pk}", "") for item in self.items}


class RevisionChoiceForm(forms.Form):
    """Which two revisions to compare (GET)."""

    old = forms.TypedChoiceField(label=_("Compare revision"), coerce=int)
    new = forms.TypedChoiceField(label=_("with revision"), coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            self.fields[name].choices = [(n, str(n)) for n in numbers]
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"


# ---- Lists ---------------------------------------------------------------------------------

AWAITING = "awaiting"  # the queue's default: dossiers the local officer must act on


def _select(field: forms.Field) -> forms.Field:
    field.widget.attrs["class"] = "form-select form-select-sm"
    return field


class RoundChoiceField(forms.ModelChoiceField):
    iterator = NamedChoices  # str(round) is its name


class DossierFilterForm(forms.Form):
    """The filters of the officers' queue and the province-wide list (GET, shareable URLs)."""

    # QuickSelect: on every view of the queue and the lists, these offer a hundred options.
    round = RoundChoiceField(
        label=_("Round"),
        queryset=Round.objects.none(),
        required=False,
        empty_label=_("All rounds"),
        widget=QuickSelect,
    )
    state = forms.ChoiceField(label=_("State"), required=False, widget=QuickSelect)
    district = former_district_filter()
    commune = commune_filter()
    criteria_set = forms.TypedChoiceField(
        label=_("Criteria set"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *DossierKind.choices],
        widget=QuickSelect,
    )

    def __init__(self, *args, user, rounds, communes, districts=None, queue=False, **kwargs):
        """`communes`/`districts`: the areas offered (the user's jurisdiction); `queue`: the
        local officer's queue, whose default state is "awaiting my action"."""
        super().__init__(*args, **kwargs)
        if queue and "state" not in self.data:
            # The queue opens on what awaits the officer, and its select says so.
            self.data = self.data.copy()
            self.data["state"] = AWAITING
        self.fields["round"].queryset = rounds
        states = [(s.value, s.label) for s in DossierState if s != DossierState.DRAFT]
        if queue:
            self.fields["state"].choices = [
                (AWAITING, _("Awaiting my action")),
                ("", _("All states")),
                *states,
            ]
            self.fields["state"].initial = AWAITING
        else:
            self.fields["state"].choices = [("", _("All states")), *states]
        if districts is None:
            del self.fields["district"]
        else:
            self.fields["district"].queryset = districts
            district = self.data.get("district", "")
            if district.isdigit():  # a chosen former district narrows the communes offered
                communes = communes.filter(former_district_id=int(district))
        self.fields["commune"].queryset = communes
        self.fields["criteria_set"].choices = [("", _("All criteria sets"))] + [
            (info.number, f"{info.number}. {info.name}")
            for info in scoring.list_criteria_sets("26/2026")
        ]
        for field in self.fields.values():
            _select(field)

    def filter(self, dossiers):
        """Apply the valid filters; an invalid one is ignored, not an error."""
        self.is_valid()
        data = self.cleaned_data
        state = data.get("state")
        if state == AWAITING:
            dossiers = dossiers.filter(state__in=DossierState.LOCAL_REVIEW)
        elif state:
            dossiers = dossiers.filter(state=state)
        if data.get("round"):
            dossiers = dossiers.filter(round=data["round"])
        if data.get("district"):
            dossiers = dossiers.filter(product__producer__commune__former_district=data["district"])
        if data.get("commune"):
            dossiers = dossiers.filter(product__producer__commune=data["commune"])
        if data.get("criteria_set"):
            dossiers = dossiers.filter(product__criteria_set=data["criteria_set"])
        if data.get("kind"):
            dossiers = dossiers.filter(kind=data["kind"])
        return dossiers
