"""Council sessions (phiên họp hội đồng): attendance and quorum, the order of the products, the
spread list and its discussion, the secretary's consolidated sheet.

Closing a dossier's scoring stays a transition (``transitions.close_scoring``); it asks here
whether the session it sits in has its quorum and has discussed the product's spread.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from councils.approval_route import approval_route
from councils.conflicts import conflict_flags
from councils.models import (
    Council,
    CouncilMember,
    CouncilRole,
    CouncilSession,
    ScoreSheet,
    SessionItem,
    SessionState,
    WrittenSheetAdmission,
)
from councils.services import Presence, compute_council_result, criteria_set_for, outcome_for
from councils.sheet_findings import chosen_points
from criteria import scoring, scoring_notes
from dossiers.models import Dossier, DossierState
from regions.collation import vietnamese_order

RUNNING_ROLES = frozenset({CouncilRole.CHAIR, CouncilRole.SECRETARY})


def council_seat(user: User, council: Council) -> CouncilMember | None:
    if user.role != Role.COUNCIL_MEMBER:
        return None
    return council.members.filter(user=user).first()


def can_run_session(user: User, council: Council) -> bool:
    """Open a session, record attendance, set the order of products: the chair or the secretary."""
    seat = council_seat(user, council)
    return seat is not None and seat.role in RUNNING_ROLES


def can_record_discussion(user: User, council: Council) -> bool:
    seat = council_seat(user, council)
    return seat is not None and seat.role == CouncilRole.CHAIR


# ---- Quorum -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quorum:
    present: int
    needed: int
    seats: int
    chair_present: bool

    @property
    def met(self) -> bool:
        return self.chair_present and self.present >= self.needed


def quorum_from(council: Council, seats: Sequence[CouncilMember], present_ids: set[int]) -> Quorum:
    """Quorum from rows already loaded: scoring members present against the council's fraction
    of its scoring members (exact: 2/3 of 9 is 6), with the chair among them."""
    scoring_seats = [seat for seat in seats if seat.role in CouncilRole.SCORING]
    present = [seat for seat in scoring_seats if seat.pk in present_ids]
    needed = council.quorum_needed(len(scoring_seats))
    chair_present = any(seat.role == CouncilRole.CHAIR for seat in present)
    return Quorum(len(present), needed, len(scoring_seats), chair_present)


def quorum_of(session: CouncilSession) -> Quorum:
    seats = list(session.council.members.all())
    present_ids = set(session.attendees.values_list("pk", flat=True))
    return quorum_from(session.council, seats, present_ids)


def presence_of(session: CouncilSession) -> Presence:
    """Who counts in the session: the members recorded present, and the absent ones whose
    written sheet the secretary admitted."""
    return Presence(
        frozenset(session.attendees.values_list("pk", flat=True)),
        frozenset(session.written_admissions.values_list("member_id", flat=True)),
    )


def open_item_for(dossier: Dossier) -> SessionItem | None:
    """The dossier's place on the agenda of its council's open session, if any."""
    return (
        SessionItem.objects.select_related("session__council")
        .filter(dossier=dossier, session__state=SessionState.OPEN)
        .first()
    )


# ---- Running a session ------------------------------------------------------------------------


def _check_runs(session_or_council, by: User) -> None:
    council = getattr(session_or_council, "council", session_or_council)
    if not can_run_session(by, council):
        raise PermissionDenied


def _check_present(council: Council, present: Iterable[CouncilMember]) -> list[CouncilMember]:
    present = list(present)
    if any(seat.council_id != council.pk for seat in present):
        raise ValidationError(_("Only the council's own members can be recorded as present."))
    return present


def _add_pending_dossiers(session: CouncilSession) -> None:
    """Dossiers in scoring not yet on the agenda join it at the end, in the council's order."""
    listed = set(session.items.values_list("dossier_id", flat=True))
    last = max(session.items.values_list("position", flat=True), default=0)
    pending = (
        session.council.dossiers.filter(state=DossierState.IN_SCORING)
        .exclude(pk__in=listed)
        .order_by("product__criteria_set", vietnamese_order("product__name"), "pk")
    )
    SessionItem.objects.bulk_create(
        SessionItem(session=session, dossier=dossier, position=last + i)
        for i, dossier in enumerate(pending, start=1)
    )


@transaction.atomic
def open_session(
    council: Council,
    *,
    by: User,
    held_on: datetime.date,
    place: str,
    present: Iterable[CouncilMember],
) -> CouncilSession:
    """Khai mạc phiên họp: the chair or the secretary opens a sitting, records who is present,
    and the products in scoring go on its agenda in the council's order."""
    _check_runs(council, by)
    present = _check_present(council, present)
    session = CouncilSession(council=council, held_on=held_on, place=place.strip(), opened_by=by)
    session.full_clean(exclude=["council", "opened_by"])
    try:
        with transaction.atomic():
            session.save()
    except IntegrityError:
        raise ValidationError(
            _("This council already has an open session; close it before opening another.")
        ) from None
    session.attendees.set(present)
    _add_pending_dossiers(session)
    return session


