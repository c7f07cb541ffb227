"""List filters of the approval screens."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from criteria import scoring
from dossiers.models import DossierState, Round
from regions.models import FormerDistrict


class CriteriaSetFilter(admin.SimpleListFilter):
    title = _("criteria set")
    parameter_name = "set"

    def lookups(self, request, model_admin):
        return [
            (info.number, f"{info.number}. {info.name}")
            for info in scoring.list_criteria_sets("26/2026")
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(dossier__product__criteria_set=self.value())
        return queryset


class FormerDistrictFilter(admin.SimpleListFilter):
    title = _("former district")
    parameter_name = "area"

    def lookups(self, request, model_admin):
        districts = FormerDistrict.objects.all()
        if request.user.province_id:
            districts = districts.filter(province_id=request.user.province_id)
        return list(districts.values_list("pk", "name"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                dossier__product__producer__commune__former_district=self.value()
            )
        return queryset


class DossierStateFilter(admin.SimpleListFilter):
    title = _("dossier state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        states = [
            DossierState.SCORED,
            DossierState.NOMINATED,
            DossierState.APPROVED,
            DossierState.NOT_RECOGNISED,
            DossierState.IN_SCORING,
        ]
        return [(s.value, s.label) for s in states]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(dossier__state=self.value())
        return queryset


class RoundFilter(admin.SimpleListFilter):
    """The province's rounds, newest first: read from the rounds table, not by a distinct
    query over every result as the related-only filter would."""

    title = _("round")
    parameter_name = "round"

    def lookups(self, request, model_admin):
        rounds = Round.objects.order_by("-year", "-number", "-pk")
        if request.user.province_id:
            rounds = rounds.filter(province_id=request.user.province_id)
        # str(round) is its name
        return list(rounds.values_list("pk", "name"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(dossier__round_id=self.value())
        return queryset


class StarsFilter(admin.SimpleListFilter):
    title = _("stars")
    parameter_name = "stars"

    def lookups(self, request, model_admin):
        return [(0, _("No rating"))] + [(n, f"{n}★") for n in range(1, 6)]

    def queryset(self, request, queryset):
        # str(): counting the choices ("Show counts") sets the value to each lookup, an int
        value = self.value()
        if value is not None and str(value).isdigit():
            return queryset.filter(stars=int(value))
        return queryset
