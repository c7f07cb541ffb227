"""Admin views of the programme's records. Targets and their history are read-only here: they
change only through the portal's target page, which writes a revision for every change."""

from django.conf import settings
from django.contrib import admin

from .models import (
    EventParticipation,
    IdeaAdvice,
    IdeaStageChange,
    PlanTarget,
    ProductIdea,
    SalesPoint,
    SupportRecord,
    TargetRevision,
    TradeEvent,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TargetRevisionInline(admin.TabularInline):
    model = TargetRevision
    extra = 0
    fields = ["changed_at", "changed_by", "previous_value", "value", "reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PlanTarget)
class PlanTargetAdmin(ReadOnlyAdmin):
    list_display = ["year", "area_name", "metric", "value", "updated_at"]
    list_filter = ["year", "metric"]
    list_select_related = ["province", "former_district", "commune"]
    inlines = [TargetRevisionInline]


class IdeaAdviceInline(admin.TabularInline):
    model = IdeaAdvice
    extra = 0
    raw_id_fields = ["officer"]


class IdeaStageChangeInline(admin.TabularInline):
    model = IdeaStageChange
    extra = 0
    fields = ["at", "by", "from_stage", "to_stage", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProductIdea)
class ProductIdeaAdmin(admin.ModelAdmin):
    list_display = ["name", "producer", "stage", "updated_at"]
    list_filter = ["stage"]
    list_select_related = ["producer"]
    search_fields = ["name", "producer__name"]
    raw_id_fields = ["producer", "entered_by"]
    readonly_fields = ["stage", "converted_product"]
    inlines = [IdeaAdviceInline, IdeaStageChangeInline]


@admin.register(SupportRecord)
class SupportRecordAdmin(admin.ModelAdmin):
    list_display = ["given_on", "producer", "kind", "source", "amount_vnd"]
    list_filter = ["kind", "source"]
    list_select_related = ["producer"]
    date_hierarchy = "given_on"
    search_fields = ["producer__name", "note"]
    raw_id_fields = ["producer", "product", "recorded_by"]


@admin.register(SalesPoint)
class SalesPointAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "product"]
    list_filter = ["kind"]
    list_select_related = ["product"]
    raw_id_fields = ["product"]


class EventParticipationInline(admin.TabularInline):
    model = EventParticipation
    extra = 0
    raw_id_fields = ["product"]


@admin.register(TradeEvent)
class TradeEventAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "starts_on", "ends_on", "place", "public"]
    list_filter = ["kind", "public"]
    date_hierarchy = "starts_on"
    search_fields = ["name", "place", "organiser"]
    inlines = [EventParticipationInline]

    def get_queryset(self, request):
        # The same boundary as the pages: a province's staff see their own province's events.
        queryset = super().get_queryset(request)
        if request.user.province_id:
            return queryset.filter(province_id=request.user.province_id)
        return queryset if request.user.is_superuser else queryset.none()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.province_id = request.user.province_id or settings.OCOP_PROVINCE_CODE
        super().save_model(request, obj, form, change)
