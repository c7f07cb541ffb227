from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..forms import PhotoForm
from .files import serve_file


def photos(request, pk):
    """The product's photos: upload, order, choose the cover, delete."""
    product = permissions.get_product_for(request.user, pk, member=True)
    lock = permissions.locking_dossier(product)
    form = PhotoForm(request.POST or None, request.FILES or None) if lock is None else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.add_photo(
                product,
                by=request.user,
                file=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
                client_token=form.cleaned_data["client_token"],
            )
        except ValidationError as error:
            form.add_error("image", error)
        else:
            messages.success(request, _("The photo was added."))
            return redirect("products:photos", pk=product.pk)
    context = {
        "product": product,
        "photos": list(product.photos.order_by("position", "pk")),
        "form": form,
        "lock": lock,
        "max_photos": services.MAX_PHOTOS,
    }
    return render(request, "products/product_photos.html", context)


def _act_on_photo(request, pk, action, done: str):
    photo = permissions.get_photo_for(request.user, pk, member=True)
    try:
        action(photo)
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("products:photos", pk=photo.product_id)


@require_POST
def photo_cover(request, pk):
    return _act_on_photo(
        request,
        pk,
        lambda photo: services.set_cover_photo(photo, by=request.user),
        _("The cover photo was changed."),
    )


@require_POST
def photo_move(request, pk):
    offset = -1 if request.POST.get("direction") == "up" else 1
    return _act_on_photo(
        request,
        pk,
        lambda photo: services.move_photo(photo, by=request.user, offset=offset),
        _("The order of the photos was changed."),
    )


@require_POST
def photo_delete(request, pk):
    return _act_on_photo(
        request,
        pk,
        lambda photo: services.delete_photo(photo, by=request.user),
        _("The photo was deleted."),
    )


def _serve_photo(request, pk, field_name: str):
    photo = permissions.get_photo_for(request.user, pk)
    if not photo.ready:  # the upload as sent, metadata and all: never served
        raise Http404
    field = getattr(photo, field_name)
    extension = field.name.rsplit(".", 1)[-1].lower()
    content_type = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}[extension]
    return serve_file(
        field,
        content_type=content_type,
        filename=f"{photo.product_id}-{photo.pk}.{extension}",
        inline=True,
        public=permissions.is_public_photo(photo),
    )


@login_not_required  # public for products with a current certificate; checked inside
def photo(request, pk):
    return _serve_photo(request, pk, "image")


@login_not_required  # public for products with a current certificate; checked inside
def photo_thumbnail(request, pk):
    return _serve_photo(request, pk, "thumbnail")
