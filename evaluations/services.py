"""Writes and reads about dossiers that are not state transitions."""

from django.utils.translation import gettext_lazy as _

from ocop_portal.text import fold
from products.models import EvidenceKind

from .models import Dossier, DossierKind

# Decision 26/2026 Art. 6 and Form 02: what every dossier must carry.
REQUIRED_DOCUMENTS = (
    EvidenceKind.BUSINESS_REGISTRATION,
    EvidenceKind.QUALITY_DECLARATION,
    EvidenceKind.TEST_REPORT,
)
FOOD_SECTOR_WORDS = ("thuc pham", "do uong")


def _is_food(dossier: Dossier) -> bool:
    from . import scoring

    criteria_set = scoring.load_criteria_set(
        dossier.product.criteria_decision, dossier.product.criteria_set
    )
    sector = fold(criteria_set.sector)
    return any(word in sector for word in FOOD_SECTOR_WORDS)


def required_documents(dossier: Dossier) -> list[str]:
    required = list(REQUIRED_DOCUMENTS)
    if _is_food(dossier):
        required.append(EvidenceKind.FOOD_SAFETY)
    return required


def missing_documents(dossier: Dossier) -> list:
    """Labels of what the dossier still lacks before it can be submitted."""
    product = dossier.product
    present = set(product.documents.values_list("kind", flat=True))
    missing = [
        EvidenceKind(kind).label for kind in required_documents(dossier) if kind not in present
    ]
    if not product.photos.exists():
        missing.append(_("at least one product photo"))
    if not getattr(product, "self_assessment", None) or not product.self_assessment.points_by_code:
        missing.append(_("the self-assessment (Form 02 Part III)"))
    if dossier.kind != DossierKind.FIRST and dossier.previous_certificate_id is None:
        missing.append(_("the certificate being re-evaluated or upgraded"))
    return missing


def snapshot_self_assessment(dossier: Dossier) -> dict:
    """The producer's self-assessment as submitted, kept in the audit row of the submission."""
    assessment = getattr(dossier.product, "self_assessment", None)
    return dict(assessment.points_by_code) if assessment else {}


def record_product_change(product, *, by, what: str, data: dict | None = None) -> None:
    """Audit a change to a product's content on each of its dossiers already submitted once.

    Products call this from their services whenever a producer changes data, photos or documents,
    so the officer and the council see what changed after submission.
    """
    from .models import DossierState
    from .transitions import record_change

    dossiers = product.dossiers.filter(revision__gt=0).exclude(state__in=DossierState.FINISHED)
    for dossier in dossiers:
        record_change(dossier, by=by, what=what, data=data)
