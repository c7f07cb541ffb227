from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from .models import ADMIN_ROLES, User


class _RoleStaffMixin:
    """Admin access follows the role, so nobody has to remember to tick "staff status"."""

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role") or getattr(self.instance, "role", None)
        if "is_superuser" not in cleaned or not cleaned.get("is_superuser"):
            self.instance.is_staff = role in ADMIN_ROLES
        return cleaned


class StaffUserCreationForm(_RoleStaffMixin, AdminUserCreationForm):
    class Meta:
        model = User
        fields = [
            "email",
            "full_name",
            "phone",
            "role",
            "organisation",
            "province",
            "jurisdiction_district",
            "jurisdiction_commune",
        ]


class StaffUserChangeForm(_RoleStaffMixin, UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = StaffUserChangeForm
    add_form = StaffUserCreationForm
    ordering = ["full_name"]
    list_display = ["email", "full_name", "role", "jurisdiction_label", "is_active"]
    list_filter = ["role", "is_active", "province"]
    list_select_related = ["province", "jurisdiction_district", "jurisdiction_commune"]
    search_fields = ["email", "full_name", "phone"]
    autocomplete_fields = ["jurisdiction_district", "jurisdiction_commune", "home_commune"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "phone", "organisation", "home_commune"]}),
        (
            _("Role and jurisdiction"),
            {"fields": ["role", "province", "jurisdiction_district", "jurisdiction_commune"]},
        ),
        (_("Access"), {"fields": ["is_active", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "full_name",
                    "phone",
                    "role",
                    "organisation",
                    "province",
                    "jurisdiction_district",
                    "jurisdiction_commune",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        )
    ]

    @admin.display(description=_("jurisdiction"))
    def jurisdiction_label(self, user):
        return user.jurisdiction or "—"
