"""Products' pages, one module per topic; urls.py imports them from here."""

from .assessment import self_assessment, self_assessment_answer
from .documents import document_delete, document_download, documents
from .evidence import criterion_evidence
from .photos import photo, photo_cover, photo_delete, photo_move, photo_thumbnail, photos
from .products import (
    product_create,
    product_delete,
    product_edit,
    product_list,
    registration_form,
)

__all__ = [
    "criterion_evidence",
    "document_delete",
    "document_download",
    "documents",
    "photo",
    "photo_cover",
    "photo_delete",
    "photo_move",
    "photo_thumbnail",
    "photos",
    "product_create",
    "product_delete",
    "product_edit",
    "product_list",
    "registration_form",
    "self_assessment",
    "self_assessment_answer",
]
