"""Forms of the dossier's moves: filing, submitting, the local review's return, accept, reject
and forward (the rounds', corrections' and lists' forms are in dossiers/forms.py)."""

from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from dossiers.forms import BareForm, textarea
from dossiers.models import DossierKind, Round
from ocop_portal.text import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH
from once.forms import OneTimeTokenMixin

from .transitions import LOCAL_ASSESSMENT_AREAS

# ---- Dossiers ------------------------------------------------------------------------------


class RoundChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, round_):
        return _("%(name)s (submit by %(cutoff)s)") % {
            "name": round_.name,
            "cutoff": round_.local_cutoff_on.strftime("%d/%m/%Y"),
        }


class DossierCreateForm(BareForm, OneTimeTokenMixin, forms.Form):
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


class CommentForm(BareForm, forms.Form):
    """Resubmit, forward, withdraw: an optional note kept in the audit trail."""

    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(2),
    )


class ResubmitForm(CommentForm):
    comment = forms.CharField(
        label=_("What was corrected (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(2),
    )


class ForwardForm(CommentForm):
    comment = forms.CharField(
        label=_("Note to the province (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(2),
    )


class WithdrawForm(CommentForm):
    comment = forms.CharField(
        label=_("Why the dossier is withdrawn (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(2),
    )


class RejectForm(BareForm, forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(3),
        help_text=_("The producer receives it by email and sees it on the dossier."),
    )


class AcceptForm(BareForm, forms.Form):
    """Form 03 (Mẫu số 03): the commune's assessment of four content areas, Art. 7.2."""

    raw_materials = forms.CharField(
        label=_("Origin of the product and local raw materials"),
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=textarea(),
    )
    local_labour = forms.CharField(
        label=_("Use of local labour"), max_length=LONG_TEXT_MAX_LENGTH, widget=textarea()
    )
    idea_origin = forms.CharField(
        label=_("Origin of the product idea"), max_length=LONG_TEXT_MAX_LENGTH, widget=textarea()
    )
    local_identity = forms.CharField(
        label=_("Local identity and wisdom"),
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=textarea(),
        help_text=_(
            "Culture, indigenous knowledge of varieties, materials and conditions, community "
            "production experience, characteristic production methods."
        ),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(2),
    )

    def assessment(self) -> dict[str, str]:
        return {area: self.cleaned_data[area] for area in LOCAL_ASSESSMENT_AREAS}


class ReturnForm(BareForm, forms.Form):
    """The itemised request for correction: the officer ticks the deficient items of the dossier
    and criteria of its set, with a note on each; the producer answers each note.

    A note alone also counts as ticked: what the officer wrote is never dropped.
    """

    comment = forms.CharField(
        label=_("General comment (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(2),
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
                widget=textarea(2),
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
