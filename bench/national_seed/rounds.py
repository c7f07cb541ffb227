"""Rounds, their councils and the dossiers: two rounds a year for 2025 and 2026 in every province,
a five-member council per round, and per product a 2025 first evaluation and a 2026 dossier."""

import datetime

from councils.models import Council, CouncilMember, CouncilRole
from dossiers.models import Dossier, DossierKind, DossierState, Round, RoundState
from evaluations.transitions.core import LOCKING_STATES
from products.models import Product

from .common import BATCH

# The 2026 dossiers cycle through every state after the draft, so that each page meets them all.
LATER_STATES = [
    DossierState.SUBMITTED,
    DossierState.RETURNED,
    DossierState.ACCEPTED,
    DossierState.FORWARDED,
    DossierState.IN_SCORING,
    DossierState.SCORED,
    DossierState.APPROVED,
]


def seed_rounds_and_councils(provinces: list, members: dict) -> tuple[dict, dict]:
    """Returns the rounds by (province, year, number) and the councils by round pk."""
    rounds, councils = {}, {}
    for code in provinces:
        for year in (2025, 2026):
            for number in (1, 2):
                opens = datetime.date(year, 3 if number == 1 else 8, 1)
                rounds[(code, year, number)] = Round(
                    province_id=code,
                    name=f"Đợt {number} năm {year}",
                    year=year,
                    number=number,
                    opens_on=opens,
                    local_cutoff_on=opens + datetime.timedelta(days=45),
                    council_meeting_on=opens + datetime.timedelta(days=60),
                    closes_on=opens + datetime.timedelta(days=90),
                    state=RoundState.CLOSED if year == 2025 else RoundState.COUNCIL,
                )
    Round.objects.bulk_create(rounds.values(), batch_size=BATCH)
    for round_ in rounds.values():
        councils[round_.pk] = Council(round=round_, name=f"Hội đồng {round_.name}")
    Council.objects.bulk_create(councils.values(), batch_size=BATCH)
    seats = []
    for round_ in rounds.values():
        for seat, user in enumerate(members[round_.province_id]):
            role = (
                [CouncilRole.CHAIR, CouncilRole.SECRETARY][seat] if seat < 2 else CouncilRole.MEMBER
            )
            seats.append(CouncilMember(council=councils[round_.pk], user=user, role=role))
    CouncilMember.objects.bulk_create(seats, batch_size=BATCH)
    return rounds, councils


def seed_dossiers(products: list, rounds: dict, councils: dict, now) -> tuple[list, list]:
    """Two dossiers per product, in product order, and the products locked by the open ones.

    Returns the dossiers and, per product, its (criteria set, province).
    """
    dossiers, plans = [], []
    for index, (pk, criteria_set, _commune, province, _name) in enumerate(products):
        number = 1 + index % 2
        first = rounds[(province, 2025, number)]
        second = rounds[(province, 2026, number)]
        dossiers.append(
            Dossier(
                round=first,
                product_id=pk,
                kind=DossierKind.FIRST,
                state=DossierState.APPROVED,
                revision=1,
                submitted_at=now,
                council=councils[first.pk],
            )
        )
        state = LATER_STATES[index % len(LATER_STATES)]
        dossiers.append(
            Dossier(
                round=second,
                product_id=pk,
                kind=DossierKind.UPGRADE if index % 3 else DossierKind.RE_EVALUATION,
                state=state,
                revision=1,
                submitted_at=now,
                council=councils[second.pk]
                if state in DossierState.AT_PROVINCE | {DossierState.APPROVED}
                else None,
            )
        )
        plans.append((criteria_set, province))
    Dossier.objects.bulk_create(dossiers, batch_size=BATCH)
    # The lock the transitions would have written on the products under review.
    Product.objects.bulk_update(
        [
            Product(pk=dossier.product_id, locked_by_dossier_id=dossier.pk)
            for dossier in dossiers
            if dossier.state in LOCKING_STATES
        ],
        ["locked_by_dossier"],
        batch_size=BATCH,
    )
    return dossiers, plans
