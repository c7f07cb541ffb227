"""Evidence per criterion: the producer links the product's documents to the criteria they prove
(Form 02 Part III, "mô tả, minh chứng kèm theo"), the council reads them beside each criterion,
and a claim a star minimum rests on without any linked document is flagged before submission.

The kinds each criterion expects come from ``criteria.evidence`` (data, per criteria set).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from criteria import evidence, scoring

from .assessment import answers, criteria_set_of
from .changes import record_product_change
from .models import CriterionEvidence, EvidenceDocument, EvidenceKind, Product
from .services import lock_editable


def anchor(code: str) -> str:
    """The id of a criterion's block on the evidence page, for links that fix a flag."""
    return "evidence-" + code.replace(".", "-")


def expectations_of(product: Product) -> dict[str, evidence.Expectation]:
    """Leaf code → the evidence expected, for the product's sheet ({} if the sheet is unknown)."""
    try:
        return evidence.expectations(product.criteria_decision, product.criteria_set)
    except scoring.ScoringError:
        return {}


def links_by_code(product: Product) -> dict[str, list[EvidenceDocument]]:
    """The documents linked to each criterion of the product's current sheet, in one query."""
    linked: dict[str, list[EvidenceDocument]] = defaultdict(list)
    for link in CriterionEvidence.objects.for_sheet(product):
        linked[link.criterion_code].append(link.document)
    return dict(linked)


@dataclass(frozen=True)
class CriterionEvidenceRow:
    """One criterion as the producer's page and the council's sheet show it."""

    code: str
    kinds: list[tuple[str, str]]
    judged_on: str | None
    documents: list[EvidenceDocument]
    missing_kinds: list[str] = field(default_factory=list)

    @property
    def linked_ids(self) -> set[int]:
        return {d.pk for d in self.documents}

    @property
    def kind_codes(self) -> set[str]:
        return {kind for kind, _label in self.kinds}

    @property
    def accepted_documents(self) -> list[EvidenceDocument]:
        return [d for d in self.documents if d.kind in self.kind_codes]

    @property
    def wrong_documents(self) -> list[EvidenceDocument]:
        """Linked before kinds were checked (or the document's kind changed since): shown so the
        producer can untick them; they prove nothing."""
        return [d for d in self.documents if d.kind not in self.kind_codes]


def evidence_row(
    code: str, expected: evidence.Expectation | None, documents: list[EvidenceDocument]
) -> CriterionEvidenceRow:
    kinds = list(expected.kinds) if expected else []
    present = {d.kind for d in documents}
    return CriterionEvidenceRow(
        code=code,
        kinds=[(kind, EvidenceKind(kind).label) for kind in kinds],
        judged_on=expected.judged_on if expected else None,
        documents=documents,
        missing_kinds=[kind for kind in kinds if kind not in present],
    )


def evidence_rows(product: Product) -> dict[str, CriterionEvidenceRow]:
    """Code → what is expected and linked, for every scored criterion of the product's sheet."""
    expected = expectations_of(product)
    linked = links_by_code(product)
    return {code: evidence_row(code, exp, linked.get(code, [])) for code, exp in expected.items()}


def check_kinds(
    code: str, expected: evidence.Expectation, documents: Iterable[EvidenceDocument]
) -> None:
    """A document proves a criterion only if it is of a kind the criterion accepts (the evidence
    data, after Form 02's list, Decision 26/2026 Appendix III): a test report does not prove a
    quality declaration (criterion 8), and a criterion judged on the samples, the site or the
    dossier's text takes no document. Every path that links (the page, the model's ``clean``
    for the admin and forms) asks here."""
    for document in documents:
        if document.kind in expected.kinds:
            continue
        if not expected.kinds:
            raise ValidationError(
                _(
                    "Criterion %(code)s is judged on the product samples, at the site or from "
                    "the dossier's own text; it takes no document. Nothing was changed."
                )
                % {"code": code},
                code="no_documents",
            )
        raise ValidationError(
            _(
                "“%(document)s” is a document of kind “%(kind)s”; criterion %(code)s accepts "
                "only: %(accepted)s. Nothing was changed."
            )
            % {
                "document": document.title,
                "kind": EvidenceKind(document.kind).label,
                "code": code,
                "accepted": ", ".join(str(EvidenceKind(kind).label) for kind in expected.kinds),
            },
            code="wrong_kind",
        )


