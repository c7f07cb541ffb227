"""Councils and their score sheets: forming a council, members' sheets, the council's result.

The dossier's own moves (assigned to a council, scoring closed) go through
``evaluations.transitions``; this module writes the rows around them. Decision 26/2026, Art. 3.3
and 7.3: each member scores the product independently on the sheet of its criteria set, and the
council's result is the average of the members' totals.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from councils import permissions, sheet_findings
from councils.council_results import (  # noqa: F401  (re-exported: the result lives there)
    Outcome,
    Presence,
    compute_council_result,
    criteria_set_for,
    outcome_for,
    store_council_result,
)
from councils.models import Council, CouncilMember, CouncilRole, ScoreSheet
from criteria import scoring, scoring_notes
from dossiers.models import Dossier, DossierState, Round, RoundState
from dossiers.permissions import can_manage_round

# ---- Forming a council ------------------------------------------------------------------------


@transaction.atomic
def form_council(
    round: Round,
    *,
    by: User,
    name: str,
    chair: User,
    secretary: User | None = None,
    members: Iterable[User] = (),
    advisers: Iterable[User] = (),
    spread_limit: Decimal = Decimal(10),
    quorum: Fraction = Fraction(2, 3),
) -> Council:
    """Thành lập Hội đồng và Tổ tư vấn: the provincial office seats a council for a round
    (Decision 26/2026, Art. 7.3.b). Each person holds one seat; advisers do not score."""
    if not can_manage_round(by, round.province_id):
        raise PermissionDenied
    if round.state == RoundState.CLOSED:
        raise ValidationError(_("The round is closed; it can no longer have a council."))
    seats = [(chair, CouncilRole.CHAIR)]
    if secretary is not None:
        seats.append((secretary, CouncilRole.SECRETARY))
    seats += [(user, CouncilRole.MEMBER) for user in members]
    seats += [(user, CouncilRole.ADVISER) for user in advisers]
    seen: set[int] = set()
    for user, _role in seats:
        if user.pk in seen:
            raise ValidationError(
                _("%(name)s is given more than one seat; choose one role for each person.")
                % {"name": user}
            )
        seen.add(user.pk)
        if not (
            user.is_active
            and user.role == Role.COUNCIL_MEMBER
            and user.province_id == round.province_id
        ):
            raise ValidationError(
                _("%(name)s has no council member account in this province.") % {"name": user}
            )
    council = Council(
        round=round,
        name=name,
        spread_limit=spread_limit,
        quorum_numerator=quorum.numerator,
        quorum_denominator=quorum.denominator,
    )
    council.full_clean()
    council.save()
    CouncilMember.objects.bulk_create(
        CouncilMember(council=council, user=user, role=role) for user, role in seats
    )
    return council


# ---- Score sheets -----------------------------------------------------------------------------


def sheet_for(dossier: Dossier, member: User) -> ScoreSheet:
    """The member's sheet for the dossier, created empty on first use."""
    sheet, _created = ScoreSheet.objects.get_or_create(
        dossier=dossier, member=member, defaults={"dossier_revision": dossier.revision}
    )
    # The rows the caller holds, so that reading them through the sheet asks nothing again.
    sheet.dossier, sheet.member = dossier, member
    return sheet


def _locked(sheet: ScoreSheet, *, as_read: bool = False) -> ScoreSheet:
    # Two tabs (or a phone and a laptop) autosaving at once: the row lock makes each merge see
    # the other's answers instead of overwriting them.
    rows = ScoreSheet.objects.select_for_update(of=("self",))
    if not as_read:
        return rows.select_related(
            "dossier__round", "dossier__product", "dossier__council", "member"
        ).get(pk=sheet.pk)
    # An autosave (every few seconds per member in session): the dossier and the member the
    # caller read are kept, rather than read again through a five-table join whose planning cost
    # more than the save; what decides whether the sheet may change is read again under the lock.
    # The caller need not have read the sheet: it is found (or made, on a first answer) here.
    try:
        locked = rows.get(dossier=sheet.dossier_id, member=sheet.member_id)
    except ScoreSheet.DoesNotExist:
        locked = rows.get(pk=sheet_for(sheet.dossier, sheet.member).pk)
    locked.dossier, locked.member = sheet.dossier, sheet.member
    locked.dossier.refresh_from_db(fields=["state", "revision", "council"])
    return locked


def _check_open(sheet: ScoreSheet, *, declaring: bool = False) -> None:
    from councils.conflicts import conflict_reasons

    if sheet.dossier.state != DossierState.IN_SCORING:
        raise ValidationError(_("Scoring of this dossier is closed."), code="closed")
    if sheet.conflict_of_interest:
        raise ValidationError(
            _("You declared a conflict of interest for this dossier; you do not score it."),
            code="conflict",
        )
    if sheet.is_submitted:
        raise ValidationError(
            _("You have submitted this score sheet; it can no longer be changed."),
            code="submitted",
        )
    if not permissions.can_score(sheet.member, sheet.dossier):
        raise PermissionDenied
    if not declaring and not sheet.has_declared:
        reasons = conflict_reasons(sheet.member, sheet.dossier)
        if reasons:
            raise ValidationError(
                _(
                    "You may have a conflict of interest with this producer (%(reasons)s). "
                    "Declare whether you have one before scoring."
                )
                % {"reasons": "; ".join(reasons)},
                code="undeclared",
            )


