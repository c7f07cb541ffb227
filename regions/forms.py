"""The area filters of every list that narrows its rows to a former district or a commune
(the public catalogue, the officers' queue and the province's list of dossiers)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop_portal.widgets import QuickSelect

from .models import Commune, FormerDistrict


class NamedChoices(forms.models.ModelChoiceIterator):
    """Each option as (pk, name), read in one plain query. Django's iterator builds a model
    instance per option and reads them through a server-side cursor on PostgreSQL (three round
    trips): a province's hundred communes were a fifth of the filter bar's cost."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "name")


class AreaChoiceField(forms.ModelChoiceField):
    """Offered by name alone: str(commune) would add the province, a query per option."""

    widget = QuickSelect  # a province's communes: some hundred options
    iterator = NamedChoices


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
