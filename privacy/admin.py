from django.contrib import admin

from . import permissions
from .models import ConsentRecord, PersonalDataAccess


class _ReadOnlyForTheOffice(admin.ModelAdmin):
    """Records of what happened: the provincial office and administrators read them; nobody
    adds, edits or deletes them by hand."""

    def has_module_permission(self, request):
        return permissions.can_view_register(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.can_view_register(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(_ReadOnlyForTheOffice):
    list_display = ["at", "viewer_label", "producer_label", "place"]
    list_filter = ["place"]
    search_fields = ["viewer_label", "producer_label"]
    date_hierarchy = "at"

    def get_queryset(self, request):
        """An office reads the views of its own province's producers."""
        rows = super().get_queryset(request)
        user = request.user
        if user.is_superuser or user.is_national_administrator:
            return rows
        return rows.filter(producer__commune__province_id=user.province_id)


@admin.register(ConsentRecord)
class ConsentRecordAdmin(_ReadOnlyForTheOffice):
    list_display = ["given_at", "user", "version", "language"]
    list_filter = ["version"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__full_name"]