@transaction.atomic
def link_criterion_evidence(
    product: Product, *, by: User, criterion_code: str, document_ids: Iterable[int]
) -> bool:
    """Make ``document_ids`` the documents proving one criterion; the other criteria's links are
    left as they are (each criterion is saved on its own, so two tabs do not undo each other).
    Returns whether anything changed; a change is audited on the dossiers already submitted."""
    locked = lock_editable(product)
    if criterion_code not in expectations_of(locked):
        raise ValidationError(
            _("Criterion %(code)s is not on this product's sheet. Reload the page.")
            % {"code": criterion_code},
            code="unknown",
        )
    wanted = set(document_ids)
    chosen = list(locked.documents.filter(pk__in=wanted))
    own = {document.pk for document in chosen}
    if own != wanted:
        raise ValidationError(
            _(
                "One of the chosen documents is no longer in this product's dossier. "
                "Reload the page."
            ),
            code="unknown_document",
        )
    # Refused before anything is deleted: the criterion's saved links stay as they were.
    check_kinds(criterion_code, expectations_of(locked)[criterion_code], chosen)
    links = CriterionEvidence.objects.for_sheet(locked).filter(criterion_code=criterion_code)
    current = set(links.values_list("document_id", flat=True))
    if current == wanted:
        return False
    links.filter(document_id__in=current - wanted).delete()
    CriterionEvidence.objects.bulk_create(
        CriterionEvidence(
            product=locked,
            criteria_decision=locked.criteria_decision,
            criteria_set=locked.criteria_set,
            criterion_code=criterion_code,
            document_id=pk,
        )
        for pk in sorted(wanted - current)
    )
    what = _("Evidence for criterion %(code)s changed") % {"code": criterion_code}
    data = {"criterion": criterion_code, "documents": sorted(wanted)}
    record_product_change(locked, by=by, what=what, data=data)
    return True


@dataclass(frozen=True)
class UnprovenClaim:
    """A criterion claimed at a star minimum with no document linked to it."""

    code: str
    title: str
    stars: int
    kinds: list[str]

    @property
    def anchor(self) -> str:
        return anchor(self.code)


def claimed_star_level(criterion: scoring.Criterion, points) -> int | None:
    """The highest star mark of this criterion that the claimed points meet, if any."""
    marks = {option.min_star for option in criterion.options if option.min_star}
    met = [level for level in marks if points >= criterion.required_points(level)]
    return max(met, default=None)


def unproven_claims(product: Product, rows: dict[str, CriterionEvidenceRow] | None = None):
    """Criteria the self-assessment claims at an option a star minimum depends on, without any
    linked document of a kind the criterion accepts, in sheet order.

    Rule: Appendix II marks an option ★★★/★★★★/★★★★★ as the minimum on that criterion for the
    star level (``Option.min_star``, cumulative per ``Criterion.required_points``). A claim that
    meets one of those minima is one the rating rests on, so the council will look for its proof;
    a claim below every minimum, or on a criterion without marks, raises no flag. Criteria judged
    on the sample, the site or the dossier's text (no kinds in the evidence data) are never
    flagged. The knock-out rules ("Hồ sơ bị loại") are set-wide texts about forged or missing
    papers, not criteria, so the submit checklist's required documents cover them instead.
    """
    rows = evidence_rows(product) if rows is None else rows
    claimed = answers(product)
    if not claimed:
        return []
    sheet = criteria_set_of(product)
    flagged = []
    for criterion in sheet.leaf_criteria():
        row = rows.get(criterion.code)
        if criterion.code not in claimed or row is None or not row.kinds:
            continue
        if row.accepted_documents:
            continue
        stars = claimed_star_level(criterion, claimed[criterion.code])
        if stars is not None:
            labels = [label for _kind, label in row.kinds]
            flagged.append(UnprovenClaim(criterion.code, criterion.title, stars, labels))
    return flagged
