"""The approver's decision on one council result (issue 20): what the screen reads beside it
(the council's proposal, the consolidated sheet, the results of the same session) and the one
function that carries the decision out through the transitions."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models import IssuedDocument
from councils.approval_route import NOMINATE, NOTICE, RECOGNISE, approval_route
from councils.models import CouncilResult, ScoreSheet, SessionItem, SessionState
from councils.services import compute_council_result
from councils.session_board import Consolidated, consolidated_sheet
from councils.sessions import presence_of
from dossiers.models import Dossier, DossierState

from . import transitions

SEND_BACK = "send_back"

DECISION_LABELS = {
    RECOGNISE: gettext_lazy("Approve the rating: recognise the product and issue its certificate"),
    NOTICE: gettext_lazy("Notice without rating: not recognised, a written notice is issued"),
    NOMINATE: gettext_lazy("Nominate to the Ministry for national 5★ evaluation"),
    SEND_BACK: gettext_lazy("Send back to the council to score again"),
}


def decision_choices(result: CouncilResult) -> list[tuple[str, str]]:
    """The decisions the law leaves for this result: its one route (``approval_route``), or
    sending it back to the council, which is always open to the approver."""
    return [(route, DECISION_LABELS[route]) for route in (approval_route(result), SEND_BACK)]


def decide(
    result: CouncilResult,
    *,
    by,
    decision: str,
    decision_number: str = "",
    decision_date=None,
    reason: str = "",
) -> Dossier:
    """Carry out the approver's decision through the transitions (locked, checked, audited).
    A decision other than the result's route or a send-back is refused, whatever the form
    posted."""
    dossier = result.dossier
    if decision == SEND_BACK:
        return transitions.send_back_to_council(dossier, by=by, reason=reason)
    if decision != approval_route(result):
        raise transitions.TransitionError(
            _("The law does not allow this decision for this result: %(allowed)s.")
            % {"allowed": DECISION_LABELS[approval_route(result)]}
        )
    if decision == NOMINATE:
        return transitions.nominate_for_national(dossier, by=by)
    if decision == RECOGNISE:
        step = transitions.approve_result
    else:
        step = transitions.notify_not_recognised
    return step(dossier, by=by, decision_number=decision_number, decision_date=decision_date)


@dataclass
class ApprovalSheet:
    """What the approval screen shows for one result."""

    result: CouncilResult
    route: str
    item: SessionItem | None  # the result's place on its session's agenda
    consolidated: Consolidated
    missing_minima: list[str]
    proposal: IssuedDocument | None  # the session's tờ trình as issued (signed), if it is
    siblings: list[tuple[int, str]] = field(default_factory=list)  # (result id, state) in order
    notes: list[str] = field(default_factory=list)  # the chair's discussion notes

    @property
    def groups(self) -> list[tuple[object, list]]:
        """The consolidated sheet by group of criteria (the parts of the law's sheet): each
        part's subtotal row with its criteria's rows."""
        by_code = {row.criterion.code: row for row in self.consolidated.rows}
        return [
            (part, [by_code[leaf.code] for leaf in part.part.leaves() if leaf.code in by_code])
            for part in self.consolidated.parts
        ]

    @property
    def spread_limit(self):
        return self.result.dossier.council.spread_limit if self.result.dossier.council else None

    @property
    def awaiting(self) -> bool:
        return self.result.dossier.state == DossierState.SCORED

    @property
    def position(self) -> int:
        return [pk for pk, _state in self.siblings].index(self.result.pk) + 1

    def _step(self, offset: int) -> int | None:
        index = self.position - 1 + offset
        return self.siblings[index][0] if 0 <= index < len(self.siblings) else None

    @property
    def previous_id(self) -> int | None:
        return self._step(-1)

    @property
    def next_id(self) -> int | None:
        return self._step(1)

    @property
    def next_awaiting_id(self) -> int | None:
        """The next result of the same session still waiting, after this one, then before."""
        later = self.siblings[self.position :] + self.siblings[: self.position - 1]
        return next((pk for pk, state in later if state == DossierState.SCORED), None)


def latest_item(dossier: Dossier) -> SessionItem | None:
    """The agenda item of the session that scored the dossier (the latest, after a send-back)."""
    return (
        SessionItem.objects.filter(dossier=dossier)
        .select_related("session__council__round")
        .order_by("-session__held_on", "-session__pk")
        .first()
    )


def approval_sheet(result: CouncilResult) -> ApprovalSheet:
    dossier = result.dossier
    item = latest_item(dossier)
    # The members who counted at the close: those recorded present at the session (issue 18),
    # or every member on written opinions (a re-evaluation outside any session, Art. 7.6).
    presence = presence_of(item.session) if item is not None else None
    if dossier.council_id is None:
        # A result recorded without a council's sheets (an imported register): figures only.
        consolidated = Consolidated([], [], [], None, [])
    else:
        outcome = compute_council_result(dossier, presence)
        sheets = ScoreSheet.objects.filter(dossier=dossier).select_related("member")
        consolidated = consolidated_sheet(dossier, outcome, sheets)
    missing = result.missing_five_star_minima_described()
    proposal = None
    if item is not None:
        proposal = IssuedDocument.objects.filter(key=f"proposal:{item.session_id}").first()
        results = CouncilResult.objects.filter(
            dossier__session_items__session_id=item.session_id
        ).order_by("dossier__session_items__position", "pk")
    else:
        results = CouncilResult.objects.filter(
            dossier__round_id=dossier.round_id, dossier__council_id=dossier.council_id
        ).order_by("closed_at", "pk")
    siblings = list(results.values_list("pk", "dossier__state").distinct())
    if result.pk not in {pk for pk, _state in siblings}:
        siblings.append((result.pk, dossier.state))
    notes = list(
        SessionItem.objects.filter(dossier=dossier)
        .exclude(discussion_note="")
        .values_list("discussion_note", flat=True)
    )
    return ApprovalSheet(
        result,
        approval_route(result),
        item,
        consolidated,
        missing,
        proposal,
        siblings,
        notes,
    )


def session_is_closed(item: SessionItem | None) -> bool:
    return item is not None and item.session.state == SessionState.CLOSED


def last_decision(sheet: ApprovalSheet) -> tuple[str, object] | None:
    """The decision number and date of the session's latest decided result: results of one
    session are usually recognised by one decision, so the screen offers them again."""
    ids = [pk for pk, _state in sheet.siblings if pk != sheet.result.pk]
    decided = (
        CouncilResult.objects.filter(pk__in=ids)
        .exclude(decision_number="")
        .exclude(decision_date=None)
        .order_by("-dossier__updated_at", "-pk")
        .values_list("decision_number", "decision_date")
        .first()
    )
    return decided
