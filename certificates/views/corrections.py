"""Certificate corrections (issue 18): the producer asks, the provincial office decides."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from certificates.certified_changes import (
    DECIDING_ROLES,
    can_decide,
    decide_correction,
    request_correction,
)
from certificates.correction_forms import CorrectionDecisionForm, CorrectionRequestForm
from certificates.models import Certificate, CorrectionRequest, CorrectionState
from products.permissions import is_member


def correction_request(request, number):
    """The producer's request to correct a current certificate of one of its products."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("product__producer"), number=number
    )
    if not is_member(request.user, certificate.product):
        raise Http404
    form = CorrectionRequestForm(request.POST or None, certificate=certificate)
    if request.method == "POST" and form.is_valid():
        try:
            request_correction(
                certificate,
                by=request.user,
                changes=form.changes(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Your correction request was sent to the provincial OCOP office. The "
                    "certificate stays as it is until the office approves it."
                ),
            )
            return redirect(certificate.product)
    requests = certificate.correction_requests.order_by("-requested_at")
    return render(
        request,
        "evaluations/corrections/request_form.html",
        {"form": form, "certificate": certificate, "requests": requests},
    )


def correction_list(request):
    """The office's list of its province's requests: pending first, then the latest decided."""
    user = request.user
    if user.role not in DECIDING_ROLES or not user.province_id:
        raise Http404
    requests = CorrectionRequest.objects.filter(
        certificate__province_code=user.province_id
    ).select_related("certificate", "requested_by", "decided_by")
    return render(
        request,
        "evaluations/corrections/list.html",
        {
            "pending": requests.filter(state=CorrectionState.PENDING).order_by("requested_at"),
            "decided": requests.exclude(state=CorrectionState.PENDING)[:100],
        },
    )


def correction_decide(request, pk):
    item = get_object_or_404(
        CorrectionRequest.objects.select_related("certificate__product__producer"), pk=pk
    )
    if not can_decide(request.user, item.certificate):
        raise Http404
    form = CorrectionDecisionForm(request.POST or None)
    if request.method == "POST" and item.state == CorrectionState.PENDING and form.is_valid():
        try:
            decided = decide_correction(
                item,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if decided.reissued is not None:
                messages.success(
                    request,
                    _("Approved: certificate %(number)s was issued in place of %(old)s.")
                    % {"number": decided.reissued.number, "old": item.certificate.number},
                )
            else:
                messages.success(request, _("The correction request was decided."))
            return redirect("evaluations:correction-list")
    return render(
        request,
        "evaluations/corrections/decide.html",
        {"item": item, "form": form, "rows": _comparison(item)},
    )


def _comparison(item: CorrectionRequest) -> list[tuple[str, str, str]]:
    from certificates.certified_changes import current_values
    from certificates.correction_forms import CorrectionRequestForm
    from producers.models import ProducerKind
    from regions.models import Commune

    labels = {name: field.label for name, field in CorrectionRequestForm.base_fields.items()}
    now = current_values(item.certificate)

    def shown(key, value):
        if key == "commune" and value:
            commune = Commune.objects.filter(pk=value).first()
            return commune.name if commune else str(value)
        if key == "producer_kind" and value in ProducerKind.values:
            return ProducerKind(value).label
        return value

    return [
        (labels[key], shown(key, now.get(key)), shown(key, value))
        for key, value in item.changes.items()
    ]
