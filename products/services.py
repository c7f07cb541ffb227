"""Writes about products, their photos and their evidence documents.

Every change a producer makes goes through here, is refused while a dossier of the product is
under review (``Product.locked_by_dossier``, kept by the dossiers' transitions), and is audited
through ``changes.record_product_change``. Creating calls take the form's one-time
``client_token``: a double submit finds the row the first request made instead of adding another.
"""

import logging
import uuid
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import User
from ocop_portal.after_response import after_response
from producers.models import Producer
from producers.services import StaleEdit
from producers.signals import edit_requested

from . import permissions
from .changes import record_product_change
from .images import process_photo
from .models import (
    DOCUMENT_EXTENSIONS,
    EvidenceDocument,
    EvidenceKind,
    Product,
    ProductPhoto,
    SelfAssessment,
)
from .validators import INLINE_DECODE_PIXELS, image_pixels, validate_document, validate_photo

logger = logging.getLogger(__name__)

MAX_PHOTOS = 12


class ProductLocked(ValidationError):
    """The product belongs to a dossier under review; its content cannot change now."""

    def __init__(self, dossier):
        super().__init__(
            _(
                "This product cannot be changed while its dossier in “%(round)s” is “%(state)s”. "
                "You can change it again if the dossier is returned to you for correction."
            )
            % {"round": dossier.round, "state": dossier.get_state_display()},
            code="locked",
        )
        self.dossier = dossier


class SubmittedMeanwhile(ProductLocked):
    """The dossier was submitted after the page was opened, before this change committed: the
    change is refused, never kept beside a submitted snapshot that lacks it (issue 18)."""

    def __init__(self, dossier):
        ValidationError.__init__(
            self,
            _(
                "The dossier was submitted while you were uploading or editing, so this change "
                "was not kept: the submitted dossier does not include it. You can make it again "
                "if the dossier is returned to you for correction."
            ),
            code="submitted_meanwhile",
        )
        self.dossier = dossier


def ensure_editable(product: Product) -> None:
    dossier = permissions.locking_dossier(product)
    if dossier is not None:
        raise ProductLocked(dossier)


def lock_editable(product: Product) -> Product:
    """Lock the product row for the rest of the transaction and check, under the lock, that it
    may change. Submission locks the same row before it takes its snapshot (transitions.local),
    so a change either commits before the snapshot and is in it, or finds the dossier submitted
    and is refused here. The pages check the lock before offering a form, so a lock found here
    appeared while the producer was working: it says so."""
    locked = Product.objects.select_for_update().get(pk=product.pk)
    dossier = permissions.locking_dossier(locked)
    if dossier is not None:
        raise SubmittedMeanwhile(dossier)
    return locked


def _delete_files_after_commit(*files) -> None:
    names = [(f.storage, f.name) for f in files if f]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


@contextmanager
def _files_removed_on_error(*files):
    """Files are written before their row: if saving the row fails, do not leave them behind."""
    try:
        yield
    except Exception:
        for f in files:
            f.storage.delete(f.name)
        raise


def _existing(model, client_token: uuid.UUID | None, **scope):
    if client_token is None:
        return None
    return model.objects.filter(client_token=client_token, **scope).first()


# ---- Products ------------------------------------------------------------------------------


def create_product(
    *, producer: Producer, by: User, data: dict[str, Any], client_token: uuid.UUID | None = None
) -> Product:
    """Register a product as a draft: only its name and criteria set are needed to save it."""
    existing = _existing(Product, client_token, producer=producer)
    if existing is not None:
        return existing
    product = Product(producer=producer, client_token=client_token, **data)
    product.full_clean()
    try:
        with transaction.atomic():
            product.save()
    except IntegrityError:
        existing = _existing(Product, client_token, producer=producer)
        if existing is None:
            raise
        return existing  # the same form submitted twice at once: the first one won
    return product