def _as_points(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        points = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return points if points.is_finite() else None


@transaction.atomic
def save_sheet_points(
    sheet: ScoreSheet,
    *,
    points: Mapping[str, object],
    options: Mapping[str, int] | None = None,
    findings: Mapping[str, bool] | None = None,
) -> ScoreSheet:
    """Autosave some criteria of a member's sheet (criterion code → points; None or "" clears).

    ``sheet`` may be one not read yet, ``ScoreSheet(dossier=…, member=…)``: the saved one is
    returned.

    Each value must be the points of one of the criterion's options. ``options`` may name the
    option ticked (its index) where two options of a criterion carry the same points.
    ``findings`` records or withdraws the finding of a criterion's note (code → recorded), e.g.
    imported raw materials under 1.1. Nothing is saved if any value is refused, and nothing once
    the sheet is submitted.
    """
    locked = _locked(sheet, as_read=True)
    _check_open(locked)
    criteria_set = criteria_set_for(locked.dossier)
    leaves = {c.code: c for c in criteria_set.leaf_criteria()}
    recorded = sheet_findings.merged(criteria_set, locked.findings, findings or {})
    chosen, ticked = dict(locked.points_by_code), dict(locked.options_by_code)
    for code, value in points.items():
        criterion = leaves.get(code)
        if criterion is None:
            raise ValidationError(
                _("Criterion %(code)s is not on this sheet. Reload the page.") % {"code": code},
                code="unknown",
            )
        if value in (None, ""):
            chosen.pop(code, None)
            ticked.pop(code, None)
            continue
        value_points = _as_points(value)
        if value_points is None or criterion.option_for(value_points) is None:
            raise ValidationError(
                _("Choose one of the options listed for criterion %(code)s.") % {"code": code},
                code="invalid",
            )
        index = (options or {}).get(code)
        valid_index = isinstance(index, int) and 0 <= index < len(criterion.options)
        if not valid_index or criterion.options[index].points != value_points:
            index = next(
                i for i, option in enumerate(criterion.options) if option.points == value_points
            )
        chosen[code], ticked[code] = str(value_points), index
    locked.points_by_code, locked.options_by_code = chosen, ticked
    locked.findings = recorded
    # The sheet scores the revision the member has in front of them when they save.
    locked.dossier_revision = locked.dossier.revision
    fields = ["points_by_code", "options_by_code", "findings", "dossier_revision", "updated_at"]
    locked.save(update_fields=fields)
    return locked


def ticked_options(sheet: ScoreSheet, criteria_set: scoring.CriteriaSet) -> dict[str, int]:
    """Criterion code → index of the option the sheet holds, for rendering it."""
    ticked = {}
    for code, value in sheet.points_by_code.items():
        try:
            options = criteria_set.criterion(code).options
        except scoring.UnknownCriterion:
            continue
        points, index = _as_points(value), sheet.options_by_code.get(code)
        if not (isinstance(index, int) and 0 <= index < len(options)):
            index = None
        if index is None or options[index].points != points:
            index = next((i for i, o in enumerate(options) if o.points == points), None)
        if index is not None:
            ticked[code] = index
    return ticked


def running_total(sheet: ScoreSheet, criteria_set: scoring.CriteriaSet | None = None) -> Decimal:
    """The sum of the points chosen so far (the total of a sheet still being filled); with the
    criteria set, a criterion that does not apply (5.2 without a story) counts 0."""
    chosen = sheet_findings.chosen_points(sheet.points_by_code)
    if criteria_set is not None:
        chosen = scoring_notes.applicable_points(criteria_set, chosen)
    return sum(chosen.values(), Decimal(0))


@transaction.atomic
def submit_sheet(sheet: ScoreSheet, *, by: User) -> ScoreSheet:
    """Nộp phiếu: the member submits a complete sheet; it is locked from then on and becomes
    readable by the chair, the secretary and the province. Submitting twice changes nothing."""
    locked = _locked(sheet)
    if locked.member_id != by.pk:
        raise PermissionDenied
    if locked.is_submitted:
        return locked
    _check_open(locked)
    criteria_set = criteria_set_for(locked.dossier)
    chosen, errors = scoring.validate(criteria_set, locked.points_by_code)
    if errors:
        codes = ", ".join(e.code for e in errors if e.code)
        raise ValidationError(
            _("Score every criterion before submitting. Still to score: %(codes)s.")
            % {"codes": codes},
            code="incomplete",
        )
    locked.total = scoring.score(criteria_set, chosen, findings=locked.findings).total
    locked.dossier_revision = locked.dossier.revision
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["total", "dossier_revision", "submitted_at", "updated_at"])
    return locked


@transaction.atomic
def declare_conflict(dossier: Dossier, *, member: User, note: str) -> ScoreSheet:
    """Khai báo xung đột lợi ích: the member stands aside from scoring this dossier, saying why.
    Their sheet is emptied and left out of the council's average."""
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Say briefly what the conflict of interest is."), code="note")
    locked = _locked(sheet_for(dossier, member))
    _check_open(locked, declaring=True)
    locked.conflict_of_interest, locked.conflict_note = True, note
    locked.conflict_declared_at = timezone.now()
    locked.points_by_code, locked.options_by_code, locked.total = {}, {}, None
    locked.findings = []
    locked.save()
    return locked


@transaction.atomic
def declare_no_conflict(dossier: Dossier, *, member: User) -> ScoreSheet:
    """The member declares having no conflict of interest with this dossier's producer, which
    lets a flagged member score it. The declaration is dated and kept for the minutes."""
    locked = _locked(sheet_for(dossier, member))
    _check_open(locked, declaring=True)
    if locked.conflict_declared_at is None:
        locked.conflict_declared_at = timezone.now()
        locked.save(update_fields=["conflict_declared_at", "updated_at"])
    return locked
