"""Who may do what with rounds, dossiers and score sheets.

Plain predicates, each "see" predicate paired with a QuerySet scope that gives the same answer for
lists (``Dossier.objects.visible_to``). Views fetch through ``get_dossier_for`` so that anything
outside the user's reach is a 404, never a 403 that confirms it exists.
"""

from django.http import Http404

from accounts.models import Role

from .models import CouncilRole, Dossier, DossierState


def _is_member_of_producer(user, producer_id: int) -> bool:
    membership = getattr(user, "producer_membership", None)
    return membership is not None and membership.producer_id == producer_id


def _in_province(user, province_id: int) -> bool:
    if user.role == Role.ADMINISTRATOR and not user.province_id:
        return True
    return user.province_id == province_id


def council_role(user, dossier: Dossier) -> str | None:
    if dossier.council_id is None:
        return None
    seat = dossier.council.members.filter(user=user).only("role").first()
    return seat.role if seat else None


def can_view_dossier(user, dossier: Dossier) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role == Role.PRODUCER:
        return _is_member_of_producer(user, dossier.product.producer_id)
    if dossier.state == DossierState.DRAFT:
        return False
    if user.role == Role.LOCAL_OFFICER:
        return user.covers_commune(dossier.product.producer.commune)
    if user.role == Role.COUNCIL_MEMBER:
        return (
            _in_province(user, dossier.round.province_id)
            and council_role(user, dossier) is not None
        )
    if user.role in {Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR}:
        return _in_province(user, dossier.round.province_id)
    return False


def can_edit_dossier(user, dossier: Dossier) -> bool:
    """The producer may change the dossier's content only while it is with them."""
    return (
        user.role == Role.PRODUCER
        and dossier.state in DossierState.PRODUCER_EDITABLE
        and _is_member_of_producer(user, dossier.product.producer_id)
    )


def can_review(user, dossier: Dossier) -> bool:
    """Local review: the officer whose jurisdiction holds the producer's commune."""
    return user.role == Role.LOCAL_OFFICER and user.covers_commune(dossier.product.producer.commune)


def can_manage_round(user, province_id: int) -> bool:
    return user.role in {Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR} and _in_province(
        user, province_id
    )


def can_score(user, dossier: Dossier) -> bool:
    return (
        dossier.state == DossierState.IN_SCORING
        and user.role == Role.COUNCIL_MEMBER
        and council_role(user, dossier) in CouncilRole.SCORING
    )


def can_chair(user, dossier: Dossier) -> bool:
    return user.role == Role.COUNCIL_MEMBER and council_role(user, dossier) == CouncilRole.CHAIR


def can_approve(user, dossier: Dossier) -> bool:
    return user.role == Role.APPROVER and _in_province(user, dossier.round.province_id)


# action -> predicate; evaluations.transitions asks here before every move.
_ACTION_PREDICATES = {
    "submit": can_edit_dossier,
    "resubmit": can_edit_dossier,
    "withdraw": can_edit_dossier,
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


def get_dossier_for(user, pk: int) -> Dossier:
    """Fetch a dossier the user may see, or raise 404 (outsiders learn nothing)."""
    dossier = (
        Dossier.objects.select_related(
            "round", "product", "product__producer", "product__producer__commune", "council"
        )
        .filter(pk=pk)
        .first()
    )
    if dossier is None or not can_view_dossier(user, dossier):
        raise Http404
    return dossier