@transaction.atomic
def update_product(
    product: Product, *, by: User, data: dict[str, Any], version: int | None
) -> Product:
    """Save the product's data if nobody saved it since `version`; changing the criteria set
    empties the self-assessment, which was filled for the other set's sheet."""
    locked = lock_editable(product)
    if version is not None and locked.version != version:
        raise StaleEdit(locked.version)
    changed = [name for name, value in data.items() if getattr(locked, name) != value]
    if not changed:
        return locked
    # What a current certificate states stays (issue 18): the certificates refuse by raising.
    edit_requested.send(sender=Product, instance=locked, changed=changed)
    for name in changed:
        setattr(locked, name, data[name])
    locked.version += 1
    locked.full_clean()
    locked.save()
    if "criteria_set" in changed:
        SelfAssessment.objects.filter(product=locked).delete()
    labels = [str(Product._meta.get_field(name).verbose_name) for name in changed]
    what = _("Product details changed: %(fields)s") % {"fields": ", ".join(labels)}
    record_product_change(locked, by=by, what=what, data={"fields": changed})
    return locked


@transaction.atomic
def delete_product(product: Product, *, by: User) -> None:
    """Delete a product never entered in a round (dossiers keep their products forever)."""
    locked = Product.objects.select_for_update().get(pk=product.pk)
    if locked.dossiers.exists():
        raise ValidationError(
            _("This product has dossiers in evaluation rounds, so it cannot be deleted."),
            code="has_dossiers",
        )
    files = [f for p in locked.photos.all() for f in (p.image, p.thumbnail)]
    files += [d.file for d in locked.documents.all()]
    locked.delete()
    _delete_files_after_commit(*files)


# ---- Photos --------------------------------------------------------------------------------


@transaction.atomic
def add_photo(
    product: Product,
    *,
    by: User,
    file,
    caption: str = "",
    client_token: uuid.UUID | None = None,
) -> ProductPhoto:
    """Check and store a photo; the first is the cover.

    A small photo is re-encoded (no EXIF) with its thumbnail at once. A large one (more than
    ``INLINE_DECODE_PIXELS``, within the pixel budget) is stored as uploaded, not ready, and its
    display copy and thumbnail are made after the response (``finish_photo``): decoding 25 Mpx
    takes hundreds of megabytes and seconds, which the uploader must not wait for.
    """
    locked = lock_editable(product)
    existing = _existing(ProductPhoto, client_token, product=locked)
    if existing is not None:
        return existing
    photos = locked.photos.all()
    if photos.count() >= MAX_PHOTOS:
        raise ValidationError(
            _("A product can have at most %(max)s photos. Delete one before adding another.")
            % {"max": MAX_PHOTOS},
            code="too_many",
        )
    content_type = validate_photo(file)
    last = photos.aggregate(last=Max("position"))["last"]
    photo = ProductPhoto(
        product=locked,
        caption=caption.strip(),
        position=0 if last is None else last + 1,
        is_cover=not photos.filter(is_cover=True).exists(),
        client_token=client_token,
    )
    if image_pixels(file) > INLINE_DECODE_PIXELS:
        photo.ready = False
        photo.image.save(f"original{DOCUMENT_EXTENSIONS[content_type]}", file, save=False)
        files = (photo.image,)
    else:
        processed = process_photo(file)
        photo.image.save(processed.image.name, processed.image, save=False)
        photo.thumbnail.save(processed.thumbnail.name, processed.thumbnail, save=False)
        files = (photo.image, photo.thumbnail)
    with _files_removed_on_error(*files):
        photo.save()
        record_product_change(locked, by=by, what=_("Photo added"), data={"photo": photo.pk})
    if not photo.ready:
        transaction.on_commit(lambda: after_response(lambda: finish_photo(photo.pk)))
    return photo


def _remove_photo(photo: ProductPhoto) -> None:
    """Delete the row and, after the commit, its files; the next photo becomes the cover."""
    was_cover, product = photo.is_cover, photo.product
    files = (photo.image, photo.thumbnail)
    photo.delete()
    if was_cover:
        successor = product.photos.order_by("position", "pk").first()
        if successor is not None:
            successor.is_cover = True
            successor.save(update_fields=["is_cover"])
    _delete_files_after_commit(*files)


