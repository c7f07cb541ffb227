"""The product's page (``products:detail``): the product with, for its producer, its current
certificate and whether it may enter the open round. It reads certificates and rounds, a layer
above products, so it lives here and keeps its place and name in the products' namespace
(ocop_portal/urls.py), as the producer's dashboard does."""

from django.shortcuts import render

from criteria import scoring
from products import permissions
from products.assessment import summarise
from products.models import Product

from ..certified_changes import current_certificates
from ..rounds import can_enter_round


def product_detail(request, pk):
    product = permissions.get_product_for(request.user, pk)
    product = (
        Product.objects.select_related("producer", "producer__commune", "self_assessment")
        .prefetch_related("photos", "documents")
        .get(pk=product.pk)
    )
    member = permissions.is_member(request.user, product)
    lock = permissions.locking_dossier(product) if member else None
    context = {
        "product": product,
        "can_enter_round": member and can_enter_round(request.user, product),
        "criteria_set": scoring.load_criteria_set(product.criteria_decision, product.criteria_set),
        "summary": summarise(product),
        "is_member": member,
        "can_edit": member and lock is None,
        "lock": lock,
        "dossiers": product.dossiers.exists(),
        "current_certificate": current_certificates(product=product).first() if member else None,
    }
    return render(request, "products/product_detail.html", context)
