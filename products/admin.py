"""Provincial staff look at products here; uploads go through the producer's pages, where files
are checked, re-encoded and stored under generated names, so files are read-only in the admin."""

from django.contrib import admin

from .models import EvidenceDocument, Product, ProductPhoto, SelfAssessment


class PhotoInline(admin.TabularInline):
    model = ProductPhoto
    extra = 0
    can_delete = False
    fields = ["image", "caption", "position", "is_cover"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class DocumentInline(admin.TabularInline):
    model = EvidenceDocument
    extra = 0
    can_delete = False
    fields = ["kind", "title", "content_type", "size", "issued_on", "expires_on"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "producer", "criteria_decision", "criteria_set", "product_code"]
    list_filter = ["criteria_decision", "criteria_set"]
    list_select_related = ["producer"]
    search_fields = ["name", "name_folded", "product_code", "producer__name"]
    autocomplete_fields = ["producer"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [PhotoInline, DocumentInline]


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin):
    list_display = ["product", "criteria_decision", "criteria_set", "updated_at"]
    list_select_related = ["product"]
    readonly_fields = ["product", "criteria_decision", "criteria_set", "points_by_code"]
    exclude = ["options_by_code"]
