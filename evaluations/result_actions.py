"""The approver's bulk decisions on council results, from the results admin's change list
(evaluations.result_admin): each confirmed on a screen of its own, each applied through
evaluations.transitions, so it is locked, permission-checked and audited as anywhere else."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from councils.approval_route import NOMINATE, RECOGNISE, approval_route
from dossiers.models import DossierState
from outbox.hold import holding_notices

from . import transitions
from .approval import decide
from .approval_admin import offer_decision_document
from .result_forms import DecisionForm, MinistryResultForm, SendBackForm


class ResultActions:
    """The admin actions of CouncilResultAdmin, mixed into it (their names are its `actions`)."""

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
