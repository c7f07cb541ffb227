"""The table of allowed moves and the one locked, audited function that applies them."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from products.models import Product

from .. import permissions
from ..models import Dossier, DossierAction, DossierEvent
from ..models import DossierState as S

Action = DossierAction

# action: (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    # Producer (Decision 26/2026, Art. 7.1)
    Action.SUBMIT: (frozenset({S.DRAFT}), S.SUBMITTED),
    Action.RESUBMIT: (frozenset({S.RETURNED}), S.SUBMITTED),
    Action.WITHDRAW: (frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED}), S.WITHDRAWN),
    # Local officer, commune or former district (Art. 7.2)
    Action.RETURN: (frozenset({S.SUBMITTED}), S.RETURNED),
    Action.ACCEPT: (frozenset({S.SUBMITTED}), S.ACCEPTED),
    Action.REJECT: (frozenset({S.SUBMITTED, S.ACCEPTED}), S.REJECTED),
    Action.FORWARD: (frozenset({S.ACCEPTED}), S.FORWARDED),
    # Province (Art. 7.3)
    Action.ASSIGN: (frozenset({S.FORWARDED}), S.IN_SCORING),
    Action.CLOSE_SCORING: (frozenset({S.IN_SCORING}), S.SCORED),
    Action.SEND_BACK: (frozenset({S.SCORED, S.NOMINATED}), S.IN_SCORING),
    Action.APPROVE: (frozenset({S.SCORED}), S.APPROVED),
    Action.NOTIFY_NOT_RECOGNISED: (frozenset({S.SCORED}), S.NOT_RECOGNISED),
    Action.NOMINATE: (frozenset({S.SCORED}), S.NOMINATED),
    Action.RECORD_MINISTRY_RESULT: (frozenset({S.NOMINATED}), S.APPROVED),
}

# While a dossier is in one of these states the council or the officer works on what the producer
# submitted, so the product's content is frozen (Decision 26/2026, Art. 7: the dossier under
# review is the one that was filed). Finished dossiers no longer hold the product.
LOCKING_STATES = frozenset(S.ACTIVE - S.PRODUCER_EDITABLE)


class TransitionError(Exception):
    """A move the rules refuse; its message is written for the person who tried it."""


class AlreadyApplied(TransitionError):
    """The same person asked for the same move twice (a double click, a resent form): the first
    request did it, the second changes nothing."""


def allowed_actions(user, dossier: Dossier) -> list[str]:
    """The actions `user` may take on `dossier` now: for buttons, never for enforcement."""
    return [
        action
        for action, (sources, _target) in TRANSITIONS.items()
        if dossier.state in sources and permissions.can(user, action, dossier)
    ]


def _refuse_stale(locked: Dossier, action: str, by) -> None:
    last = locked.events.order_by("-created_at", "-pk").first()
    _sources, target = TRANSITIONS[action]
    if (
        last is not None
        and last.action == action
        and last.actor_id == by.pk
        and locked.state == target
    ):
        raise AlreadyApplied(
            _("This was already done: the dossier is “%(state)s”.")
            % {"state": locked.get_state_display()}
        )
    raise TransitionError(
        _(
            "This dossier has already moved on: it is now “%(state)s”, so the action was not "
            "applied. Reload the page to see what changed."
        )
        % {"state": locked.get_state_display()}
    )


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
    """Move `dossier` by `action`: lock the row, check who may and from which state, run the
    step's own rule (`check`) and side effect (`effect`, which may add to the audit data), save,
    write the audit row and the notices (sent by the outbox after the commit).

    The row lock makes two officers acting at once safe: the second waits for the first to
    commit, then finds the dossier has moved on and gets a clear message instead of a second
    transition. Only the dossier row is locked (``of=("self",)``): the joined round, product and
    producer stay free for other dossiers' transitions.
    """
    sources, target = TRANSITIONS[action]
    # FOR NO KEY UPDATE on PostgreSQL: two transitions still queue on the row, but a row
    # referring to the dossier (an upload's product change, which holds the product's lock) can
    # still be written, so a submission waiting for that product lock cannot deadlock with it.
    locked = (
        Dossier.objects.select_for_update(of=("self",), no_key=True)
        .select_related("round", "product", "product__producer", "product__producer__commune")
        .get(pk=dossier.pk)
    )
    # Someone who may not even see the dossier learns nothing about its state.
    if not permissions.can_view_dossier(by, locked):
        raise PermissionDenied
    if locked.state not in sources:
        _refuse_stale(locked, action, by)
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
    if previous in LOCKING_STATES or target in LOCKING_STATES:
        refresh_product_lock(locked)
    event = DossierEvent.objects.create(
        dossier=locked,
        actor=by,
        action=action,
        from_state=previous,
        to_state=target,
        comment=comment,
        data=audit,
    )
    from outbox.hold import current_hold

    from ..notifications import notify_state_change

    # Written in this transaction, sent by the outbox after the commit: a failing mail server
    # never undoes a decision, and a decision rolled back sends nothing. Under a bulk
    # decision's hold they wait for the office (outbox.hold).
    notify_state_change(event.pk, hold=current_hold())
    return locked


def refresh_product_lock(dossier: Dossier) -> None:
    """Write the lock its dossiers' states put on the product (``Product.locked_by_dossier``):
    the newest dossier under review, or none. Called by ``apply`` under the dossier's row lock,
    so the lock changes in the same transaction as the state that causes it."""
    holder = (
        dossier.product.dossiers.filter(state__in=LOCKING_STATES)
        .order_by("-created_at")
        .values_list("pk", flat=True)
        .first()
    )
    if holder != dossier.product.locked_by_dossier_id:
        Product.objects.filter(pk=dossier.product_id).update(locked_by_dossier=holder)
        dossier.product.locked_by_dossier_id = holder