def _check_open_session(session: CouncilSession) -> None:
    """Read under a row lock (callers are atomic): a session closed meanwhile, by another person
    or after the caller read it, is refused."""
    state = (
        CouncilSession.objects.select_for_update()
        .values_list("state", flat=True)
        .get(pk=session.pk)
    )
    if state != SessionState.OPEN:
        raise ValidationError(_("This session is closed."))


@transaction.atomic
def record_attendance(
    session: CouncilSession, *, by: User, present: Iterable[CouncilMember]
) -> CouncilSession:
    """Điểm danh: who is present now (members arriving late or leaving change the quorum)."""
    _check_runs(session, by)
    _check_open_session(session)
    session.attendees.set(_check_present(session.council, present))
    return session


@transaction.atomic
def set_agenda_order(
    session: CouncilSession, *, by: User, positions: dict[int, int]
) -> list[SessionItem]:
    """The order in which the council takes the products (item id → wished position). Ties keep
    the current order; positions are renumbered 1, 2, 3…"""
    _check_runs(session, by)
    _check_open_session(session)
    _add_pending_dossiers(session)
    items = list(session.items.select_for_update().order_by("position", "pk"))
    unknown = set(positions) - {item.pk for item in items}
    if unknown:
        raise ValidationError(_("A product is not on this session's agenda. Reload the page."))
    items.sort(key=lambda item: (positions.get(item.pk, item.position), item.position, item.pk))
    for number, item in enumerate(items, start=1):
        item.position = number
    SessionItem.objects.bulk_update(items, ["position"])
    return items


@transaction.atomic
def record_discussion(item: SessionItem, *, by: User, note: str) -> SessionItem:
    """Ghi ý kiến thảo luận: the chair notes what the council concluded about a product whose
    members' totals spread beyond the limit; scoring cannot close before it, and the minutes
    quote it."""
    if not can_record_discussion(by, item.session.council):
        raise PermissionDenied
    _check_open_session(item.session)
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Write what the council discussed and concluded."))
    item.discussion_note, item.discussed_at = note, timezone.now()
    item.save(update_fields=["discussion_note", "discussed_at"])
    return item


@transaction.atomic
def admit_written_sheet(
    session: CouncilSession, *, by: User, member: CouncilMember, basis: str
) -> WrittenSheetAdmission:
    """The secretary (or chair) records that an absent scoring member's written sheet counts,
    naming the provincial regulation that allows it. Never the default (issue 18)."""
    _check_runs(session, by)
    _check_open_session(session)
    if member.council_id != session.council_id or member.role not in CouncilRole.SCORING:
        raise ValidationError(_("Only a scoring member of this council can send a written sheet."))
    if session.attendees.filter(pk=member.pk).exists():
        raise ValidationError(_("This member is recorded present: the sheet counts already."))
    basis = (basis or "").strip()
    if not basis:
        raise ValidationError(
            _("Name the basis: the article of the council's regulation that allows it.")
        )
    admission, _created = WrittenSheetAdmission.objects.update_or_create(
        session=session, member=member, defaults={"basis": basis, "recorded_by": by}
    )
    return admission


def unscored_items(session: CouncilSession) -> list[SessionItem]:
    """Agenda items whose product has no counted sheet in this session."""
    presence = presence_of(session)
    items = session.items.select_related("dossier__product", "dossier__council", "dossier__round")
    return [item for item in items if not compute_council_result(item.dossier, presence).counted]


@transaction.atomic
def close_session(session: CouncilSession, *, by: User) -> CouncilSession:
    """Bế mạc: the sitting ends; its minutes can still be printed. Refused while a product on
    its agenda has no sheet that counts: the minutes would record a product nobody scored."""
    _check_runs(session, by)
    _check_open_session(session)
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    unscored = unscored_items(session)
    if unscored:
        raise ValidationError(
            _(
                "The session cannot close: no counted score sheet for %(products)s. Score "
                "them with the members present, or take them off the agenda."
            )
            % {"products": ", ".join(f"“{item.dossier.product.name}”" for item in unscored)}
        )
    session.state, session.closed_at = SessionState.CLOSED, timezone.now()
    session.save(update_fields=["state", "closed_at"])
    return session


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
    return Board(
        session,
        seats,
        scorers,
        present_ids,
        quorum_from(council, seats, present_ids),
        items,
        admitted_ids,
    )


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
