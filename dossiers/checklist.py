"""The producer's checklist before submitting a dossier: the documents every dossier carries
(Decision 26/2026, Art. 6 and Form 02), its photos and self-assessment, and where to add what
is missing."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from criteria import scoring
from ocop_portal.text import fold
from products.models import EvidenceKind

from .models import Dossier, DossierKind

REQUIRED_DOCUMENTS = (
    EvidenceKind.BUSINESS_REGISTRATION,
    EvidenceKind.QUALITY_DECLARATION,
    EvidenceKind.TEST_REPORT,
)
FOOD_SECTOR_WORDS = ("thuc pham", "do uong")


def _is_food(dossier: Dossier) -> bool:
    try:
        criteria_set = scoring.load_criteria_set(
            dossier.product.criteria_decision, dossier.product.criteria_set
        )
    except scoring.ScoringError:
        return True  # an unknown sheet: ask for the paper rather than wave it through
    # The group too: functional foods (set 18) sit in the medicinal sector but are foods.
    where = fold(f"{criteria_set.sector} {criteria_set.group}")
    return any(word in where for word in FOOD_SECTOR_WORDS)


def required_documents(dossier: Dossier) -> list[str]:
    """Document kinds every dossier needs; foods and drinks also need the food-safety paper."""
    required = list(REQUIRED_DOCUMENTS)
    if _is_food(dossier):
        required.append(EvidenceKind.FOOD_SAFETY)
    return required


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    ok: bool
    product_pk: int | None = None

    @property
    def add_url(self) -> str:
        """Where the producer adds what is missing; empty when nothing can be uploaded."""
        return where_to_add(self.product_pk, self.key) if self.product_pk else ""


def where_to_add(product_pk: int, key: str) -> str:
    """The product's tab holding a checklist item: photos, the self-assessment, or the
    documents tab with the missing kind chosen in its upload form."""
    if key == "photos":
        return reverse("products:photos", args=[product_pk])
    if key == "self_assessment":
        return reverse("products:self-assessment", args=[product_pk])
    if key in EvidenceKind.values:
        url = reverse("products:documents", args=[product_pk])
        return f"{url}?kind={key}#add-document"
    return ""


def checklist(dossier: Dossier, today=None) -> list[ChecklistItem]:
    """What a complete dossier holds, ticked or not: the producer's list before submitting.

    A required document counts only while it is valid (an expired food-safety certificate does
    not), and the self-assessment only when every criterion of the product's set is answered.
    """
    from products.assessment import summarise

    today = today or timezone.localdate()
    product = dossier.product
    valid_kinds = {
        kind
        for kind, expires_on in product.documents.values_list("kind", "expires_on")
        if expires_on is None or expires_on >= today
    }
    items = [
        ChecklistItem(kind, EvidenceKind(kind).label, kind in valid_kinds, product.pk)
        for kind in required_documents(dossier)
    ]
    items.append(
        ChecklistItem(
            "photos", _("at least one product photo"), product.photos.exists(), product.pk
        )
    )
    assessment = product.self_assessment if hasattr(product, "self_assessment") else None
    try:
        complete = assessment is not None and summarise(product, assessment).complete
    except scoring.ScoringError:
        complete = False  # the product's sheet is not in the catalogue: it cannot be complete
    items.append(
        ChecklistItem(
            "self_assessment", _("the self-assessment (Form 02 Part III)"), complete, product.pk
        )
    )
    if dossier.kind != DossierKind.FIRST:
        items.append(
            ChecklistItem(
                "certificate",
                _("the certificate being re-evaluated or upgraded"),
                dossier.previous_certificate_id is not None,
            )
        )
    return items


def missing_documents(dossier: Dossier, today=None) -> list[str]:
    """Labels of what the dossier still lacks before it can be submitted."""
    return [item.label for item in checklist(dossier, today) if not item.ok]
