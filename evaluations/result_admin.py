"""The approval screens: council results in the Django admin, for provincial approvers.

Every action goes through evaluations.transitions, so each approval, notice, nomination or send-back
is locked, permission-checked and audited exactly as anywhere else.
"""

import functools

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import Role
from councils.admin_filters import (
    CriteriaSetFilter,
    DossierStateFilter,
    FormerDistrictFilter,
    RoundFilter,
    StarsFilter,
)
from councils.approval_route import NOMINATE, RECOGNISE, approval_route
from councils.models import CouncilResult, ScoreSheet
from criteria import scoring
from dossiers.models import DossierState
from outbox.hold import holding_notices

from . import transitions
from .approval import decide
from .approval_admin import approval_start, approval_view, offer_decision_document, screen_url
from .result_forms import DecisionForm, MinistryResultForm, SendBackForm

# What the change list's columns read, and nothing else: the results, dossiers, products and
# producers carry JSON and long text (members' totals, the local assessment, descriptions) that
# the list never shows but would decode on each of its 50 rows.
CHANGELIST_COLUMNS = [
    "average",
    "stars",
    "unmet_minima",
    "spread",
    "spread_exceeded",
    "decision_number",
    "closed_at",
    "dossier__state",
    "dossier__round__name",
    "dossier__product__name",
    "dossier__product__criteria_decision",
    "dossier__product__criteria_set",
    "dossier__product__producer__name",
    "dossier__product__producer__commune__name",
    "dossier__product__producer__commune__former_district__name",
]


class ResultChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).only(*CHANGELIST_COLUMNS)


@functools.cache
def _criteria_set_name(decision: str, number: int) -> str:
    return scoring.load_criteria_set(decision, number).name


def _is_approver(user) -> bool:
    return user.is_active and user.role == Role.APPROVER


def _can_see_results(user) -> bool:
    return user.is_active and (
        user.role in {Role.APPROVER, Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR}
        or user.is_superuser
    )


