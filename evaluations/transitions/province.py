"""Province-level transitions: assignment to a council, the chair's closing of scoring, and the
approver's decisions (Decision 26/2026, Art. 7.3-7.4). Each goes through ``core.apply``."""

from typing import Any

from django.utils.translation import gettext as _

from councils.approval_route import NOMINATE, RECOGNISE, approval_route
from councils.closing import close_scoring_refusal
from dossiers.models import Dossier

from .core import Action, TransitionError, apply

# ---- Provincial office ---------------------------------------------------------------------


def assign_dossier(dossier: Dossier, *, by, council) -> Dossier:
    """Giao hồ sơ cho hội đồng: the provincial office assigns a forwarded dossier to a council
    of the same round (Decision 26/2026, Art. 7.3)."""

    def check(locked: Dossier) -> None:
        if council.round_id != locked.round_id:
            raise TransitionError(_("Choose a council of the dossier's own round."))

    def effect(locked: Dossier) -> dict[str, Any]:
        locked.council = council
        return {"council": council.pk, "council_name": council.name}

    return apply(dossier, Action.ASSIGN, by=by, check=check, effect=effect)


# ---- Council chair -------------------------------------------------------------------------


def close_scoring(dossier: Dossier, *, by) -> Dossier:
    """Kết thúc chấm điểm: the chair closes scoring once every scoring member has submitted a
    sheet or declared a conflict; the scoring module computes the council's result, which waits
    for the provincial approver. Spreads beyond the council's limit must be discussed first: the
    chair's note on the session's agenda item is the record of it."""
    from councils.services import compute_council_result, store_council_result
    from councils.sessions import open_item_for, presence_of, quorum_of

    def presence(item):
        # In session only the members recorded present count (issue 18); on written opinions
        # (a re-evaluation outside any session, Art. 7.6) every member's sheet does.
        return presence_of(item.session) if item is not None else None

    def check(locked: Dossier) -> None:
        item = open_item_for(locked)
        outcome = compute_council_result(locked, presence(item))
        quorum = quorum_of(item.session) if item is not None else None
        refusal = close_scoring_refusal(locked, item=item, outcome=outcome, quorum=quorum)
        if refusal is not None:
            raise TransitionError(refusal)

    def effect(locked: Dossier) -> dict[str, Any]:
        item = open_item_for(locked)
        result = store_council_result(locked, by=by, presence=presence(item))
        return {
            "average": str(result.average),
            "stars": result.stars,
            "spread": str(result.spread),
            "discussed": bool(item and item.discussion_note.strip()),
        } | (
            {"absent_not_counted": [entry["name"] for entry in result.absent_members]}
            if result.absent_members
            else {}
        )

    return apply(dossier, Action.CLOSE_SCORING, by=by, check=check, effect=effect)


# ---- Provincial approver -------------------------------------------------------------------


def _result(locked: Dossier):
    result = getattr(locked, "result", None)
    if result is None:
        raise TransitionError(_("This dossier has no council result."))
    return result


def send_back_to_council(dossier: Dossier, *, by, reason: str) -> Dossier:
    """Trả lại hội đồng: the approver asks the council to look again; sheets reopen."""
    if not reason.strip():
        raise TransitionError(_("Give the reason for sending the result back."))

    def effect(locked: Dossier) -> None:
        locked.score_sheets.update(submitted_at=None)

    return apply(dossier, Action.SEND_BACK, by=by, comment=reason.strip(), effect=effect)


