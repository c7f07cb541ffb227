"""Who may see and change a product, its photos, documents and self-assessment.

``can_view_product`` is paired with ``Product.objects.visible_to(user)``: a product's own
producer accounts see it, and an official sees it when one of its dossiers is open to them
(``producers.official_scope``), so jurisdiction is decided in one place. Views fetch through
``get_product_for`` and friends: anything outside the user's reach is a 404.
"""

from django.http import Http404

from producers import permissions as producers_permissions

from .models import EvidenceDocument, Product, ProductPhoto


def is_member(user, product: Product) -> bool:
    """Whether `user` acts for the product's producer."""
    return producers_permissions.is_member(user, product.producer_id)


def can_view_product(user, product: Product) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_producer:
        return is_member(user, product)
    return Product.objects.visible_to(user).filter(pk=product.pk).exists()


def locking_dossier(product: Product):
    """The dossier under review that freezes the product, if any: shown to explain why. The
    dossiers' transitions keep ``Product.locked_by_dossier`` up to date; products only read it."""
    if product.locked_by_dossier_id is None:
        return None
    locked = Product.objects.select_related("locked_by_dossier__round").get(pk=product.pk)
    return locked.locked_by_dossier


def is_public_photo(photo: ProductPhoto) -> bool:
    """Photos of a product with a current certificate appear on the public catalogue."""
    return photo.product.certificates.current().exists()


def can_view_photo(user, photo: ProductPhoto) -> bool:
    return is_public_photo(photo) or can_view_product(user, photo.product)


def _products():
    return Product.objects.select_related("producer", "producer__commune")


def get_product_for(user, pk: int, *, member: bool = False) -> Product:
    """The product if `user` may see it (with `member`: act for it), else 404."""
    product = _products().filter(pk=pk).first()
    allowed = is_member if member else can_view_product
    if product is None or not allowed(user, product):
        raise Http404
    return product


def get_photo_for(user, pk: int, *, member: bool = False) -> ProductPhoto:
    photo = ProductPhoto.objects.select_related("product").filter(pk=pk).first()
    if photo is None:
        raise Http404
    allowed = is_member(user, photo.product) if member else can_view_photo(user, photo)
    if not allowed:
        raise Http404
    return photo


def get_document_for(user, pk: int, *, member: bool = False) -> EvidenceDocument:
    document = EvidenceDocument.objects.select_related("product").filter(pk=pk).first()
    if document is None:
        raise Http404
    allowed = is_member if member else can_view_product
    if not allowed(user, document.product):
        raise Http404
    return document
