"""What the producer's dossier page shows once the province has decided (issue 18): the score
and stars, the consolidated sheet (each criterion's average over the counted sheets), the
council's remarks, and the certificate or the notice. Nothing of it before the decision: the
council's result is a proposal until the approver releases it."""

from dataclasses import dataclass
from decimal import Decimal

from certificates.models import Certificate
from councils.models import CouncilResult, ScoreSheet, SessionItem
from councils.services import criteria_set_for
from criteria import scoring
from dossiers.models import Dossier, DossierState

DECIDED = frozenset({DossierState.APPROVED, DossierState.NOT_RECOGNISED, DossierState.NOMINATED})


@dataclass
class PublishedResult:
    result: CouncilResult
    rows: list[tuple[str, str, Decimal, Decimal | None]]  # code, title, max, average
    remarks: list[str]
    certificate: Certificate | None
    notice: object | None


def current_version(certificate: Certificate | None) -> Certificate | None:
    """The latest version of a re-issued certificate (the chain of ``replaced_by``) when it was
    re-issued for a correction; a replacement by a later recognition is not followed."""
    while certificate is not None and certificate.replaced_by_id:
        following = certificate.replaced_by
        if following.reissue_of_id != certificate.pk:
            break
        certificate = following
    return certificate


def published_result(dossier: Dossier) -> PublishedResult | None:
    if dossier.state not in DECIDED:
        return None
    # The columns shown, without ordering: a decided dossier's page is read far more often
    # than anything else about it.
    result = next(
        iter(
            CouncilResult.objects.filter(dossier=dossier).only(
                "dossier_id", "average", "stars", "member_totals"
            )[:1]
        ),
        None,
    )
    if result is None:
        return None
    criteria = criteria_set_for(dossier)
    averages = {}
    sheets = list(
        ScoreSheet.objects.filter(
            dossier=dossier, member_id__in=[int(pk) for pk in result.member_totals]
        ).values_list("points_by_code", flat=True)
    )
    if sheets:
        averages = scoring.council_result(criteria, sheets).points
    rows = [
        (
            criterion.code,
            criterion.title,
            criterion.max_points,
            averages[criterion.code].quantize(Decimal("0.01"))
            if criterion.code in averages
            else None,
        )
        for criterion in criteria.leaf_criteria()
    ]
    remarks = list(
        SessionItem.objects.filter(dossier=dossier)
        .exclude(discussion_note="")
        .values_list("discussion_note", flat=True)
    )
    certificate = getattr(dossier, "certificate", None)
    return PublishedResult(
        result,
        rows,
        remarks,
        current_version(certificate),
        # A decision gives a certificate or a notice: no need to look for both.
        getattr(dossier, "notice", None) if certificate is None else None,
    )
