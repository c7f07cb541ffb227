from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from criteria.sheet_rows import sheet_rows

from .. import permissions
from ..assessment import (
    chosen_options,
    criteria_set_of,
    save_self_assessment,
    summarise,
)
from ..evidence import anchor, evidence_rows, unproven_claims
from ..forms import SelfAssessmentForm
from ..models import Product


def _product(request, pk) -> Product:
    product = permissions.get_product_for(request.user, pk)
    return Product.objects.select_related("producer", "self_assessment").get(pk=product.pk)


def self_assessment(request, pk):
    """Form 02 Part III: the council's sheet for the product's set, filled by the producer.

    With JavaScript each answer is saved as it is ticked (see ``self_assessment_answer``);
    without it the whole sheet is posted here."""
    product = _product(request, pk)
    sheet = criteria_set_of(product)
    member = permissions.is_member(request.user, product)
    lock = permissions.locking_dossier(product) if member else None
    editable = member and lock is None
    error = None
    if request.method == "POST":
        if not editable:
            return redirect("products:self-assessment", pk=product.pk)
        form = SelfAssessmentForm(request.POST, criteria_set=sheet)
        if form.is_valid():
            try:
                save_self_assessment(product, by=request.user, choices=form.changes())
            except ValidationError as exc:
                error = exc.message
            else:
                messages.success(request, _("The self-assessment is saved."))
                return redirect("products:self-assessment", pk=product.pk)
        else:
            error = _("Some answers were not valid. Choose one of the listed options.")
        product = _product(request, pk)
    evidence = evidence_rows(product)
    rows = sheet_rows(sheet, chosen_options(product))
    for row in rows:
        row["evidence"] = evidence.get(row["code"]) if row.get("options") else None
        row["evidence_anchor"] = anchor(row["code"])
    context = {
        "product": product,
        "sheet": sheet,
        "rows": rows,
        "summary": summarise(product),
        "claims": unproven_claims(product, evidence) if member else [],
        "editable": editable,
        "is_member": member,
        "lock": lock,
        "error": error,
    }
    return render(request, "products/self_assessment.html", context)


@require_POST
def self_assessment_answer(request, pk):
    """htmx: save the one criterion just ticked; answer with the refreshed summary."""
    product = _product(request, pk)
    if not permissions.is_member(request.user, product):
        return redirect("products:self-assessment", pk=product.pk)
    sheet = criteria_set_of(product)
    form = SelfAssessmentForm(request.POST, criteria_set=sheet)
    error = None
    if form.is_valid():
        try:
            save_self_assessment(product, by=request.user, choices=form.changes())
        except ValidationError as exc:
            error = exc.message
    else:
        error = _("That answer is not one of the listed options. Reload the page.")
    product = _product(request, pk)
    context = {
        "product": product,
        "summary": summarise(product),
        "claims": unproven_claims(product),
        "sheet": sheet,
        "error": error,
    }
    if not request.htmx:
        return redirect("products:self-assessment", pk=product.pk)
    return render(request, "products/_assessment_summary.html", context)
