"""Giấy tiếp nhận hồ sơ (issue 18): the receipt of a submission, and its look-up by code.

Public: the code is random and long enough not to be guessed, and the page shows only what a
receipt says (product, producer, round, when, the dossier's state), never the dossier itself.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from dossiers.models import DossierRevision
from dossiers.permissions import can_view_dossier
from dossiers.receipts import normalise_code


@login_not_required
def receipt(request, code):
    revision = (
        DossierRevision.objects.select_related(
            "dossier__round__province", "dossier__product__producer__commune"
        )
        .filter(tracking_code=normalise_code(code))
        .first()
    )
    status = 200 if revision is not None else 404
    dossier = revision.dossier if revision else None
    return render(
        request,
        "evaluations/receipt.html",
        {
            "revision": revision,
            "dossier": dossier,
            "code": normalise_code(code),
            "can_open": dossier is not None and can_view_dossier(request.user, dossier),
        },
        status=status,
    )


@login_not_required
def receipt_lookup(request):
    code = normalise_code(request.GET.get("code", ""))
    if code:
        return receipt(request, code)
    return render(request, "evaluations/receipt.html", {"revision": None, "code": ""})
