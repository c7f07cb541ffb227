"""The catalogue's search and filter bar, and the certificate lookup. Both read GET parameters,
so every result page has a URL that can be shared."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from criteria.scoring import list_criteria_sets
from ocop_portal.text import fold
from products.validators import PHOTO_ACCEPT, validate_photo
from regions.collation import vietnamese_order
from regions.forms import commune_filter, former_district_filter
from regions.models import Commune, FormerDistrict, Province

from .models import WhereSeen

CURRENT_DECISION = "26/2026"  # the set names and sectors the filters offer


class Sort:
    RELEVANCE = ""
    NAME = "name"
    STARS = "stars"
    NEWEST = "newest"
    CHOICES = [
        (RELEVANCE, _("Best match")),
        (NAME, _("Name")),
        (STARS, _("Most stars")),
        (NEWEST, _("Newest recognition")),
    ]
    ORDER = {
        NAME: ("product__name_folded", "pk"),
        STARS: ("-stars", "product__name_folded", "pk"),
        NEWEST: ("-decision_date", "-pk"),
    }


def _sectors() -> dict[str, tuple[str, list[int]]]:
    """slug -> (sector name, its criteria set numbers), in the law's order (App. I)."""
    sectors: dict[str, tuple[str, list[int]]] = {}
    for info in list_criteria_sets(CURRENT_DECISION):
        sectors.setdefault(slugify(fold(info.sector)), (info.sector, []))[1].append(info.number)
    return sectors


AREAS_CACHE_SECONDS = 600


def _listed_areas(current=None) -> tuple[list[int], list[int]]:
    """Former districts and communes of the province that have listed products.

    Joining every current certificate to its commune costs more than the rest of the page at
    national scale, and the answer changes only when a recognition is decided: it is cached for
    a few minutes (a new area appears in the filter at most that late; its products are listed
    at once).
    """
    province = settings.OCOP_PROVINCE_CODE

    def compute():
        listed = current if current is not None else Certificate.objects.current()
        # The certified copy's areas (issue 18): where the product was when it was recognised.
        rows = (
            listed.filter(province_code=province)
            .order_by()
            .values_list("commune_code", "former_district_code")
            .distinct()
        )
        communes = sorted({code for code, _district in rows if code})
        district_codes = {district for _code, district in rows if district}
        districts = sorted(
            FormerDistrict.objects.filter(code__in=district_codes).values_list("pk", flat=True)
        )
        return districts, communes

    return cache.get_or_set(f"catalogue:areas:{province}", compute, AREAS_CACHE_SECONDS)


def _select(field: forms.Field) -> forms.Field:
    field.widget.attrs["class"] = "form-select"
    return field


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    stars = forms.TypedChoiceField(
        label=_("Stars"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("All stars")), (3, "3★"), (4, "4★"), (5, "5★")],
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    criteria_set = forms.TypedChoiceField(
        label=_("Criteria set"), required=False, coerce=int, empty_value=None
    )
    district = former_district_filter()
    commune = commune_filter()
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=Sort.CHOICES)

    def __init__(self, *args, current=None, **kwargs):
        """``current``: the certificates listed; only areas that have some are offered."""
        super().__init__(*args, **kwargs)
        self.sectors = _sectors()
        self.fields["sector"].choices = [("", _("All sectors"))] + [
            (slug, name) for slug, (name, _numbers) in self.sectors.items()
        ]
        self.fields["criteria_set"].choices = [("", _("All criteria sets"))] + [
            (info.number, f"{info.number}. {info.name}")
            for info in list_criteria_sets(CURRENT_DECISION)
        ]
        district_ids, commune_ids = _listed_areas(current)
        self.fields["district"].queryset = FormerDistrict.objects.filter(pk__in=district_ids)
        communes = Commune.objects.filter(pk__in=commune_ids)
        district = self.data.get("district", "")
        if district.isdigit():  # a chosen former district narrows the communes offered
            communes = communes.filter(former_district_id=int(district))
        self.fields["commune"].queryset = communes
        self.fields["q"].widget.attrs.update(
            {"class": "form-control", "type": "search", "placeholder": _("e.g. mat ong")}
        )
        for name in ("stars", "sector", "criteria_set", "district", "commune", "sort"):
            _select(self.fields[name])

    def filter(self, certificates):
        """Apply the valid filters to ``certificates``; an invalid one is ignored, not an error."""
        self.is_valid()
        data = self.cleaned_data
        certificates = certificates.search(data.get("q"))
        if data.get("stars"):
            certificates = certificates.filter(stars=data["stars"])
        if data.get("sector"):
            certificates = certificates.filter(criteria_set__in=self.sectors[data["sector"]][1])
        if data.get("criteria_set"):
            certificates = certificates.filter(criteria_set=data["criteria_set"])
        if data.get("district"):
            certificates = certificates.filter(former_district_code=data["district"].code)
        if data.get("commune"):
            certificates = certificates.filter(commune_code=data["commune"].code)
        sort = data.get("sort") or Sort.RELEVANCE
        if sort == Sort.RELEVANCE and data.get("q"):
            return certificates.order_by(*Sort.ORDER[Sort.NAME]).by_relevance(data["q"])
        return certificates.order_by(*Sort.ORDER.get(sort, Sort.ORDER[Sort.NAME]))