@admin.register(CouncilResult)
class CouncilResultAdmin(admin.ModelAdmin):
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
        queryset = super().get_queryset(request)
        user = request.user
        if user.is_superuser and not user.province_id:
            return queryset
        return queryset.filter(dossier__round__province_id=user.province_id)

    def has_module_permission(self, request):
        return _can_see_results(request.user)

    def has_view_permission(self, request, obj=None):
        return _can_see_results(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_approve_permission(self, request):
        return _is_approver(request.user)

    def get_list_display(self, request):
        # Only the approver may open the approval screen (the others would get a 404).
        if _is_approver(request.user):
            return [*self.list_display, "approval_link"]
        return self.list_display

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions if self.has_approve_permission(request) else {}

    # ---- columns ------------------------------------------------------------------------

    # One row of the change list, in list_display's order (councils.templatetags.result_rows),
    # after the action checkbox of those who may act.
    ROW = (
        '<th class="field-product"><a href="{}">{}</a></th>'
        '<td class="field-producer">{}</td><td class="field-area">{}</td>'
        '<td class="field-round">{}</td><td class="field-criteria_set">{}</td>'
        '<td class="field-average">{}</td><td class="field-stars_display">{}</td>'
        '<td class="field-missing_minima_display">{}</td><td class="field-spread_display">{}</td>'
        '<td class="field-state">{}</td><td class="field-decision_number">{}</td>'
    )
    CHECKBOX = '<td class="action-checkbox">{}</td>'
    SCREEN = '<td class="field-approval_link">{}</td>'

    def changelist_rows(self, cl) -> list:
        with_actions = cl.list_display[:1] == ["action_checkbox"]
        shown = list(cl.list_display[with_actions:])
        with_screen = shown[-1:] == ["approval_link"]  # the approver's column (get_list_display)
        if shown[: len(shown) - with_screen] != list(self.list_display):
            raise ImproperlyConfigured("CouncilResultAdmin.ROW must follow list_display")
        # Each row's link differs only by its key: made once, with the list's filters kept.
        placeholder = add_preserved_filters(
            {"preserved_filters": cl.preserved_filters, "opts": cl.opts},
            reverse("admin:councils_councilresult_change", args=[0]),
        )
        head, _, tail = placeholder.partition("/0/")
        empty = self.get_empty_value_display()
        # Worded once per page: get_state_display() translates afresh for each row.
        states = {value: str(label) for value, label in DossierState.choices}
        rows = []
        for result in cl.result_list:
            row = format_html(
                self.ROW,
                f"{head}/{result.pk}/{tail}",
                self.product(result),
                self.producer(result),
                self.area(result),
                self.round(result),
                self.criteria_set(result),
                number_format(result.average, 2),
                self.stars_display(result),
                self.missing_minima_display(result),
                self.spread_display(result),
                states.get(result.dossier.state, result.dossier.state),
                result.decision_number or empty,
            )
            if with_actions:
                row = format_html(self.CHECKBOX, self.action_checkbox(result)) + row
            if with_screen:
                row += format_html(self.SCREEN, self.approval_link(result))
            rows.append(row)
        return rows

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, result):
        """Django's own checkbox, written out: rendering a widget template for each of the 50
        rows was a fifth of the page's time."""
        label = format_html(str(_("Select this object for an action - {}")), result.dossier.product)
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            result.pk,
            label,
        )

    @admin.display(description=_("approval screen"))
    def approval_link(self, result):
        """The result beside its proposal and consolidated sheet (approval_admin)."""
        label = _("Decide") if result.dossier.state == DossierState.SCORED else _("Open")
        return format_html('<a href="{}">{}</a>', screen_url(result.pk), label)

    @admin.display(description=_("product"), ordering="dossier__product__name")
    def product(self, result):
        return result.dossier.product.name

    @admin.display(description=_("producer"))
    def producer(self, result):
        return result.dossier.product.producer.name

    @admin.display(description=_("area"))
    def area(self, result):
        commune = result.dossier.product.producer.commune
        district = commune.former_district
        return f"{commune.name} ({district.name})" if district else commune.name

    @admin.display(description=_("round"))
    def round(self, result):
        return result.dossier.round.name

    @admin.display(description=_("criteria set"))
    def criteria_set(self, result):
        product = result.dossier.product
        return _criteria_set_name(product.criteria_decision, product.criteria_set)

    @admin.display(description=_("stars"), ordering="stars")
    def stars_display(self, result):
        if result.stars == 0:
            return _("stopped")
        return format_html('<span class="stars">{}</span>', "★" * result.stars)

    @admin.display(description=_("5★ minima not met"))
    def missing_minima_display(self, result):
        """Art. 7.3.e nominates on the points alone; the central council reads what is missing."""
        return ", ".join(result.missing_five_star_minima) or "—"

    @admin.display(description=_("5★ minima not met (for the central council)"))
    def missing_minima_detail(self, result):
        described = result.missing_five_star_minima_described()
        if not described:
            return "—"
        items = format_html_join("", "<li>{}</li>", [(line,) for line in described])
        return format_html("<ul>{}</ul>", items)

    @admin.display(description=_("stopped by the notes"))
    def stopped_by_display(self, result):
        """Appendix II's stop or knock-out notes that ended the evaluation, and on whose sheets."""
        return (
            format_html_join(
                "",
                "<p>{}: {} ({})</p>",
                (
                    (note["criterion"], note["text"], ", ".join(note.get("members", ())))
                    for note in result.stopped_by
                ),
            )
            or "—"
        )

    @admin.display(description=_("spread"), ordering="spread")
    def spread_display(self, result):
        if result.spread_exceeded:
            return format_html(
                '<strong class="ocop-spread-flag">{} ⚠</strong>', number_format(result.spread, 2)
            )
        return number_format(result.spread, 2)

    @admin.display(description=_("state"))
    def state(self, result):
        return result.dossier.get_state_display()

    @admin.display(description=_("members' score sheets"))
    def member_sheets(self, result):
        sheets = (
            ScoreSheet.objects.filter(dossier=result.dossier)
            .select_related("member")
            .order_by("member__full_name")
        )
        rows = [
            (
                sheet.member.full_name,
                # number_format: "81,00" beside the average's "81,60", not "81.00" (str of Decimal)
                _("conflict of interest")
                if sheet.conflict_of_interest
                else (number_format(sheet.total, 2) if sheet.total is not None else "—"),
                timezone.localtime(sheet.submitted_at).strftime("%d/%m/%Y %H:%M")
                if sheet.submitted_at
                else "—",
            )
            for sheet in sheets
        ]
        body = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows)
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("member"),
            _("total"),
            _("submitted"),
            body,
        )

    @admin.display(description=_("history"))
    def history(self, result):
        events = result.dossier.events.select_related("actor").order_by("created_at")
        rows = [
            (
                timezone.localtime(event.created_at).strftime("%d/%m/%Y %H:%M"),
                event.actor or "—",
                transitions.Action(event.action).label,
                event.comment,
            )
            for event in events
        ]
        return format_html(
            "<table><tbody>{}</tbody></table>",
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    # ---- actions ------------------------------------------------------------------------

    def _confirm(self, request, queryset, *, action, title, form, plan):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "form": form,
            "plan": plan,
            "action": action,
            "selected": [str(pk) for pk in queryset.values_list("pk", flat=True)],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/councils/councilresult/confirm.html", context)

    def _run(self, request, queryset, step, *, label=None):
        """Apply `step` to each result's dossier; report what happened to each. The notices
        of a bulk decision wait in the outbox for the provincial office to send."""
        if label is None:
            action = self.get_actions(request).get(request.POST.get("action", ""))
            label = action[2] if action else _("Bulk decision")
        done = 0
        with holding_notices(label=label, by=request.user):
            for result in queryset.select_related("dossier"):
                try:
                    step(result)
                except (transitions.TransitionError, PermissionDenied) as error:
                    message = str(error) or _("You may not do this.")
                    self.message_user(
                        request, f"{result.dossier.product.name}: {message}", messages.WARNING
                    )
                else:
                    done += 1
        if done:
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("Their notices wait in the outbox."),
                    reverse("outbox:list"),
                    _("Check and send them"),
                ),
                messages.INFO,
            )
        return done

    @admin.action(
        description=_("Approve selected results (decision and certificates)"),
        permissions=["approve"],
    )
    def approve_results(self, request, queryset):
        form = DecisionForm(request.POST if "apply" in request.POST else None)
        queryset = queryset.select_related("dossier__product")
        plan = []
        for result in queryset:
            if result.dossier.state != DossierState.SCORED:
                plan.append(
                    (
                        result,
                        _("skipped: %(state)s") % {"state": result.dossier.get_state_display()},
                    )
                )
            elif approval_route(result) == NOMINATE:
                plan.append((result, _("skipped: 90 points or more — nominate for national 5★")))
            elif approval_route(result) == RECOGNISE:
                plan.append(
                    (
                        result,
                        _("recognised at %(stars)s★; a certificate is issued")
                        % {"stars": result.stars},
                    )
                )
            else:
                plan.append((result, _("not recognised; a written notice is issued")))
        if not form.is_bound or not form.is_valid():
            return self._confirm(
                request,
                queryset,
                action="approve_results",
                title=_("Approve results"),
                form=form,
                plan=plan,
            )

        number, date = form.cleaned_data["decision_number"], form.cleaned_data["decision_date"]

        def step(result):
            route = approval_route(result)
            if route == NOMINATE:
                raise transitions.TransitionError(
                    _("Nominate it for national 5★ evaluation instead.")
                )
            decide(
                result,
                by=request.user,
                decision=route,
                decision_number=number,
                decision_date=date,
            )

        label = _("Approval of results, decision %(number)s of %(date)s") % {
            "number": number,
            "date": date.strftime("%d/%m/%Y"),
        }
        done = self._run(request, queryset, step, label=label)
        self.message_user(
            request,
            ngettext("%(count)d result approved.", "%(count)d results approved.", done)
            % {"count": done},
            messages.SUCCESS,
        )
        # The decision listing the products recognised together, issued once (issue 18).
        offer_decision_document(request, request.user.province, number, date)
        return None

    @admin.action(
        description=_("Send selected results back to the council"), permissions=["approve"]
    )
    def send_back_results(self, request, queryset):
        form = SendBackForm(request.POST if "apply" in request.POST else None)
        if not form.is_bound or not form.is_valid():
            plan = [(result, _("returned to the council for re-scoring")) for result in queryset]
            return self._confirm(
                request,
                queryset,
                action="send_back_results",
                title=_("Send results back to the council"),
                form=form,
                plan=plan,
            )
        reason = form.cleaned_data["reason"]
        done = self._run(
            request,
            queryset,
            lambda result: transitions.send_back_to_council(
                result.dossier, by=request.user, reason=reason
            ),
        )
        self.message_user(
            request,
            ngettext("%(count)d result sent back.", "%(count)d results sent back.", done)
            % {"count": done},
            messages.SUCCESS,
        )
        return None

    @admin.action(
        description=_("Nominate selected results (≥ 90 points) for national 5★"),
        permissions=["approve"],
    )
    def nominate_results(self, request, queryset):
        def step(result):
            transitions.nominate_for_national(result.dossier, by=request.user)
            if result.missing_five_star_minima:
                self.message_user(
                    request,
                    _("%(product)s: 5★ minima not met, for the central council: %(codes)s")
                    % {
                        "product": result.dossier.product.name,
                        "codes": "; ".join(result.missing_five_star_minima_described()),
                    },
                    messages.INFO,
                )

        done = self._run(request, queryset, step)
        self.message_user(
            request,
            ngettext("%(count)d product nominated.", "%(count)d products nominated.", done)
            % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Record the ministry's result"), permissions=["approve"])
    def record_ministry(self, request, queryset):
        form = MinistryResultForm(request.POST if "apply" in request.POST else None)
        if not form.is_bound or not form.is_valid():
            plan = [
                (result, _("nominated product: record the ministry's decision"))
                for result in queryset
            ]
            return self._confirm(
                request,
                queryset,
                action="record_ministry",
                title=_("Record the ministry's result"),
                form=form,
                plan=plan,
            )
        data = form.cleaned_data
        done = self._run(
            request,
            queryset,
            lambda result: transitions.record_ministry_result(
                result.dossier,
                by=request.user,
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                stars=data["stars"],
            ),
        )
        self.message_user(
            request,
            ngettext("%(count)d result recorded.", "%(count)d results recorded.", done)
            % {"count": done},
            messages.SUCCESS,
        )
        return None
