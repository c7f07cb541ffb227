"""The approval screen in the admin (issue 20): one council result with the council's proposal
and consolidated sheet beside the decision, stepping through the results of its session.

Reached from the results list and from the approver's landing page (accounts.landing). Only an
approver of the result's province sees it (``permissions.can_approve``); anyone else gets 404.
The decision goes through ``approval.decide`` and so through the transitions.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from councils.models import CouncilResult
from councils.permissions import can_decide_results
from dossiers import permissions
from dossiers.models import DossierState

from . import transitions
from .approval import (
    NOTICE,
    RECOGNISE,
    SEND_BACK,
    approval_sheet,
    decide,
    decision_choices,
    last_decision,
    session_is_closed,
)
from .result_forms import ApprovalForm

NEEDS_DECISION = {RECOGNISE, NOTICE}


def screen_url(result_id: int) -> str:
    return reverse("admin:evaluations_councilresult_approval", args=[result_id])


def _result_for(user, pk: int) -> CouncilResult:
    result = (
        CouncilResult.objects.select_related(
            "dossier__round__province",
            "dossier__council",
            "dossier__product__producer__commune__former_district",
        )
        .filter(pk=pk)
        .first()
    )
    if result is None or not permissions.can_approve(user, result.dossier):
        raise Http404
    return result


def approval_start(model_admin, request):
    """The approver's first result awaiting a decision, oldest first; the list when none."""
    if not can_decide_results(request.user):
        raise Http404
    waiting = (
        model_admin.get_queryset(request)
        .filter(dossier__state=DossierState.SCORED)
        .order_by("closed_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    if waiting is None:
        return redirect(reverse("admin:councils_councilresult_changelist") + "?state=scored")
    return redirect(screen_url(waiting))


def approval_view(model_admin, request, pk: int):
    result = _result_for(request.user, pk)
    sheet = approval_sheet(result)
    form = None
    if sheet.awaiting:
        initial = {}
        if previous := last_decision(sheet):
            initial = {"decision_number": previous[0], "decision_date": previous[1]}
        form = ApprovalForm(
            request.POST if request.method == "POST" else None,
            initial=initial,
            choices=decision_choices(result),
            needs_decision=NEEDS_DECISION,
        )
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            try:
                decide(
                    result,
                    by=request.user,
                    decision=data["decision"],
                    decision_number=data["decision_number"].strip(),
                    decision_date=data["decision_date"],
                    reason=data["reason"],
                )
            except (transitions.TransitionError, PermissionDenied) as error:
                messages.error(request, str(error) or _("You may not do this."))
                return redirect(screen_url(result.pk))
            _announce(request, result, data)
            following = approval_sheet(result).next_awaiting_id
            return redirect(screen_url(following or result.pk))
    elif request.method == "POST":
        messages.warning(request, _("This result has already been decided."))
        return redirect(screen_url(result.pk))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Approval: %(product)s") % {"product": result.dossier.product.name},
        "opts": model_admin.model._meta,
        "sheet": sheet,
        "result": result,
        "dossier": result.dossier,
        "form": form,
        "session_closed": session_is_closed(sheet.item),
        "changelist_url": reverse("admin:councils_councilresult_changelist"),
    }
    return TemplateResponse(request, "admin/councils/councilresult/approval.html", context)


def _announce(request, result, data) -> None:
    decision = data["decision"]
    product = result.dossier.product.name
    if decision == SEND_BACK:
        text = _("%(product)s: sent back to the council.")
    elif decision == RECOGNISE:
        text = _("%(product)s: recognised; its certificate is issued.")
    elif decision == NOTICE:
        text = _("%(product)s: not recognised; the written notice is issued.")
    else:
        text = _("%(product)s: nominated for national 5★ evaluation.")
    messages.success(request, text % {"product": product})
    if decision in NEEDS_DECISION:
        _decision_document(request, result, data["decision_number"].strip(), data["decision_date"])


def _decision_document(request, result, number, date) -> None:
    """The recognition decision lists every product it recognises and is issued once: only
    when none of the round's results still waits, so that it is not frozen with the first."""
    round_ = result.dossier.round
    if CouncilResult.objects.filter(
        dossier__round=round_, dossier__state=DossierState.SCORED
    ).exists():
        return
    offer_decision_document(request, round_.province, number, date)


def offer_decision_document(request, province, number, date) -> None:
    """Issue the decision listing the products recognised under `number` of `date` (issue 18:
    once, then kept as issued) and offer it for download."""
    from certificates.documents import decision_document

    if province is None or decision_document(province, number, date) is None:
        return
    url = (
        reverse("evaluations:decision-pdf")
        + "?"
        + urlencode({"number": number, "date": date.isoformat()})
    )
    messages.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("The recognition decision is issued."),
            url,
            _("Download it (PDF)"),
        ),
    )
