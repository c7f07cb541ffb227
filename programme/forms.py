from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from criteria.scoring import ScoringError, list_criteria_sets
from ocop_portal.text import NOTE_MAX_LENGTH
from once.forms import OneTimeTokenMixin
from producers.models import Producer
from products.models import Product
from regions.collation import vietnamese_order
from regions.models import Commune, FormerDistrict

from .areas import COMMUNE, FORMER_DISTRICT, Area
from .models import (
    IdeaAdvice,
    Metric,
    ProductIdea,
    SalesPoint,
    SupportRecord,
    TradeEvent,
)
from .money import VNDField

CURRENT_DECISION = "26/2026"
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _bare_helper(layout: Layout | None = None) -> FormHelper:
    """crispy renders fields only: includes/_form.html owns the <form> tag and CSRF token."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout is not None:
        helper.layout = layout
    return helper


def criteria_set_choices() -> list[tuple[int | str, str]]:
    try:
        sets = list_criteria_sets(CURRENT_DECISION)
    except ScoringError:
        sets = []
    return [("", _("Not chosen yet"))] + [(s.number, f"{s.number}. {s.name}") for s in sets]


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # str(commune) would add the province: a query per option


# Plan targets ---------------------------------------------------------------------------


class TargetsForm(forms.Form):
    """The five targets of one area and year; an empty box means no target."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. the provincial plan's decision number, or why a target is revised."),
    )

    def __init__(self, *args, current: dict[str, int | None], **kwargs):
        super().__init__(*args, **kwargs)
        for metric in Metric:
            self.fields[metric.value] = forms.IntegerField(
                label=metric.label,
                required=False,
                min_value=0,
                max_value=100_000,
                initial=current.get(metric),
            )
        self.order_fields([*Metric.values, "reason"])
        self.helper = _bare_helper()

    def target_values(self) -> dict[str, int | None]:
        return {metric: self.cleaned_data.get(metric.value) for metric in Metric}


def area_choices(province: Area) -> list:
    """The province, its former districts and its communes, grouped, as area-key choices."""
    districts = FormerDistrict.objects.filter(province_id=province.pk).order_by(
        vietnamese_order("name")
    )
    communes = Commune.objects.in_province(province.pk).order_by(vietnamese_order("name"))
    return [
        (str(_("Province")), [(province.key, province.name)]),
        (str(_("Former districts")), [(f"{FORMER_DISTRICT}-{d.pk}", d.name) for d in districts]),
        (str(_("Communes")), [(f"{COMMUNE}-{c.pk}", c.name) for c in communes]),
    ]


