"""Writes and reads about dossiers that are not state transitions: what a complete dossier holds,
entering a product in a round, the items an officer can return, auditing product changes."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from criteria import scoring
from ocop_portal.text import fold
from products.models import EvidenceKind, Product

from . import permissions
from .models import (
    Certificate,
    CertificateStatus,
    Dossier,
    DossierAction,
    DossierEvent,
    DossierKind,
    DossierState,
    Round,
)

# Decision 26/2026 Art. 6 and Form 02: what every dossier must carry.
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


def current_certificate(product: Product, today=None) -> Certificate | None:
    return product.certificates.current(today).order_by("-decision_date", "-pk").first()


def kind_problem(dossier: Dossier, today=None) -> str | None:
    """Why the dossier's kind does not fit the product now, or None.

    A first evaluation is for a product without a valid certificate; an upgrade needs one below
    5★; a re-evaluation is filed 180 to 120 days before the certificate expires (Art. 7.6).
    """
    today = today or timezone.localdate()
    certificate = dossier.previous_certificate
    if dossier.kind == DossierKind.FIRST:
        if current_certificate(dossier.product, today) is not None:
            return _(
                "This product already holds a valid OCOP certificate: choose an upgrade or a "
                "re-evaluation instead of a first evaluation."
            )
        return None
    if certificate is None or certificate.product_id != dossier.product_id:
        return _("Choose the product's certificate that is re-evaluated or upgraded.")
    if dossier.kind == DossierKind.UPGRADE:
        if certificate.status(today) not in {CertificateStatus.VALID, CertificateStatus.EXPIRING}:
            return _("Only a valid certificate can be upgraded.")
        if certificate.stars >= 5:
            return _("A 5★ product cannot be upgraded.")
        return None
    if not certificate.may_file_re_evaluation(today):
        return _(
            "A re-evaluation is filed between %(opens)s and %(closes)s (180 to 120 days before "
            "the certificate expires on %(expires)s)."
        ) % {
            "opens": certificate.re_evaluation_opens_on.strftime("%d/%m/%Y"),
            "closes": certificate.re_evaluation_closes_on.strftime("%d/%m/%Y"),
            "expires": certificate.valid_until.strftime("%d/%m/%Y"),
        }
    return None


@transaction.atomic
def create_dossier(product: Product, *, by, round: Round, kind: str) -> Dossier:
    """Enter `product` in `round` as a draft (or take up its draft there), ready to submit.

    The product row is locked so that a form sent twice makes one dossier, not two. A product
    has one dossier under way at a time; a re-evaluation or upgrade points at its certificate.
    """
    if not (permissions.can_file_dossier(by, product) and permissions.can_view_round(by, round)):
        raise PermissionDenied
    product = Product.objects.select_for_update().get(pk=product.pk)
    if not round.accepts_dossiers():
        raise ValidationError(
            _("Round “%(round)s” does not accept dossiers now.") % {"round": round}
        )
    elsewhere = (
        product.dossiers.active()
        .exclude(state=DossierState.DRAFT)
        .exclude(round=round)
        .select_related("round")
        .first()
    )
    if elsewhere is not None:
        raise ValidationError(
            _("This product already has a dossier under way in “%(round)s” (%(state)s).")
            % {"round": elsewhere.round, "state": elsewhere.get_state_display()}
        )
    certificate = None if kind == DossierKind.FIRST else current_certificate(product)
    dossier = product.dossiers.filter(round=round).first()
    if dossier is not None and dossier.state != DossierState.DRAFT:
        raise ValidationError(
            _("This product is already entered in “%(round)s” (%(state)s).")
            % {"round": round, "state": dossier.get_state_display()}
        )
    if dossier is None:
        dossier = Dossier(round=round, product=product)
    dossier.kind, dossier.previous_certificate = kind, certificate
    dossier.full_clean(exclude=["round", "product"])
    created = dossier.pk is None
    dossier.save()
    if created:
        DossierEvent.objects.create(
            dossier=dossier,
            actor=by,
            action=DossierAction.CREATE,
            to_state=DossierState.DRAFT,
            data={"kind": kind},
        )
    return dossier


# ---- Returning a dossier for correction ------------------------------------------------------

GENERAL_RETURN_ITEMS = {
    "product": gettext_lazy("Product details"),
    "producer": gettext_lazy("Producer profile (Form 01)"),
    "photos": gettext_lazy("Product photos"),
    "self_assessment": gettext_lazy("Self-assessment (Form 02)"),
}
OTHER_RETURN_ITEM = ("other", gettext_lazy("Other"))


def return_item_choices(dossier: Dossier) -> list[tuple[str, str]]:
    """What an officer can ask the producer to correct: the general parts, then the required
    and the present documents by kind, then anything else."""
    kinds = list(required_documents(dossier))
    for kind in dossier.product.documents.values_list("kind", flat=True):
        if kind not in kinds:
            kinds.append(kind)
    return [
        *GENERAL_RETURN_ITEMS.items(),
        *((kind, EvidenceKind(kind).label) for kind in kinds if kind != EvidenceKind.OTHER),
        OTHER_RETURN_ITEM,
    ]


def item_label(key: str) -> str:
    """The label of a returned item's key, in the reader's language."""
    if key in GENERAL_RETURN_ITEMS:
        return str(GENERAL_RETURN_ITEMS[key])
    if key in EvidenceKind.values:
        return str(EvidenceKind(key).label)
    if key == OTHER_RETURN_ITEM[0]:
        return str(OTHER_RETURN_ITEM[1])
    return key


def latest_return(dossier: Dossier) -> DossierEvent | None:
    """The latest request for correction, whose items the producer is answering."""
    return dossier.events.filter(action=DossierAction.RETURN).order_by("-created_at", "-pk").first()


# ---- Auditing ------------------------------------------------------------------------------


def snapshot_self_assessment(dossier: Dossier) -> dict:
    """The producer's self-assessment as submitted, kept in the audit row of the submission."""
    assessment = getattr(dossier.product, "self_assessment", None)
    return dict(assessment.points_by_code) if assessment else {}


def timeline(dossier: Dossier) -> list[DossierEvent]:
    """The dossier's history for its page: its own events, and the changes made to its product
    while it was submitted and not finished (``products.changes``, which products keep), merged
    by time. A change reads as the "edit" event it was recorded as before products kept it."""
    events = list(dossier.events.for_timeline())
    changes = [
        DossierEvent(
            dossier=dossier,
            actor=change.by,
            action=DossierAction.EDIT,
            comment=change.what,
            data=change.data,
            created_at=change.at,
        )
        for change in dossier.product_changes.select_related("by").order_by("at", "pk")
    ]
    return sorted(events + changes, key=lambda event: event.created_at)
