"""Council sessions (phiên họp hội đồng): attendance and quorum, the order of the products, the
spread list and its discussion, the secretary's consolidated sheet.

Closing a dossier's scoring stays a transition (``transitions.close_scoring``); it asks here
whether the session it sits in has its quorum and has discussed the product's spread.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from councils.models import (
    Council,
    CouncilMember,
    CouncilRole,
    CouncilSession,
    SessionItem,
    SessionState,
    WrittenSheetAdmission,
)
from councils.permissions import can_record_discussion, can_run_session
from councils.services import Presence, compute_council_result
from dossiers.models import Dossier, DossierState
from regions.collation import vietnamese_order

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
