"""The only doorway through which a dossier changes state.

One table of allowed moves; one locked, audited function applies them. Every public function
takes the dossier first and keyword-only arguments after it, checks the rule the law sets for that
step, and leaves a ``DossierEvent``. Emails go out after the transaction commits, so a failing mail
server never undoes a decision.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions
from .models import Dossier, DossierEvent
from .models import DossierState as S


class Action(models.TextChoices):
    SUBMIT = "submit", gettext_lazy("Submitted")
    RESUBMIT = "resubmit", gettext_lazy("Resubmitted after correction")
    WITHDRAW = "withdraw", gettext_lazy("Withdrawn by the producer")
    RETURN = "return", gettext_lazy("Returned for correction")
    ACCEPT = "accept", gettext_lazy("Accepted locally")
    REJECT = "reject", gettext_lazy("Rejected")
    FORWARD = "forward", gettext_lazy("Forwarded to the province")
    ASSIGN = "assign", gettext_lazy("Assigned to a council")
    CLOSE_SCORING = "close_scoring", gettext_lazy("Council scoring closed")
    SEND_BACK = "send_back", gettext_lazy("Sent back to the council")
    APPROVE = "approve", gettext_lazy("Recognised by the province")
    NOTIFY_NOT_RECOGNISED = "notify_not_recognised", gettext_lazy("Not recognised (notice)")
    NOMINATE = "nominate", gettext_lazy("Nominated for national 5★ evaluation")
    RECORD_MINISTRY_RESULT = "record_ministry_result", gettext_lazy("Ministry result recorded")
    EDIT = "edit", gettext_lazy("Dossier content changed")


# action: (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    Action.SUBMIT: (frozenset({S.DRAFT}), S.SUBMITTED),
    Action.RESUBMIT: (frozenset({S.RETURNED}), S.SUBMITTED),
    Action.WITHDRAW: (frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED}), S.WITHDRAWN),
    Action.RETURN: (frozenset({S.SUBMITTED}), S.RETURNED),
    Action.ACCEPT: (frozenset({S.SUBMITTED}), S.ACCEPTED),
    Action.REJECT: (frozenset({S.SUBMITTED, S.ACCEPTED}), S.REJECTED),
    Action.FORWARD: (frozenset({S.ACCEPTED}), S.FORWARDED),
    Action.ASSIGN: (frozenset({S.FORWARDED}), S.IN_SCORING),
    Action.CLOSE_SCORING: (frozenset({S.IN_SCORING}), S.SCORED),
    Action.SEND_BACK: (frozenset({S.SCORED, S.NOMINATED}), S.IN_SCORING),
    Action.APPROVE: (frozenset({S.SCORED}), S.APPROVED),
    Action.NOTIFY_NOT_RECOGNISED: (frozenset({S.SCORED}), S.NOT_RECOGNISED),
    Action.NOMINATE: (frozenset({S.SCORED}), S.NOMINATED),
    Action.RECORD_MINISTRY_RESULT: (frozenset({S.NOMINATED}), S.APPROVED),
}


class TransitionError(Exception):
    """A move the rules refuse; its message is written for the person who tried it."""


def allowed_actions(user, dossier: Dossier) -> list[str]:
    """The actions `user` may take on `dossier` now: for buttons, never for enforcement."""
    return [
        action
        for action, (sources, _target) in TRANSITIONS.items()
        if dossier.state in sources and permissions.can(user, action, dossier)
    ]


@transaction.atomic
def apply(
    dossier: Dossier,
    action: str,
    *,
    by,
    comment: str = "",
    data: dict[str, Any] | None = None,
    check: Callable[[Dossier], None] | None = None,
    effect: Callable[[Dossier], dict[str, Any] | None] | None = None,
) -> Dossier:
    """Move `dossier` by `action`: lock, check state and permission, run the step's own rule
    (`check`) and side effect (`effect`, which may add to the audit data), write the audit row.

    The row lock makes two officers acting at once safe: the second waits, then finds the dossier
    has moved on and gets a clear message instead of a second transition.
    """
    sources, target = TRANSITIONS[action]
    locked = (
        Dossier.objects.select_for_update()
        .select_related("round", "product", "product__producer", "product__producer__commune")
        .get(pk=dossier.pk)
    )
    if locked.state not in sources:
        raise TransitionError(
            _("This dossier is now “%(state)s”; the action was not applied. Reload the page.")
            % {"state": locked.get_state_display()}
        )
    if not permissions.can(by, action, locked):
        raise PermissionDenied
    if check is not None:
        check(locked)
    audit = dict(data or {})
    if effect is not None:
        audit.update(effect(locked) or {})
    previous = locked.state
    locked.state = target
    locked.save()
    DossierEvent.objects.create(
        dossier=locked,
        actor=by,
        action=action,
        from_state=previous,
        to_state=target,
        comment=comment,
        data=audit,
    )
    from .notifications import notify_state_change

    transaction.on_commit(lambda: notify_state_change(locked.pk, action))
    return locked


def record_change(dossier: Dossier, *, by, what: str, data: dict[str, Any] | None = None) -> None:
    """Audit a change to the content of a dossier that has been submitted (no state change)."""
    if dossier.revision == 0:
        return  # a first draft is the producer's own business
    DossierEvent.objects.create(
        dossier=dossier,
        actor=by,
        action=Action.EDIT,
        from_state=dossier.state,
        to_state=dossier.state,
        comment=what,
        data=data or {},
    )


# ---- Producer ------------------------------------------------------------------------------


def _check_submittable(dossier: Dossier) -> None:
    from .services import missing_documents

    if not dossier.round.accepts_dossiers():
        raise TransitionError(
            _("Round “%(round)s” does not accept dossiers now (open %(opens)s to %(cutoff)s).")
            % {
                "round": dossier.round,
                "opens": dossier.round.opens_on.strftime("%d/%m/%Y"),
                "cutoff": dossier.round.local_cutoff_on.strftime("%d/%m/%Y"),
            }
        )
    missing = missing_documents(dossier)
    if missing:
        raise TransitionError(
            _("The dossier is not complete. Add: %(missing)s.")
            % {"missing": ", ".join(str(label) for label in missing)}
        )


def _mark_submitted(dossier: Dossier) -> dict[str, Any]:
    from .services import snapshot_self_assessment

    dossier.revision += 1
    dossier.submitted_at = timezone.now()
    return {"revision": dossier.revision, "self_assessment": snapshot_self_assessment(dossier)}


def submit_dossier(dossier: Dossier, *, by) -> Dossier:
    """Nộp hồ sơ: the producer files a complete dossier in an open round (Art. 7.1)."""
    return apply(dossier, Action.SUBMIT, by=by, check=_check_submittable, effect=_mark_submitted)


def resubmit_dossier(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    """Nộp lại: the producer answers a request for correction with a new revision."""

    def check(locked: Dossier) -> None:
        from .models import RoundState
        from .services import missing_documents

        if locked.round.state != RoundState.OPEN:
            raise TransitionError(
                _("The round is closed; the dossier can no longer be resubmitted.")
            )
        missing = missing_documents(locked)
        if missing:
            raise TransitionError(
                _("The dossier is not complete. Add: %(missing)s.")
                % {"missing": ", ".join(str(label) for label in missing)}
            )

    return apply(
        dossier, Action.RESUBMIT, by=by, comment=comment, check=check, effect=_mark_submitted
    )


def withdraw_dossier(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    return apply(dossier, Action.WITHDRAW, by=by, comment=comment)


# ---- Local officer -------------------------------------------------------------------------


def return_dossier(
    dossier: Dossier, *, by, items: list[dict[str, str]], comment: str = ""
) -> Dossier:
    """Trả hồ sơ: send back for correction with a comment per item asked (Art. 7.2)."""
    items = [item for item in items if (item.get("comment") or "").strip()]
    if not items:
        raise TransitionError(_("List at least one item to correct, with a comment."))
    return apply(dossier, Action.RETURN, by=by, comment=comment, data={"items": items})


LOCAL_ASSESSMENT_AREAS = ("raw_materials", "local_labour", "idea_origin", "local_identity")


def accept_dossier(
    dossier: Dossier, *, by, assessment: dict[str, str], comment: str = ""
) -> Dossier:
    """Tiếp nhận: accept with the commune's assessment of four areas (Form 03, Art. 7.2)."""
    missing = [area for area in LOCAL_ASSESSMENT_AREAS if not (assessment.get(area) or "").strip()]
    if missing:
        raise TransitionError(_("Fill in all four areas of the local assessment (Form 03)."))

    def effect(locked: Dossier) -> None:
        locked.local_assessment = {
            area: assessment[area].strip() for area in LOCAL_ASSESSMENT_AREAS
        }

    return apply(dossier, Action.ACCEPT, by=by, comment=comment, effect=effect)