class AreaPickForm(forms.Form):
    """Pick the area whose targets to set (a GET form on the progress page)."""

    area = forms.ChoiceField(label=_("Area"))

    def __init__(self, *args, province: Area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = area_choices(province)
        self.fields["area"].widget.attrs["class"] = "form-select"


# Product ideas ---------------------------------------------------------------------------


class ProductIdeaForm(OneTimeTokenMixin, forms.ModelForm):
    """The idea and its business plan; an officer also picks the producer when registering."""

    producer = NameChoiceField(label=_("Producer"), queryset=Producer.objects.none())
    criteria_set = forms.TypedChoiceField(
        label=_("Proposed criteria set"), required=False, coerce=int, empty_value=None
    )
    plan_investment_vnd = VNDField(label=_("Investment needed (VND)"), required=False)
    plan_revenue_vnd = VNDField(label=_("Expected yearly revenue (VND)"), required=False)

    class Meta:
        model = ProductIdea
        fields = [
            "name",
            "description",
            "criteria_set",
            "raw_material_origin",
            "in_province_material_share",
            "plan_market",
            "plan_production",
            "capacity",
            "packaging",
            "plan_investment_vnd",
            "plan_revenue_vnd",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "raw_material_origin": forms.Textarea(attrs={"rows": 2}),
            "plan_market": forms.Textarea(attrs={"rows": 3}),
            "plan_production": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, producers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria_set"].choices = criteria_set_choices()
        idea_fields = ["name", "description", "criteria_set", "raw_material_origin"]
        if producers is None:
            del self.fields["producer"]
        else:
            self.fields["producer"].queryset = producers
            idea_fields.insert(0, "producer")
        self.helper = _bare_helper(
            Layout(
                Fieldset(_("The idea"), *idea_fields, "in_province_material_share"),
                Fieldset(
                    _("Business plan"),
                    "plan_market",
                    "plan_production",
                    "capacity",
                    "packaging",
                    "plan_investment_vnd",
                    "plan_revenue_vnd",
                ),
                "client_token",
            )
        )

    def idea_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AdviceForm(forms.ModelForm):
    class Meta:
        model = IdeaAdvice
        fields = ["kind", "given_on", "text"]
        widgets = {"given_on": DATE_INPUT, "text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_on"].initial = timezone.localdate
        self.helper = _bare_helper()


class AdvanceForm(forms.Form):
    stage = forms.CharField(max_length=30, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _bare_helper()


# Support records -------------------------------------------------------------------------


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} — {obj.producer.name}"


class SupportRecordForm(forms.ModelForm):
    producer = NameChoiceField(label=_("Producer"), queryset=Producer.objects.none())
    product = ProductChoiceField(
        label=_("Product"),
        queryset=Product.objects.none(),
        required=False,
        help_text=_("Leave empty when the support is for the producer as a whole."),
    )
    amount_vnd = VNDField(label=_("Amount (VND)"))

    class Meta:
        model = SupportRecord
        fields = ["producer", "product", "kind", "source", "amount_vnd", "given_on", "note"]
        widgets = {"given_on": DATE_INPUT, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, producers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = producers
        self.fields["product"].queryset = (
            Product.objects.filter(producer__in=producers)
            .select_related("producer")
            .order_by(vietnamese_order("producer__name"), vietnamese_order("name"))
        )
        self.fields["given_on"].initial = timezone.localdate
        self.helper = _bare_helper()

    def clean(self):
        data = super().clean()
        product, producer = data.get("product"), data.get("producer")
        if product and producer and product.producer_id != producer.pk:
            self.add_error("product", _("Choose a product of this producer."))
        return data

    def support_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


# Sales points and events ----------------------------------------------------------------


class SalesPointForm(forms.ModelForm):
    url = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For an online shop: the link to the product's page."),
    )

    class Meta:
        model = SalesPoint
        fields = ["kind", "name", "address", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _bare_helper()

    def point_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TradeEventForm(forms.ModelForm):
    class Meta:
        model = TradeEvent
        fields = [
            "kind",
            "name",
            "starts_on",
            "ends_on",
            "place",
            "organiser",
            "description",
            "public",
        ]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _bare_helper()

    def event_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EventProductForm(forms.Form):
    """Add a recognised product of the province to an event."""

    product = ProductChoiceField(label=_("Product"), queryset=Product.objects.none())
    booth = forms.CharField(label=_("Booth"), max_length=50, required=False)

    def __init__(self, *args, province_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        current = Certificate.objects.current().filter(
            product__producer__commune__province_id=province_id
        )
        self.fields["product"].queryset = (
            Product.objects.filter(pk__in=current.values("product_id"))
            .select_related("producer")
            .order_by(vietnamese_order("name"))
        )
        self.fields["product"].widget.attrs["class"] = "form-select"


class AreaCatalogueForm(forms.Form):
    """Choose the area of a printable catalogue: a former district or a commune (GET)."""

    former_district = NameChoiceField(
        label=_("Former district"), queryset=FormerDistrict.objects.none(), required=False
    )
    commune = NameChoiceField(label=_("Commune"), queryset=Commune.objects.none(), required=False)

    def __init__(self, *args, province_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.province_id = province_id
        self.fields["former_district"].queryset = FormerDistrict.objects.filter(
            province_id=province_id
        ).order_by(vietnamese_order("name"))
        self.fields["commune"].queryset = Commune.objects.in_province(province_id).order_by(
            "name_folded"
        )
        for name in self.fields:
            self.fields[name].widget.attrs["class"] = "form-select"

    def area(self, province) -> Area | None:
        """The commune if one is chosen, else the former district, else the whole province."""
        if not self.is_valid():
            return None
        chosen = self.cleaned_data["commune"] or self.cleaned_data["former_district"]
        return Area.of(chosen or province)