def approve_result(dossier: Dossier, *, by, decision_number: str, decision_date) -> Dossier:
    """Công nhận: the province recognises a 3★ or 4★ result with a decision and a certificate
    (Decision 26/2026, Art. 4.1). Results of 90 points and more go to the ministry instead."""
    from certificates.services import issue_certificate

    def check(locked: Dossier) -> None:
        result = _result(locked)
        route = approval_route(result)
        if route == NOMINATE:
            # Art. 7.3.e: a result of 90 points or more goes to the central council, even when
            # a 5★ minimum holds its rating at 4★ here.
            raise TransitionError(
                _(
                    "This result has 90 points or more: nominate it for national 5★ evaluation "
                    "(Decision 26/2026, Art. 7.3.e)."
                )
            )
        if route != RECOGNISE:
            raise TransitionError(
                _("Only 3★ and 4★ results are recognised by the province; this one is %(stars)s★.")
                % {"stars": result.stars}
            )

    def effect(locked: Dossier) -> dict[str, Any]:
        result = _result(locked)
        result.decision_number, result.decision_date = decision_number, decision_date
        result.save(update_fields=["decision_number", "decision_date"])
        certificate = issue_certificate(
            locked,
            by=by,
            decision_number=decision_number,
            decision_date=decision_date,
            stars=result.stars,
        )
        return {"certificate": certificate.number, "decision_number": decision_number}

    return apply(dossier, Action.APPROVE, by=by, check=check, effect=effect)


def notify_not_recognised(dossier: Dossier, *, by, decision_number: str, decision_date) -> Dossier:
    """Thông báo không công nhận: 1★ and 2★ results get a written notice, not a certificate."""
    from certificates.services import issue_notice

    def check(locked: Dossier) -> None:
        route = approval_route(_result(locked))
        if route == NOMINATE:  # Art. 7.3.e, whatever the minima held its rating to
            raise TransitionError(
                _(
                    "This result has 90 points or more: nominate it for national 5★ evaluation "
                    "(Decision 26/2026, Art. 7.3.e)."
                )
            )
        if route == RECOGNISE:
            raise TransitionError(_("This result reaches 3★: recognise it instead."))

    def effect(locked: Dossier) -> dict[str, Any]:
        result = _result(locked)
        result.decision_number, result.decision_date = decision_number, decision_date
        result.save(update_fields=["decision_number", "decision_date"])
        issue_notice(locked, by=by, decision_number=decision_number, decision_date=decision_date)
        return {"decision_number": decision_number}

    return apply(dossier, Action.NOTIFY_NOT_RECOGNISED, by=by, check=check, effect=effect)


def nominate_for_national(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    """Đề nghị đánh giá 5 sao: products "đạt từ 90 điểm trở lên" go to the ministry (Art. 7.3.e).
    The points decide; the 5★ minima still missed travel with the nomination (audit data) as
    information for the central council."""

    def check(locked: Dossier) -> None:
        result = _result(locked)
        if result.average < 90:
            raise TransitionError(_("Only products with 90 points or more can be nominated."))
        if approval_route(result) != NOMINATE:
            raise TransitionError(
                _("The evaluation of this product was stopped; it cannot be nominated.")
            )

    def effect(locked: Dossier) -> dict[str, Any]:
        return {"missing_five_star_minima": _result(locked).missing_five_star_minima}

    return apply(dossier, Action.NOMINATE, by=by, comment=comment, check=check, effect=effect)


def record_ministry_result(
    dossier: Dossier, *, by, decision_number: str, decision_date, stars: int
) -> Dossier:
    """Ghi nhận kết quả của Bộ: 5★ when the ministry recognises it; otherwise the province
    recognises the product at 4★ on its own decision."""
    from certificates.services import issue_certificate

    if stars not in (4, 5):
        raise TransitionError(_("The ministry's result is 5★, or 4★ kept by the province."))

    def effect(locked: Dossier) -> dict[str, Any]:
        result = _result(locked)
        result.ministry_decision_number, result.ministry_stars = decision_number, stars
        result.save(update_fields=["ministry_decision_number", "ministry_stars"])
        certificate = issue_certificate(
            locked, by=by, decision_number=decision_number, decision_date=decision_date, stars=stars
        )
        return {"certificate": certificate.number, "stars": stars}

    return apply(dossier, Action.RECORD_MINISTRY_RESULT, by=by, effect=effect)
