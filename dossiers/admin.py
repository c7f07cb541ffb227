"""Rounds in the Django admin, for the provincial office: the state is read-only and moves only
through the actions, which call ``dossiers.rounds`` like the portal's own pages do."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from dossiers import rounds
from dossiers.models import Round, RoundState
from dossiers.permissions import can_use_round_admin, rounds_managed_by


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "year",
        "number",
        "state",
        "opens_on",
        "local_cutoff_on",
        "council_meeting_on",
        "closes_on",
    ]
    list_filter = ["state", "year"]
    search_fields = ["name"]
    ordering = ["-year", "-number"]
    readonly_fields = ["state"]
    actions = ["open_rounds", "hand_to_council", "close_rounds"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("province")
        return queryset & rounds_managed_by(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "province" and request.user.province_id:
            from regions.models import Province

            kwargs["queryset"] = Province.objects.filter(pk=request.user.province_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return can_use_round_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return can_use_round_admin(request.user)

    def has_add_permission(self, request):
        return can_use_round_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return can_use_round_admin(request.user) and (obj is None or obj.state != RoundState.CLOSED)

    def has_delete_permission(self, request, obj=None):
        # A round with dossiers is protected by the database; an empty planned one may go.
        planned = obj is None or obj.state == RoundState.PLANNED
        return can_use_round_admin(request.user) and planned

    def _move(self, request, queryset, move):
        done = 0
        for round_ in queryset:
            try:
                rounds.move_round(round_, by=request.user, move=move)
            except (ValidationError, PermissionDenied) as refused:
                text = " ".join(getattr(refused, "messages", [])) or _("You may not do this.")
                self.message_user(request, f"{round_.name}: {text}", messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, _("%(count)s round(s) changed.") % {"count": done})

    @admin.action(description=_("Open to producers"))
    def open_rounds(self, request, queryset):
        self._move(request, queryset, "open")

    @admin.action(description=_("Hand to the council"))
    def hand_to_council(self, request, queryset):
        self._move(request, queryset, "council")

    @admin.action(description=_("Close the round"))
    def close_rounds(self, request, queryset):
        self._move(request, queryset, "close")
