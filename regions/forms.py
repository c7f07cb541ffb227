"""The area filters of every list that narrows its rows to a former district or a commune
(the public catalogue, the officers' queue and the province's list of dossiers)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop_portal.widgets import QuickSelect

from .models import Commune, FormerDistrict


class AreaChoiceField(forms.ModelChoiceField):
    widget = QuickSelect  # a province's communes: some hundred options

    def label_from_instance(self, obj):
        return obj.name  # str(commune) would add the province: a query per option


def former_district_filter() -> AreaChoiceField:
    """An optional former district; the form offers its own areas in ``__init__``."""
    return AreaChoiceField(
        label=_("Former district"),
        queryset=FormerDistrict.objects.none(),
        required=False,
        empty_label=_("All former districts"),
    )


def commune_filter() -> AreaChoiceField:
    """An optional commune or ward; the form offers its own areas in ``__init__``."""
    return AreaChoiceField(
        label=_("Commune / ward"),
        queryset=Commune.objects.none(),
        required=False,
        empty_label=_("All communes"),
    )
