"""Read-only admin: areas are reference data, changed only by ``manage.py load_regions``."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Commune, FormerDistrict, Province


class ReadOnlyAdmin(admin.ModelAdmin):
    search_fields = ["name", "name_folded", "=code"]
    list_per_page = 100
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "kind", "commune_count"]
    list_filter = ["kind"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(commune_count=Count("communes"))

    @admin.display(description=_("communes"), ordering="commune_count")
    def commune_count(self, obj):
        return obj.commune_count


@admin.register(FormerDistrict)
class FormerDistrictAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "kind", "former_province", "province", "commune_count"]
    list_filter = ["kind", "province"]
    list_select_related = ["province"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(commune_count=Count("communes"))

    @admin.display(description=_("communes"), ordering="commune_count")
    def commune_count(self, obj):
        return obj.commune_count


@admin.register(Commune)
class CommuneAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "kind", "former_district", "province"]
    list_filter = ["kind", "province"]
    list_select_related = ["province", "former_district"]
