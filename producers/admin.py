from django.contrib import admin

from .models import Invitation, Membership, Producer


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "tax_code", "commune", "representative_name"]
    list_filter = ["kind", "representative_gender", "commune__province"]
    list_select_related = ["commune", "commune__province"]
    search_fields = ["name", "name_folded", "tax_code", "representative_name"]
    autocomplete_fields = ["commune"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "producer", "created_at", "accepted_at"]
    list_select_related = ["producer"]
    search_fields = ["email", "producer__name"]
    readonly_fields = ["token", "invited_by", "accepted_by", "created_at", "accepted_at"]