@transaction.atomic
def delete_photo(photo: ProductPhoto, *, by: User) -> None:
    product = lock_editable(photo.product)
    _remove_photo(photo)
    record_product_change(product, by=by, what=_("Photo deleted"))


@transaction.atomic
def finish_photo(photo_id: int) -> ProductPhoto | None:
    """The half of add_photo run after the response: decode the upload once, store the display
    copy (at most ``images.DISPLAY_SIZE``, no metadata) and the thumbnail, and drop the
    original. A file that cannot be decoded after all (cut off) is removed; the producer sees
    the photo gone."""
    photo = ProductPhoto.objects.select_for_update().filter(pk=photo_id, ready=False).first()
    if photo is None:
        return None  # deleted meanwhile, or already done by an earlier run
    original = photo.image
    try:
        with original.open("rb") as file:
            processed = process_photo(file)
    except (OSError, SyntaxError, ValueError, IndexError, EOFError) as error:
        logger.warning("Photo %s could not be decoded (%s); removed.", photo_id, error)
        _remove_photo(photo)
        return None
    original_name = (original.storage, original.name)
    photo.image.save(processed.image.name, processed.image, save=False)
    photo.thumbnail.save(processed.thumbnail.name, processed.thumbnail, save=False)
    photo.ready = True
    with _files_removed_on_error(photo.image, photo.thumbnail):
        photo.save(update_fields=["image", "thumbnail", "ready"])
    storage, name = original_name
    transaction.on_commit(lambda: storage.delete(name))
    return photo


@transaction.atomic
def set_cover_photo(photo: ProductPhoto, *, by: User) -> None:
    product = lock_editable(photo.product)
    # Two steps: the "one cover per product" constraint must hold after each statement.
    product.photos.filter(is_cover=True).exclude(pk=photo.pk).update(is_cover=False)
    product.photos.filter(pk=photo.pk).update(is_cover=True)
    record_product_change(product, by=by, what=_("Cover photo changed"))


@transaction.atomic
def move_photo(photo: ProductPhoto, *, by: User, offset: int) -> None:
    """Move a photo one place earlier (-1) or later (+1); positions are renumbered 0, 1, 2…"""
    product = lock_editable(photo.product)
    photos = list(product.photos.order_by("position", "pk"))
    index = next(i for i, p in enumerate(photos) if p.pk == photo.pk)
    target = index + offset
    if not 0 <= target < len(photos):
        return
    photos[index], photos[target] = photos[target], photos[index]
    for position, item in enumerate(photos):
        item.position = position
    ProductPhoto.objects.bulk_update(photos, ["position"])
    record_product_change(product, by=by, what=_("Photo order changed"))


# ---- Evidence documents --------------------------------------------------------------------


@transaction.atomic
def add_document(
    product: Product,
    *,
    by: User,
    file,
    kind: str,
    title: str = "",
    issued_on=None,
    expires_on=None,
    client_token: uuid.UUID | None = None,
) -> EvidenceDocument:
    """Store an evidence document under a generated name, with the type read from its content."""
    locked = lock_editable(product)
    existing = _existing(EvidenceDocument, client_token, product=locked)
    if existing is not None:
        return existing
    content_type = validate_document(file)
    document = EvidenceDocument(
        product=locked,
        kind=kind,
        title=title.strip() or str(EvidenceKind(kind).label),
        content_type=content_type,
        size=file.size,
        issued_on=issued_on,
        expires_on=expires_on,
        uploaded_by=by,
        client_token=client_token,
    )
    document.file.save(f"document{document.extension}", file, save=False)
    with _files_removed_on_error(document.file):
        document.full_clean()
        document.save()
        what = _("Document added: %(title)s") % {"title": document.title}
        record_product_change(locked, by=by, what=what, data={"document": document.pk})
    return document


@transaction.atomic
def delete_document(document: EvidenceDocument, *, by: User) -> None:
    product = lock_editable(document.product)
    title, file = document.title, document.file
    document.delete()
    _delete_files_after_commit(file)
    record_product_change(product, by=by, what=_("Document deleted: %(title)s") % {"title": title})
