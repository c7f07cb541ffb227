from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from criteria.sheet_rows import sheet_rows

from .. import permissions
from ..assessment import chosen_options, criteria_set_of
from ..evidence import anchor, evidence_rows, link_criterion_evidence, unproven_claims
from ..models import Product


def _save(request, product) -> None:
    code = request.POST.get("criterion", "")
    try:
        chosen = [int(pk) for pk in request.POST.getlist("documents")]
    except ValueError:
        messages.error(request, _("Choose documents from the list. Reload the page."))
        return
    try:
        changed = link_criterion_evidence(
            product, by=request.user, criterion_code=code, document_ids=chosen
        )
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        if changed:
            messages.success(
                request, _("Evidence for criterion %(code)s is saved.") % {"code": code}
            )


def criterion_evidence(request, pk):
    """Form 02 Part III's "evidence attached" per criterion: the kinds each criterion expects, and
    the product's documents to tick. Each criterion is its own form, so saving one never touches
    another's links. Officials who may see the product read it."""
    product = permissions.get_product_for(request.user, pk)
    member = permissions.is_member(request.user, product)
    lock = permissions.locking_dossier(product) if member else None
    if request.method == "POST":
        if not member:
            raise PermissionDenied
        _save(request, product)
        url = reverse("products:criterion-evidence", kwargs={"pk": product.pk})
        return redirect(f"{url}#{anchor(request.POST.get('criterion', ''))}")
    product = Product.objects.select_related("producer", "self_assessment").get(pk=product.pk)
    sheet = criteria_set_of(product)
    evidence = evidence_rows(product)
    rows = sheet_rows(sheet, chosen_options(product))
    documents = list(product.documents.all())
    for row in rows:
        row["evidence"] = found = evidence.get(row["code"]) if row.get("options") else None
        row["anchor"] = anchor(row["code"])
        # Only documents of a kind the criterion accepts are offered, and any linked before
        # kinds were checked, so they can be unticked (products.evidence.check_kinds).
        kinds, linked = (found.kind_codes, found.linked_ids) if found else (set(), set())
        row["offered"] = [d for d in documents if d.kind in kinds or d.pk in linked]
    context = {
        "product": product,
        "sheet": sheet,
        "rows": rows,
        "documents": documents,
        "claims": unproven_claims(product, evidence),
        "editable": member and lock is None,
        "is_member": member,
        "lock": lock,
    }
    return render(request, "products/criterion_evidence.html", context)
