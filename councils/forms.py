"""Forms of the council pages: forming a council, assigning dossiers, a member's sheet."""

import re
from decimal import Decimal
from fractions import Fraction

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from councils.models import Council
from dossiers.models import Dossier, DossierState, Round
from once.forms import OneTimeTokenMixin
from regions.collation import vietnamese_order


def _bare_helper() -> FormHelper:
    """crispy-forms lays the fields out; the template owns the <form> tag and its button."""
    helper = FormHelper()
    helper.form_tag = False
    return helper


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.full_name} — {user.organisation}" if user.organisation else user.full_name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, user):
        return f"{user.full_name} — {user.organisation}" if user.organisation else user.full_name


class QuorumField(forms.CharField):
    """A quorum written as the Quy chế writes it: a fraction "2/3", or "1" for all members."""

    def clean(self, value):
        value = super().clean(value).strip()
        match = re.fullmatch(r"(\d{1,3})\s*/\s*(\d{1,3})|(1)", value)
        if match is None or (match[2] is not None and int(match[2]) == 0):
            raise forms.ValidationError(
                _("Write the quorum as a fraction of the scoring members, such as 2/3 or 3/4."),
                code="invalid",
            )
        share = Fraction(int(match[1]), int(match[2])) if match[2] else Fraction(1)
        if not Fraction(1, 2) <= share <= 1:
            raise forms.ValidationError(
                _("The quorum must be between half and all of the scoring members (1/2 to 1)."),
                code="range",
            )
        return share


class CouncilForm(OneTimeTokenMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        initial=_("Council for the evaluation and rating of OCOP products"),
    )
    chair = PersonChoiceField(label=_("Chair"), queryset=User.objects.none())
    secretary = PersonChoiceField(
        label=_("Secretary"), queryset=User.objects.none(), required=False
    )
    members = PeopleChoiceField(label=_("Members"), queryset=User.objects.none(), required=False)
    advisers = PeopleChoiceField(
        label=_("Advisory team"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("They review dossiers and visit sites; they do not score."),
    )
    spread_limit = forms.DecimalField(
        label=_("Spread limit (points)"),
        initial=Decimal(10),
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=2,
        help_text=_(
            "Products whose members' totals differ by more than this are discussed before "
            "scoring is closed."
        ),
    )
    quorum = QuorumField(
        label=_("Quorum (fraction of scoring members)"),
        initial="2/3",
        max_length=9,
        help_text=_(
            "As the province's council regulation (Quy chế) sets it, e.g. 2/3: with 9 scoring "
            "members, 6 must be present. Decision 26/2026 sets no figure."
        ),
    )

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(
            role=Role.COUNCIL_MEMBER, province_id=round.province_id, is_active=True
        ).order_by("full_name")
        for name in ("chair", "secretary", "members", "advisers"):
            self.fields[name].queryset = people
        self.helper = _bare_helper()

    def clean(self):
        cleaned = super().clean()
        seen: set[int] = set()
        for name in ("chair", "secretary", "members", "advisers"):
            value = cleaned.get(name)
            people = list(value) if name in ("members", "advisers") else [value]
            for person in people:
                if person is None:
                    continue
                if person.pk in seen:
                    self.add_error(
                        name,
                        _("%(name)s already has another seat on this council.")
                        % {"name": person.full_name},
                    )
                seen.add(person.pk)
        return cleaned


class DossierChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, dossier):
        producer = dossier.product.producer
        return _("%(product)s — %(producer)s, %(commune)s (criteria set %(number)s)") % {
            "product": dossier.product.name,
            "producer": producer.name,
            "commune": producer.commune.name,
            "number": dossier.product.criteria_set,
        }


class AssignForm(forms.Form):
    dossiers = DossierChoiceField(
        label=_("Dossiers forwarded to the province"),
        queryset=Dossier.objects.none(),
        error_messages={"required": _("Tick at least one dossier.")},
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].queryset = (
            Dossier.objects.filter(round_id=council.round_id, state=DossierState.FORWARDED)
            .for_list()
            .order_by("product__criteria_set", vietnamese_order("product__name"))
        )
        self.helper = _bare_helper()


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("What is the conflict of interest?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_(
            "For example: a relative works for the producer. You will not score this product."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _bare_helper()


FINDING = "finding-"


class SheetAnswersForm(forms.Form):
    """The options a member ticks on their sheet: criterion code → index of the option, and the
    findings on the criteria's notes ("finding-<code>": "on" when recorded). Only the criteria
    posted become fields, so each autosave carries one criterion (or a few)."""

    def __init__(self, *args, criteria_set, **kwargs):
        super().__init__(*args, **kwargs)
        leaves = {c.code: c for c in criteria_set.leaf_criteria()}
        noted = {key[len(FINDING) :] for key in self.data if key.startswith(FINDING)}
        self.unknown = noted - set(leaves)
        self.noted = noted & set(leaves)
        self.criteria = {
            code: c for code, c in leaves.items() if code in self.data or code in self.noted
        }
        for code, criterion in self.criteria.items():
            if code not in self.data:
                continue
            message = _("Choose one of the options listed for criterion %(code)s.") % {"code": code}
            self.fields[code] = forms.TypedChoiceField(
                label=criterion.title,
                choices=[(str(i), option.label) for i, option in enumerate(criterion.options)],
                coerce=int,
                required=False,
                empty_value=None,
                error_messages={"invalid_choice": message},
            )

    def clean(self):
        if not self.criteria or self.unknown:
            raise forms.ValidationError(_("This criterion is not on the sheet. Reload the page."))
        return super().clean()

    def points(self) -> dict:
        return {
            code: None if index is None else self.criteria[code].options[index].points
            for code, index in self.cleaned_data.items()
        }

    def options(self) -> dict[str, int]:
        return {code: index for code, index in self.cleaned_data.items() if index is not None}

    def findings(self) -> dict[str, bool]:
        """Criterion code → whether the member records the finding of its note. A checkbox
        follows a hidden empty field of the same name, so an unticked box still says "no"."""
        values = self.data.getlist if hasattr(self.data, "getlist") else self.data.get

        def listed(key):
            found = values(key)
            return found if isinstance(found, list) else [found]

        return {code: "on" in listed(FINDING + code) for code in sorted(self.noted)}
