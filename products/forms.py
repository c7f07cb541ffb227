from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from criteria import scoring
from once.forms import OneTimeTokenMixin
from producers.signals import edit_form_built

from .models import REVIEWED_FIELDS, EvidenceDocument, EvidenceKind, Product
from .validators import DOCUMENT_ACCEPT, PHOTO_ACCEPT, validate_document, validate_photo

CURRENT_DECISION = Product._meta.get_field("criteria_decision").default
# Kinds whose papers are dated by the law that requires them (Form 02's evidence list).
NEEDS_ISSUE_DATE = {EvidenceKind.TEST_REPORT}
NEEDS_EXPIRY_DATE = {EvidenceKind.CERTIFICATION, EvidenceKind.FOOD_SAFETY}


def _bare_helper(layout: Layout | None = None) -> FormHelper:
    """crispy renders fields only: includes/_form.html owns the <form> tag and CSRF token."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout is not None:
        helper.layout = layout
    return helper


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CriteriaSetSelect(forms.Select):
    """Each set's option carries its sector and group, which portal.js uses to narrow the list
    as the producer picks a sector, then a group. Without JavaScript the sets are grouped."""

    def __init__(self, *args, sets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sets = {str(info.number): info for info in sets}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        info = self.sets.get(str(value))
        if info is not None:
            option["attrs"].update({"data-sector": info.sector, "data-group": info.group})
        return option


def _unique(values):
    return list(dict.fromkeys(values))


class ProductForm(OneTimeTokenMixin, forms.ModelForm):
    """A product's registration data. Only the name and the criteria set are needed to save a
    draft; the rest can be filled in over several visits."""

    sector = forms.ChoiceField(label=_("Sector"), required=False)
    group = forms.ChoiceField(label=_("Group"), required=False)
    criteria_set = forms.TypedChoiceField(
        label=_("Criteria set"),
        coerce=int,
        help_text=_(
            "The sheet the council scores the product on (Decision 26/2026, Appendix I). "
            "Changing it empties the self-assessment."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Product
        fields = [*REVIEWED_FIELDS, "product_code"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "raw_material_origin": forms.Textarea(attrs={"rows": 3}),
            "label_info": forms.Textarea(attrs={"rows": 3}),
            "ingredients": forms.Textarea(attrs={"rows": 3}),
            "usage_instructions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "product_code": _(
                "Only if the product was already recognised: the code on its certificate."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decision = self.instance.criteria_decision if self.instance.pk else CURRENT_DECISION
        sets = scoring.list_criteria_sets(decision)
        self.fields["criteria_set"].widget = CriteriaSetSelect(
            sets=sets, attrs={"data-criteria-set": ""}
        )
        self.fields["criteria_set"].choices = [
            ("", _("Choose a criteria set")),
            *self._grouped(sets),
        ]
        blank = [("", _("All"))]
        self.fields["sector"].choices = blank + [(s, s) for s in _unique(i.sector for i in sets)]
        self.fields["group"].choices = blank + [(g, g) for g in _unique(i.group for i in sets)]
        self.fields["sector"].widget.attrs["data-criteria-sector"] = ""
        self.fields["group"].widget.attrs["data-criteria-group"] = ""
        self.fields["in_province_material_share"].widget.attrs.update({"min": 0, "max": 100})
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            current = next((i for i in sets if i.number == self.instance.criteria_set), None)
            if current is not None:
                self.fields["sector"].initial = current.sector
                self.fields["group"].initial = current.group
            self._disable_certified()
        self.helper = _bare_helper(
            Layout(
                Fieldset(
                    _("Product"),
                    "name",
                    Field("sector", wrapper_class="js-only"),
                    Field("group", wrapper_class="js-only"),
                    "criteria_set",
                    "description",
                ),
                Fieldset(
                    _("Raw materials and production"),
                    "raw_material_origin",
                    "in_province_material_share",
                    "capacity",
                    "ingredients",
                ),
                Fieldset(_("Packaging and use"), "packaging", "label_info", "usage_instructions"),
                Fieldset(_("Recognition"), "product_code"),
                "version",
                "client_token",
            )
        )

    def _disable_certified(self):
        """Fields a current certificate prints are shown read-only (issue 18)."""
        edit_form_built.send(sender=Product, form=self, instance=self.instance)
        if self.fields["criteria_set"].disabled:  # sector and group only narrow the set's list
            for name in ("sector", "group"):
                self.fields[name].disabled = True
                self.fields[name].help_text = self.fields["criteria_set"].help_text

    @staticmethod
    def _grouped(sets):
        groups: dict[str, list] = {}
        for info in sets:
            label = f"{info.sector} / {info.group}" if info.sector != info.group else info.sector
            groups.setdefault(label, []).append((info.number, f"{info.number}. {info.name}"))
        return list(groups.items())

    def clean_product_code(self):
        return " ".join(self.cleaned_data["product_code"].split()).upper()

    def product_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class PhotoForm(OneTimeTokenMixin):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP, up to 5 MB and 8000 x 8000 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _bare_helper()

    def clean_image(self):
        image = self.cleaned_data["image"]
        validate_photo(image)
        return image


class DocumentForm(OneTimeTokenMixin, forms.ModelForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A PDF, or a photo or scan of the paper (JPEG, PNG or WebP), up to 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )

    class Meta:
        model = EvidenceDocument
        fields = ["kind", "title", "issued_on", "expires_on"]
        widgets = {"issued_on": _date_input(), "expires_on": _date_input()}
        help_texts = {
            "title": _("E.g. “Test report of 12/03/2026”. Leave empty to use the kind."),
            "issued_on": _("Required for test reports."),
            "expires_on": _("Required for certifications and food-safety certificates."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.helper = _bare_helper(
            Layout("kind", "file", "title", "issued_on", "expires_on", "client_token")
        )

    def clean_file(self):
        file = self.cleaned_data["file"]
        validate_document(file)
        return file

    def clean(self):
        cleaned = super().clean()
        kind, issued, expires = (cleaned.get(k) for k in ("kind", "issued_on", "expires_on"))
        if kind in NEEDS_ISSUE_DATE and not issued and "issued_on" not in self.errors:
            self.add_error("issued_on", _("Enter the date of the test report."))
        if kind in NEEDS_EXPIRY_DATE and not expires and "expires_on" not in self.errors:
            self.add_error("expires_on", _("Enter the expiry date written on the certificate."))
        if issued and issued > timezone.localdate():
            self.add_error("issued_on", _("The issue date cannot be in the future."))
        return cleaned

    def document_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("kind", "title", "issued_on", "expires_on", "file", "client_token")
        }


class SelfAssessmentForm(forms.Form):
    """The sheet's answers as posted: ``c-<criterion code>`` → index of the option ticked.

    Only the criteria present in the request change, so one criterion can be saved at a time."""

    def __init__(self, *args, criteria_set: scoring.CriteriaSet, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria_set.leaf_criteria():
            choices = [(str(i), option.label) for i, option in enumerate(criterion.options)]
            self.fields[f"c-{criterion.code}"] = forms.ChoiceField(
                label=criterion.title, choices=choices, required=False
            )

    def changes(self) -> dict[str, str]:
        return {
            name[2:]: self.cleaned_data[name]
            for name in self.fields
            if name in self.data and self.cleaned_data.get(name) not in (None, "")
        }