class VerifyForm(forms.Form):
    number = forms.CharField(
        label=_("Certificate number"),
        max_length=40,
        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": "OCOP-33-2026-0001"}),
    )

    def clean_number(self) -> str:
        return normalise_number(self.cleaned_data["number"])


def normalise_number(number: str) -> str:
    """What people type or a scanner reads → the stored form: " ocop-33-2026-0001 " → upper."""
    return "".join(number.split()).upper()


class LabelReportForm(forms.Form):
    """The public's report of a suspicious OCOP label. Reached from a certificate's page (the
    province is the certificate's) or from a number that was not found (the reporter chooses)."""

    certificate = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    certificate_number = forms.CharField(
        label=_("Certificate number or OCOP code on the label (if any)"),
        max_length=40,
        required=False,
    )
    province = forms.ModelChoiceField(
        label=_("Province where you saw it"),
        queryset=Province.objects.order_by(vietnamese_order("name")),
        required=False,
        help_text=_("The OCOP office of this province receives your report."),
    )
    product_name = forms.CharField(label=_("Product name on the label"), max_length=200)
    where_seen = forms.ChoiceField(label=_("Where did you see it?"), choices=WhereSeen.choices)
    place = forms.CharField(
        label=_("Shop or market address, or web address"),
        max_length=300,
    )
    details = forms.CharField(
        label=_("What looks wrong?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photo = forms.FileField(
        label=_("Photo of the label (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
    )
    contact = forms.CharField(
        label=_("Your phone or email (optional)"),
        max_length=200,
        required=False,
        help_text=_("Only if you agree to be contacted about your report."),
    )
    # A field people never see: a bot filling every field gives itself away.
    # Hidden with display: none, so screen readers skip it as well.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, certificate=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_type = ""
        if certificate is not None:
            # The certificate says which product and province: nothing to choose.
            self.fields["certificate"].initial = certificate.number
            del self.fields["certificate_number"]
            del self.fields["province"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            *[name for name in self.fields if name != "homepage"],
            Field("homepage", wrapper_class="d-none"),
        )

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            self.photo_type = validate_photo(photo)
        return photo

    def clean(self):
        cleaned = super().clean()
        number = normalise_number(cleaned.get("certificate") or "")
        certificate = (
            Certificate.objects.select_related("product__producer__commune")
            .filter(number=number)
            .first()
            if number
            else None
        )
        cleaned["certificate"] = certificate
        if certificate is not None:
            cleaned["province"] = certificate.product.producer.commune.province
            cleaned["certificate_number"] = certificate.number
        elif not cleaned.get("province"):
            self.add_error("province", _("Choose the province where you saw the product."))
        return cleaned
