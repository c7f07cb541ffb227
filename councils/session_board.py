"""Reading a council session: its board (seats, quorum, the agenda with each product's member
cells and outcome), the secretary's consolidated sheet and the proposed decision, for the
session page and the minutes (councils/sessions.py runs the session)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from councils.approval_route import approval_route
from councils.closing import close_scoring_refusal
from councils.conflicts import conflict_flags
from councils.models import (
    CouncilMember,
    CouncilRole,
    CouncilSession,
    ScoreSheet,
    SessionItem,
)
from councils.services import Presence, criteria_set_for, outcome_for
from councils.sessions import Quorum, quorum_from
from councils.sheet_findings import chosen_points
from criteria import scoring, scoring_notes
from dossiers.models import Dossier

# ---- Reading a session ------------------------------------------------------------------------


@dataclass
class Board:
    """What the session page and the minutes show: seats, quorum, and the agenda in order, each
    item with its dossier's member cells and outcome."""

    session: CouncilSession
    seats: list[CouncilMember]
    scorers: list[CouncilMember]
    present_ids: set[int]
    quorum: Quorum
    items: list[SessionItem]
    admitted_ids: set[int] = frozenset()

    @property
    def spread_list(self) -> list[SessionItem]:
        return [item for item in self.items if item.spread_exceeded]


def session_board(session: CouncilSession) -> Board:
    """The session with everything its page and its minutes read, in a fixed number of queries."""
    council = session.council
    seats = list(council.members.select_related("user").order_by("role", "user__full_name"))
    scorers = [seat for seat in seats if seat.role in CouncilRole.SCORING]
    present_ids = {seat.pk for seat in session.attendees.all()}
    admitted_ids = {a.member_id for a in session.written_admissions.all()}
    presence = Presence(frozenset(present_ids), frozenset(admitted_ids))
    items = list(
        session.items.select_related(
            "dossier__product__producer__commune", "dossier__round", "dossier__result"
        )
        .prefetch_related(
            Prefetch("dossier__score_sheets", ScoreSheet.objects.select_related("member"))
        )
        .order_by("position", "pk")
    )
    dossiers = [item.dossier for item in items]
    flags = conflict_flags([seat.user for seat in scorers], dossiers)
    quorum = quorum_from(council, seats, present_ids)
    for item in items:
        dossier = item.dossier
        dossier.council = council
        sheets = {sheet.member_id: sheet for sheet in dossier.score_sheets.all()}
        item.cells = [
            (seat, sheets.get(seat.user_id), flags.get((seat.user_id, dossier.pk), ()))
            for seat in scorers
        ]
        item.outcome = outcome_for(
            dossier, seats=scorers, sheets=sheets.values(), presence=presence
        )
        result = item.outcome.result
        item.spread_exceeded = bool(result and result.spread_exceeded)
        item.needs_discussion = item.spread_exceeded and not item.discussion_note
        # The transition's own rule: the page offers "Close scoring" only when it would close.
        item.closing_refusal = close_scoring_refusal(
            dossier, item=item, outcome=item.outcome, quorum=quorum
        )
    return Board(session, seats, scorers, present_ids, quorum, items, admitted_ids)


@dataclass(frozen=True)
class ConsolidatedRow:
    criterion: scoring.Criterion
    points: list[Decimal | None]  # one per counted sheet, in the order of ``sheets``
    average: Decimal | None


@dataclass(frozen=True)
class ConsolidatedPart:
    part: scoring.Part
    points: list[Decimal]  # each counted sheet's subtotal
    average: Decimal | None  # apportioned: the parts' averages add up to the council's total


@dataclass(frozen=True)
class Consolidated:
    """Phiếu tổng hợp của thư ký: per criterion, the counted sheets' points and their average;
    the total is the scoring module's council result, the very figure scoring closes on."""

    counted: list[ScoreSheet]
    excluded: list[ScoreSheet]
    rows: list[ConsolidatedRow]
    result: scoring.CouncilResult | None
    parts: list[ConsolidatedPart]
    # The notes that stopped the evaluation, each with the members whose sheets met it.
    stops: list[tuple[scoring_notes.AppliedNote, list[str]]] = field(default_factory=list)
    # Sheets of members absent from the session: kept, listed apart, not counted.
    absent: list[ScoreSheet] = field(default_factory=list)


def consolidated_sheet(dossier: Dossier, outcome, sheets: Iterable[ScoreSheet]) -> Consolidated:
    counted = list(outcome.counted)
    absent = [sheet for _seat, sheet in outcome.absent if sheet is not None]
    excluded = [sheet for sheet in sheets if sheet.conflict_of_interest and sheet not in absent]
    result = outcome.result
    criteria_set = criteria_set_for(dossier)
    # The points as they count: a criterion that does not apply on a sheet (5.2 without a story
    # in 5.1) shows 0 there, so each row's average is the average of its cells.
    counting = [
        scoring_notes.applicable_points(criteria_set, chosen_points(sheet.points_by_code))
        for sheet in counted
    ]
    rows = []
    for criterion in criteria_set.leaf_criteria():
        points = [sheet.get(criterion.code) for sheet in counting]
        average = result.points.get(criterion.code) if result else None
        if average is not None:
            average = average.quantize(Decimal("0.01"))
        rows.append(ConsolidatedRow(criterion, points, average))
    by_code = {row.criterion.code: row for row in rows}
    parts = [
        ConsolidatedPart(
            part,
            [
                sum(
                    (by_code[leaf.code].points[i] or Decimal(0) for leaf in part.leaves()),
                    Decimal(0),
                )
                for i in range(len(counted))
            ],
            result.parts.get(part.code) if result else None,
        )
        for part in criteria_set.parts
    ]
    stops = [
        (note, [counted[i].member.full_name for i in note.sheets])
        for note in (result.stopped_by if result else ())
    ]
    return Consolidated(counted, excluded, rows, result, parts, stops, absent)


def proposed_decision(result) -> str:
    """What the council proposes to the approver: the approval route of its result
    (``approval_route``: the ministry from 90 points, recognition at 3★ or 4★, otherwise a
    notice; a result stopped by a sheet's note is never rated)."""
    return approval_route(result)
