"""The workflow's permissions: which predicate each move of the transition table asks
(evaluations.transitions asks ``can`` before every move). The predicates live with their data:
dossiers/, councils/ and certificates/ permissions.py."""

from councils.permissions import can_chair
from dossiers.models import Dossier
from dossiers.permissions import can_approve, can_manage_round, can_review, is_producer_of

_ACTION_PREDICATES = {
    "submit": is_producer_of,
    "resubmit": is_producer_of,
    "withdraw": is_producer_of,
    "return": can_review,
    "accept": can_review,
    "reject": can_review,
    "forward": can_review,
    "assign": lambda user, dossier: can_manage_round(user, dossier.round.province_id),
    "close_scoring": can_chair,
    "send_back": can_approve,
    "approve": can_approve,
    "notify_not_recognised": can_approve,
    "nominate": can_approve,
    "record_ministry_result": can_approve,
}


def can(user, action: str, dossier: Dossier) -> bool:
    predicate = _ACTION_PREDICATES.get(action)
    return bool(predicate and user.is_authenticated and user.is_active and predicate(user, dossier))
