"""What the councils produced: the audit trail behind every dossier's state, five score sheets per
scored dossier, council results and certificates for the approved ones."""

import datetime

from certificates.models import Certificate
from certificates.models.certificate import add_months
from councils.models import CouncilResult, ScoreSheet
from criteria import scoring
from dossiers.models import DossierState
from evaluations.models import DossierEvent
from ocop_portal.text import fold

from .common import BATCH, rng

# The audit trail that leads to each seeded state: the fault experiments check that every
# dossier's state is the last audit row's, as the transitions guarantee.
TRAIL = [
    ("submit", "draft", "submitted"),
    ("accept", "submitted", "accepted"),
    ("forward", "accepted", "forwarded"),
    ("assign", "forwarded", "in_scoring"),
    ("close_scoring", "in_scoring", "scored"),
    ("approve", "scored", "approved"),
]
SCORED = {DossierState.SCORED, DossierState.APPROVED}


def audit_trail(dossier) -> list:
    if dossier.state == "returned":
        steps = [TRAIL[0], ("return", "submitted", "returned")]
    else:
        ends = [to_state for _action, _from, to_state in TRAIL]
        steps = TRAIL[: ends.index(dossier.state) + 1] if dossier.state in ends else TRAIL[:1]
    return [
        DossierEvent(dossier=dossier, action=action, from_state=source, to_state=target)
        for action, source, target in steps
    ]


def best_and_varied_sheet(criteria_set, quality: float) -> dict[str, str]:
    """A sheet whose choice per criterion leans to the best option with probability `quality`."""
    points = {}
    for criterion in criteria_set.leaf_criteria():
        options = sorted(criterion.options, key=lambda option: option.points)
        index = min(len(options) - 1, int(rng.random() ** (1 - quality) * len(options)))
        points[criterion.code] = str(options[index].points)
    return points


def approval_certificate(dossier, *, index, product, province, stars, outcome, approver, sequence):
    """The certificate of an approved dossier, numbered in its province and year."""
    year = dossier.round.year
    key = (province, year)
    sequence[key] = sequence.get(key, 0) + 1
    product_pk, _set, commune, _province, name = product
    decided = datetime.date(year, 11, 1)
    return Certificate(
        dossier=dossier,
        product_id=product_pk,
        number=f"OCOP-{province}-{year}-{sequence[key]:05d}",
        product_code=f"{province}-{commune}-{index // 2:03d}-{year}",
        stars=stars,
        average=outcome.total,
        decision_number=f"{index}/QĐ-UBND",
        decision_date=decided,
        valid_until=add_months(decided, 36),
        issued_by=approver,
        search_text=fold(name),
    )


def seed_outcomes(*, dossiers, plans, products, sets, members, approvers, now) -> tuple:
    """Audit rows for every dossier; sheets from in-scoring on; results and certificates after.

    Returns the numbers of results, certificates and events written.
    """
    sheets, results, events, certificates = [], [], [], []
    sequence = {}
    for index, dossier in enumerate(dossiers):
        criteria_set, province = plans[index // 2]
        events += audit_trail(dossier)
        if dossier.state in (DossierState.SUBMITTED, DossierState.RETURNED):
            continue
        if dossier.state not in SCORED and dossier.state != DossierState.IN_SCORING:
            continue
        quality = rng.uniform(0.3, 0.95)
        member_sheets = [best_and_varied_sheet(sets[criteria_set], quality) for _ in range(5)]
        for seat, points in enumerate(member_sheets):
            total = scoring.score(sets[criteria_set], points).total
            sheets.append(
                ScoreSheet(
                    dossier=dossier,
                    member=members[province][seat],
                    points_by_code=points,
                    total=total,
                    submitted_at=now,
                )
            )
        if dossier.state not in SCORED:
            continue
        outcome = scoring.council_result(sets[criteria_set], member_sheets)
        stars = (
            max(3, min(outcome.stars, 4))
            if dossier.state == DossierState.APPROVED
            else outcome.stars
        )
        results.append(
            CouncilResult(
                dossier=dossier,
                average=outcome.total,
                stars=stars,
                band_stars=outcome.band_stars,
                member_totals={str(k): str(v) for k, v in enumerate(outcome.member_totals)},
                spread=outcome.spread,
                spread_exceeded=outcome.spread_exceeded,
                closed_by=members[province][0],
                decision_number=f"{index}/QĐ-UBND",
                decision_date=datetime.date(dossier.round.year, 11, 1),
            )
        )
        if dossier.state == DossierState.APPROVED:
            certificates.append(
                approval_certificate(
                    dossier,
                    index=index,
                    product=products[index // 2],
                    province=province,
                    stars=stars,
                    outcome=outcome,
                    approver=approvers[province],
                    sequence=sequence,
                )
            )
        # Flushed as they come, so that the full seed does not hold 140,000 sheets in memory.
        if len(sheets) > 20_000:
            ScoreSheet.objects.bulk_create(sheets, batch_size=BATCH)
            sheets = []
    ScoreSheet.objects.bulk_create(sheets, batch_size=BATCH)
    CouncilResult.objects.bulk_create(results, batch_size=BATCH)
    DossierEvent.objects.bulk_create(events, batch_size=BATCH)
    Certificate.objects.bulk_create(certificates, batch_size=BATCH)
    return len(results), len(certificates), len(events)


def replace_upgraded_certificates() -> None:
    """A 2026 upgrade replaces the 2025 recognition of the same product."""
    latest = dict(
        Certificate.objects.filter(dossier__round__year=2026).values_list("product_id", "pk")
    )
    replaced = list(Certificate.objects.filter(dossier__round__year=2025, product_id__in=latest))
    for certificate in replaced:
        certificate.replaced_by_id = latest[certificate.product_id]
    Certificate.objects.bulk_update(replaced, ["replaced_by"], batch_size=BATCH)
