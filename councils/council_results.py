"""The council's result from its members' sheets (Decision 26/2026, Art. 3.3: the average of
the members' totals), and who counts: in a session only the members recorded present (issue 18).

Split from ``councils`` (which re-exports these names) to keep each module readable.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from councils.models import CouncilMember, CouncilResult, CouncilRole, ScoreSheet
from criteria import scoring
from dossiers.models import Dossier


@dataclass(frozen=True)
class Outcome:
    """Where a dossier's scoring stands: who is still awaited, who stood aside, and the result
    of the sheets that count so far (None while none does)."""

    waiting_for: list[str]
    excluded: list[str]
    result: scoring.CouncilResult | None
    counted: list[ScoreSheet] = field(default_factory=list)
    quorum_met: bool = True
    # Scoring members recorded absent from the session, with their sheet if they left one:
    # kept and listed apart, never counted (issue 18).
    absent: list[tuple[CouncilMember, ScoreSheet | None]] = field(default_factory=list)
    admitted: list[ScoreSheet] = field(default_factory=list)  # absent, written sheet admitted


@dataclass(frozen=True)
class Presence:
    """Who the session recorded present (council member ids), and the absent members whose
    written sheets the secretary admitted with a basis (``WrittenSheetAdmission``)."""

    present: frozenset[int]
    admitted: frozenset[int] = frozenset()

    def counts(self, seat: CouncilMember) -> bool:
        return seat.pk in self.present or seat.pk in self.admitted


def criteria_set_for(dossier: Dossier) -> scoring.CriteriaSet:
    """The sheet a dossier is scored on: the round's decision, the product's set."""
    return scoring.load_criteria_set(dossier.criteria_decision, dossier.product.criteria_set)


# ---- The council's result ---------------------------------------------------------------------


def outcome_for(
    dossier: Dossier,
    *,
    seats: Sequence[CouncilMember],
    sheets: Iterable[ScoreSheet],
    presence: Presence | None = None,
) -> Outcome:
    """The outcome from rows already loaded (the scoring seats of the dossier's council and its
    sheets): lists of many dossiers call this to stay at a fixed number of queries.

    With a session's ``presence``, only the sheets of members recorded present (or whose written
    sheet was admitted) count; without one (re-evaluation on written opinions, Art. 7.6, or a
    list outside any session) every submitted sheet does."""
    by_member = {sheet.member_id: sheet for sheet in sheets}
    waiting, excluded, counted, absent, admitted = [], [], [], [], []
    for seat in seats:
        if seat.role not in CouncilRole.SCORING:
            continue
        sheet = by_member.get(seat.user_id)
        if presence is not None and not presence.counts(seat):
            absent.append((seat, sheet))  # kept, listed apart, not counted
            continue
        if sheet is not None and presence is not None and seat.pk in presence.admitted:
            admitted.append(sheet)
        if sheet is not None and sheet.conflict_of_interest:
            excluded.append(str(seat.user))
        elif sheet is not None and sheet.is_submitted:
            counted.append(sheet)
        else:
            waiting.append(str(seat.user))
    # Absent members still hold their seats: the quorum is of the council's scoring members.
    scoring_seats = len(waiting) + len(excluded) + len(counted) + len(absent)
    quorum_met = dossier.council.reaches_quorum(len(counted), scoring_seats)
    result = None
    if counted:
        result = scoring.council_result(
            criteria_set_for(dossier),
            [sheet.points_by_code for sheet in counted],
            findings=[sheet.findings for sheet in counted],
            spread_limit=dossier.council.spread_limit,
        )
    return Outcome(waiting, excluded, result, counted, quorum_met, absent, admitted)


def compute_council_result(dossier: Dossier, presence: Presence | None = None) -> Outcome:
    """Who the chair still waits for, who declared a conflict, and the council's result over the
    submitted sheets without a conflict (Art. 3.3: the average of the members' totals)."""
    seats = list(
        CouncilMember.objects.filter(council_id=dossier.council_id, role__in=CouncilRole.SCORING)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )
    sheets = ScoreSheet.objects.filter(dossier=dossier).select_related("member")
    return outcome_for(dossier, seats=seats, sheets=sheets, presence=presence)


def _total(sheet: ScoreSheet | None) -> str | None:
    if sheet is None or sheet.total is None or not sheet.is_submitted:
        return None
    return str(sheet.total)


def store_council_result(
    dossier: Dossier, *, by: User, presence: Presence | None = None
) -> CouncilResult:
    """Keep what the scoring module computed when the chair closes scoring. A result the
    approver sent back is recomputed and replaced on the next close."""
    outcome = compute_council_result(dossier, presence)
    if outcome.result is None:
        raise ValidationError(_("No score sheet counts: every member declared a conflict."))
    result = outcome.result
    totals = {
        str(sheet.member_id): {"name": str(sheet.member), "total": str(total)}
        for sheet, total in zip(outcome.counted, result.member_totals, strict=True)
    }
    # Which note stopped the evaluation, and on whose sheets, for the approver and the records.
    stopped_by = [
        note.as_dict() | {"members": [str(outcome.counted[i].member) for i in note.sheets]}
        for note in result.stopped_by
    ]
    stored, _created = CouncilResult.objects.update_or_create(
        dossier=dossier,
        defaults={
            "average": result.average,
            "stars": result.stars,
            "band_stars": result.band_stars,
            "unmet_minima": list(result.unmet_minima),
            "member_totals": totals,
            "excluded_members": outcome.excluded,
            "absent_members": [
                {"name": str(seat.user), "total": _total(sheet)} for seat, sheet in outcome.absent
            ],
            "admitted_members": [str(sheet.member) for sheet in outcome.admitted],
            "spread": result.spread,
            "spread_exceeded": result.spread_exceeded,
            "stopped_by": stopped_by,
            "closed_by": by,
            "closed_at": timezone.now(),
        },
    )
    return stored