def reject_dossier(dossier: Dossier, *, by, reason: str) -> Dossier:
    if not reason.strip():
        raise TransitionError(_("Give the reason for the rejection."))
    return apply(dossier, Action.REJECT, by=by, comment=reason.strip())


def forward_dossier(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    """Chuyển hồ sơ lên tỉnh: the commune forwards the accepted dossier to the province."""
    return apply(dossier, Action.FORWARD, by=by, comment=comment)


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


def close_scoring(dossier: Dossier, *, by, discussed: bool = False) -> Dossier:
    """Kết thúc chấm điểm: the chair closes scoring once every scoring member has submitted a
    sheet or declared a conflict; the scoring module computes the council's result, which waits
    for the provincial approver. Spreads beyond the council's limit must be discussed first."""
    from .services import compute_council_result, store_council_result

    def check(locked: Dossier) -> None:
        outcome = compute_council_result(locked)
        if outcome.waiting_for:
            raise TransitionError(
                _("Not every member has submitted a score sheet yet: %(names)s.")
                % {"names": ", ".join(outcome.waiting_for)}
            )
        if outcome.result is None:
            raise TransitionError(_("No score sheet counts: every member declared a conflict."))
        if outcome.result.spread_exceeded and not discussed:
            raise TransitionError(
                _(
                    "Members' totals differ by %(spread)s points, more than the council's limit. "
                    "Discuss the product, then confirm that it was discussed."
                )
                % {"spread": outcome.result.spread}
            )

    def effect(locked: Dossier) -> dict[str, Any]:
        result = store_council_result(locked, by=by)
        return {
            "average": str(result.average),
            "stars": result.stars,
            "spread": str(result.spread),
            "discussed": discussed,
        }

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
    from .certificates import issue_certificate

    def check(locked: Dossier) -> None:
        result = _result(locked)
        if result.stars not in (3, 4):
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
    from .certificates import issue_notice

    def check(locked: Dossier) -> None:
        if _result(locked).stars >= 3:
            raise TransitionError(_("This result reaches 3★: recognise it instead."))

    def effect(locked: Dossier) -> dict[str, Any]:
        result = _result(locked)
        result.decision_number, result.decision_date = decision_number, decision_date
        result.save(update_fields=["decision_number", "decision_date"])
        issue_notice(locked, by=by, decision_number=decision_number, decision_date=decision_date)
        return {"decision_number": decision_number}

    return apply(dossier, Action.NOTIFY_NOT_RECOGNISED, by=by, check=check, effect=effect)


def nominate_for_national(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    """Đề nghị đánh giá 5 sao: products with 90 points or more go to the ministry (Art. 4.1)."""

    def check(locked: Dossier) -> None:
        if _result(locked).average < 90:
            raise TransitionError(_("Only products with 90 points or more can be nominated."))

    return apply(dossier, Action.NOMINATE, by=by, comment=comment, check=check)


def record_ministry_result(
    dossier: Dossier, *, by, decision_number: str, decision_date, stars: int
) -> Dossier:
    """Ghi nhận kết quả của Bộ: 5★ when the ministry recognises it; otherwise the province
    recognises the product at 4★ on its own decision."""
    from .certificates import issue_certificate

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
