"""The catalogue's search and filter bar, and the certificate lookup. Both read GET parameters,
so every result page has a URL that can be shared."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from evaluations.models import Certificate
from evaluations.scoring import list_criteria_sets
from ocop_portal.text import fold
from regions.models import Commune, FormerDistrict

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
        rows = (
            Commune.objects.filter(
                province_id=province, producers__products__certificates__in=listed
            )
            .values_list("pk", "former_district_id")
            .distinct()
        )
        communes = sorted({pk for pk, _district in rows})
        districts = sorted({district for _pk, district in rows if district})
        return districts, communes

    return cache.get_or_set(f"catalogue:areas:{province}", compute, AREAS_CACHE_SECONDS)


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # str(commune) would add the province: a query per option


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
            certificates = certificates.filter(
                product__criteria_set__in=self.sectors[data["sector"]][1]
            )
        if data.get("criteria_set"):
            certificates = certificates.filter(product__criteria_set=data["criteria_set"])
        if data.get("district"):
            certificates = certificates.filter(
                product__producer__commune__former_district=data["district"]
            )
        if data.get("commune"):
            certificates = certificates.filter(product__producer__commune=data["commune"])
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
