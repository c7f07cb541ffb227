from django.contrib import admin

from privacy.access import log_sensitive_view
from privacy.register import SENSITIVE_PRODUCER_FIELDS

from .models import Invitation, Membership, Producer
from .permissions import can_view_sensitive_personal_data


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "tax_code", "commune", "representative_name"]
    list_filter = ["kind", "commune__province"]
    list_select_related = ["commune", "commune__province"]
    search_fields = ["name", "name_folded", "tax_code", "representative_name"]
    autocomplete_fields = ["commune"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [MembershipInline]

    def get_exclude(self, request, obj=None):
        """Sensitive fields only for those whose task needs them (producers.permissions)."""
        excluded = list(super().get_exclude(request, obj) or [])
        if obj is not None and not can_view_sensitive_personal_data(request.user, obj):
            excluded += SENSITIVE_PRODUCER_FIELDS
        return excluded

    def change_view(self, request, object_id, form_url="", extra_context=None):
        producer = self.get_object(request, object_id)
        if producer is not None and can_view_sensitive_personal_data(request.user, producer):
            log_sensitive_view(request.user, producer, place="admin")
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "producer", "created_at", "accepted_at"]
    list_select_related = ["producer"]
    search_fields = ["email", "producer__name"]
    readonly_fields = ["token", "invited_by", "accepted_by", "created_at", "accepted_at"]
