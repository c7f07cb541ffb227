"""The approval screens: council results in the Django admin, for provincial approvers.

Every action goes through evaluations.transitions, so each approval, notice, nomination or send-back
is locked, permission-checked and audited exactly as anywhere else. The columns are in
result_columns, the bulk actions in result_actions, the approval screen in approval_admin.
"""

import functools

from django.contrib import admin
from django.urls import path

from councils import permissions
from councils.admin_filters import (
    CriteriaSetFilter,
    DossierStateFilter,
    FormerDistrictFilter,
    RoundFilter,
    StarsFilter,
)
from councils.models import CouncilResult

from .approval_admin import approval_start, approval_view
from .result_actions import ResultActions
from .result_columns import ResultChangeList, ResultColumns


@admin.register(CouncilResult)
class CouncilResultAdmin(ResultColumns, ResultActions, admin.ModelAdmin):
    list_display = [
        "product",
        "producer",
        "area",
        "round",
        "criteria_set",
        "average",
        "stars_display",
        "missing_minima_display",
        "spread_display",
        "state",
        "decision_number",
    ]
    list_filter = [
        DossierStateFilter,
        RoundFilter,
        StarsFilter,
        CriteriaSetFilter,
        FormerDistrictFilter,
        "spread_exceeded",
    ]
    search_fields = [
        "dossier__product__name",
        "dossier__product__name_folded",
        "dossier__product__producer__name",
        "dossier__product__producer__name_folded",
        "decision_number",
    ]
    list_select_related = [
        "dossier__round",
        "dossier__product__producer__commune__former_district",
    ]
    list_per_page = 50
    # The unfiltered total is one more count over the province's results on every page view;
    # the filtered count beside the pages is enough.
    show_full_result_count = False
    ordering = ["-closed_at", "-pk"]
    actions = ["approve_results", "send_back_results", "nominate_results", "record_ministry"]

    def get_urls(self):
        # Before the admin's own "<path:object_id>/" patterns, which would take these.
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/approval/",
                wrap(functools.partial(approval_view, self)),
                name="evaluations_councilresult_approval",
            ),
            path(
                "approval/",
                wrap(functools.partial(approval_start, self)),
                name="evaluations_councilresult_approval_start",
            ),
            *super().get_urls(),
        ]

    fields = [
        "product",
        "producer",
        "area",
        "round",
        "criteria_set",
        "average",
        "stars",
        "band_stars",
        "unmet_minima",
        "missing_minima_detail",
        "spread",
        "spread_exceeded",
        "member_sheets",
        "excluded_members",
        "stopped_by_display",
        "closed_by",
        "closed_at",
        "state",
        "decision_number",
        "decision_date",
        "ministry_decision_number",
        "ministry_stars",
        "history",
    ]
    readonly_fields = fields

    class Media:
        css = {"all": ["css/admin.css"]}

    # ---- who may see and act ------------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ResultChangeList

    def get_queryset(self, request):
        return permissions.results_of(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return permissions.can_read_results(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.can_read_results(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_approve_permission(self, request):
        return permissions.can_decide_results(request.user)

    def get_list_display(self, request):
        # Only the approver may open the approval screen (the others would get a 404).
        if permissions.can_decide_results(request.user):
            return [*self.list_display, "approval_link"]
        return self.list_display

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions if self.has_approve_permission(request) else {}
