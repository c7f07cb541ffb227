from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from criteria import scoring
from once.services import create_once
from producers.permissions import get_membership_for, membership_of
from producers.services import StaleEdit
from regions.collation import vietnamese_order

from .. import permissions, services
from ..forms import ProductForm
from ..models import Product


def _criteria_set_info(product: Product) -> scoring.CriteriaSet:
    return scoring.load_criteria_set(product.criteria_decision, product.criteria_set)


def product_list(request):
    if request.user.is_producer and membership_of(request.user) is None:
        return redirect("producers:profile-create")
    products = (
        Product.objects.visible_to(request.user).for_list().order_by(vietnamese_order("name"), "pk")
    )
    return render(
        request,
        "products/product_list.html",
        {"products": products, "can_create": request.user.is_producer},
    )


def product_create(request):
    membership = get_membership_for(request.user)
    form = ProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["client_token"]
        product, repeated = create_once(
            request,
            token,
            lambda: services.create_product(
                producer=membership.producer,
                by=request.user,
                data=form.product_data(),
                client_token=token,
            ),
        )
        if repeated:
            return repeated
        messages.success(
            request,
            _("The product is saved as a draft. Add photos, documents and the self-assessment."),
        )
        return redirect(product)
    return render(request, "products/product_form.html", {"form": form})


def product_edit(request, pk):
    product = permissions.get_product_for(request.user, pk, member=True)
    lock = permissions.locking_dossier(product)
    if lock is not None:
        messages.warning(request, services.ProductLocked(lock).message)
        return redirect(product)
    form = ProductForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_product(
                product,
                by=request.user,
                data=form.product_data(),
                version=form.cleaned_data["version"],
            )
        except StaleEdit as error:
            data = form.data.copy()
            data["version"] = str(error.current_version)
            form = ProductForm(data, instance=Product.objects.get(pk=product.pk))
            form.is_valid()
            form.add_error(None, error)
        except ValidationError as error:
            if error.code != "certified":  # locked meanwhile
                messages.error(request, error.message)
                return redirect(product)
            # A current certificate prints a changed field: nothing saved, the typed values stay.
            form.add_error(None, error)
        else:
            messages.success(request, _("The product is saved."))
            return redirect(product)
    return render(request, "products/product_form.html", {"form": form, "product": product})


@require_POST
def product_delete(request, pk):
    product = permissions.get_product_for(request.user, pk, member=True)
    try:
        services.delete_product(product, by=request.user)
    except ValidationError as error:
        messages.error(request, error.message)
        return redirect(product)
    messages.success(request, _("The product “%(name)s” was deleted.") % {"name": product.name})
    return redirect("products:list")


def registration_form(request, pk):
    """Form 01 (Phiếu đăng ký), filled from the profile and the product, ready to print."""
    product = permissions.get_product_for(request.user, pk)
    producer = product.producer
    dossier = product.dossiers.select_related("round").order_by("-created_at").first()
    context = {
        "product": product,
        "producer": producer,
        "criteria_set": _criteria_set_info(product),
        "dossier": dossier,
        "kind": dossier.kind if dossier else "first",
    }
    return render(request, "products/registration_form.html", context)
