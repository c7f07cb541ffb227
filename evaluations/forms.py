"""Forms of the rounds, the dossier's local review and the dossier lists.

Each form parses input into typed values; the rules that span rows (a round accepting dossiers,
a dossier's state) live in ``services``, ``rounds`` and ``transitions``, whose messages the views
show.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from criteria import scoring
from dossiers.models import DossierKind, DossierState, Round
from ocop_portal.text import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH
from once.forms import OneTimeTokenMixin
from regions.models import Commune, FormerDistrict

from .transitions import LOCAL_ASSESSMENT_AREAS


def _bare_helper() -> FormHelper:
    """crispy-forms lays the fields out; the template owns the <form> tag and its button."""
    helper = FormHelper()
    helper.form_tag = False
    return helper


class _Bare:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _bare_helper()


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


# ---- Rounds --------------------------------------------------------------------------------


class RoundForm(_Bare, forms.ModelForm):
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
            "opens_on": _date_input(),
            "local_cutoff_on": _date_input(),
            "council_meeting_on": _date_input(),
            "closes_on": _date_input(),
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


# ---- Dossiers ------------------------------------------------------------------------------


class RoundChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, round_):
        return _("%(name)s (submit by %(cutoff)s)") % {
            "name": round_.name,
            "cutoff": round_.local_cutoff_on.strftime("%d/%m/%Y"),
        }


class DossierCreateForm(_Bare, OneTimeTokenMixin, forms.Form):
    round = RoundChoiceField(label=_("Evaluation round"), queryset=Round.objects.none())
    kind = forms.ChoiceField(
        label=_("Kind of evaluation"),
        choices=DossierKind.choices,
        widget=forms.RadioSelect,
        initial=DossierKind.FIRST,
        help_text=_(
            "A re-evaluation is filed 180 to 120 days before the certificate expires; an upgrade "
            "asks for more stars for a product already recognised."
        ),
    )

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        if len(rounds) == 1:
            self.fields["round"].initial = rounds[0].pk


class CommentForm(_Bare, forms.Form):
    """Resubmit, forward, withdraw: an optional note kept in the audit trail."""

    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=_textarea(2),
    )


class ResubmitForm(CommentForm):
    comment = forms.CharField(
        label=_("What was corrected (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=_textarea(2),
    )


class ForwardForm(CommentForm):
    comment = forms.CharField(
        label=_("Note to the province (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=_textarea(2),
    )


class WithdrawForm(CommentForm):
    comment = forms.CharField(
        label=_("Why the dossier is withdrawn (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=_textarea(2),
    )


class RejectForm(_Bare, forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=NOTE_MAX_LENGTH,
        widget=_textarea(3),
        help_text=_("The producer receives it by email and sees it on the dossier."),
    )


class AcceptForm(_Bare, forms.Form):
    """Form 03 (Mẫu số 03): the commune's assessment of four content areas, Art. 7.2."""

    raw_materials = forms.CharField(
        label=_("Origin of the product and local raw materials"),
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=_textarea(),
    )
    local_labour = forms.CharField(
        label=_("Use of local labour"), max_length=LONG_TEXT_MAX_LENGTH, widget=_textarea()
    )
    idea_origin = forms.CharField(
        label=_("Origin of the product idea"), max_length=LONG_TEXT_MAX_LENGTH, widget=_textarea()
    )
    local_identity = forms.CharField(
        label=_("Local identity and wisdom"),
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=_textarea(),
        help_text=_(
            "Culture, indigenous knowledge of varieties, materials and conditions, community "
            "production experience, characteristic production methods."
        ),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=_textarea(2),
    )

    def assessment(self) -> dict[str, str]:
        return {area: self.cleaned_data[area] for area in LOCAL_ASSESSMENT_AREAS}


class ReturnForm(_Bare, forms.Form):
    """The itemised request for correction: the officer ticks the deficient items of the dossier
    and criteria of its set, with a note on each; the producer answers each note.

    A note alone also counts as ticked: what the officer wrote is never dropped.
    """

    comment = forms.CharField(
        label=_("General comment (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=_textarea(2),
    )

    def __init__(self, *args, items: list[tuple[str, str]], criteria=(), **kwargs):
        """`items`: ``services.return_item_choices``; `criteria`: (code, label) of the set."""
        super().__init__(*args, **kwargs)
        self.asked = [("item", key, label) for key, label in items] + [
            ("criterion", code, label) for code, label in criteria
        ]
        groups: dict[str, list[str]] = {"item": [], "criterion": []}
        for prefix, key, label in self.asked:
            self.fields[f"tick_{prefix}_{key}"] = forms.BooleanField(label=label, required=False)
            self.fields[f"{prefix}_{key}"] = forms.CharField(
                label=_("What to correct: %(item)s") % {"item": label},
                required=False,
                max_length=NOTE_MAX_LENGTH,
                widget=_textarea(2),
            )
            groups[prefix] += [f"tick_{prefix}_{key}", f"{prefix}_{key}"]
        fieldsets = [Fieldset(_("Items of the dossier"), *groups["item"])]
        if groups["criterion"]:
            # Thirty-odd criteria stay folded until the officer wants one (or sent one back).
            folded = not any(self.data.get(self.add_prefix(name)) for name in groups["criterion"])
            summary = escape(_("Criteria of the set (%(count)d)") % {"count": len(criteria)})
            fieldsets += [
                HTML(
                    f'<details class="mb-3 return-criteria"{"" if folded else " open"}>'
                    f'<summary class="fw-semibold mb-2">{summary}</summary>'
                ),
                Fieldset("", *groups["criterion"]),
                HTML("</details>"),
            ]
        self.helper.layout = Layout(*fieldsets, "comment")

    def clean(self):
        cleaned = super().clean()
        for prefix, key, label in self.asked:
            if cleaned.get(f"tick_{prefix}_{key}") and not cleaned.get(f"{prefix}_{key}", ""):
                self.add_error(
                    f"{prefix}_{key}",
                    _("You ticked “%(item)s”: write what to correct.") % {"item": label},
                )
        if not self.errors and not self.items():
            raise forms.ValidationError(
                _("Tick at least one item or criterion and write what to correct."),
                code="no_items",
            )
        return cleaned

    def items(self) -> list[dict[str, str]]:
        """The request, as ``transitions.return_dossier`` takes it."""
        requested = []
        for prefix, key, _label in self.asked:
            note = self.cleaned_data.get(f"{prefix}_{key}", "").strip()
            if note:
                item = {"item": key, "comment": note}
                if prefix == "criterion":
                    item["kind"] = "criterion"
                requested.append(item)
        return requested


class CorrectionAnswersForm(_Bare, forms.Form):
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
                widget=_textarea(2),
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


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # str(commune) would add the province: a query per option


def _select(field: forms.Field) -> forms.Field:
    field.widget.attrs["class"] = "form-select form-select-sm"
    return field


class DossierFilterForm(forms.Form):
    """The filters of the officers' queue and the province-wide list (GET, shareable URLs)."""

    round = forms.ModelChoiceField(
        label=_("Round"), queryset=Round.objects.none(), required=False, empty_label=_("All rounds")
    )
    state = forms.ChoiceField(label=_("State"), required=False)
    district = AreaChoiceField(
        label=_("Former district"),
        queryset=FormerDistrict.objects.none(),
        required=False,
        empty_label=_("All former districts"),
    )
    commune = AreaChoiceField(
        label=_("Commune / ward"),
        queryset=Commune.objects.none(),
        required=False,
        empty_label=_("All communes"),
    )
    criteria_set = forms.TypedChoiceField(
        label=_("Criteria set"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *DossierKind.choices]
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
