"""Who may do what with rounds, dossiers and score sheets.

Plain predicates, each "see" predicate paired with a QuerySet scope that gives the same answer for
lists (``Dossier.objects.visible_to``). Views fetch through ``get_dossier_for`` so that anything
outside the user's reach is a 404, never a 403 that confirms it exists.
"""

from django.http import Http404

from accounts.models import PROVINCIAL_ROLES, Role
from producers.permissions import is_member

from .models import Council, CouncilMember, CouncilRole, Dossier, DossierState, Round, ScoreSheet

ROUND_MANAGERS = frozenset({Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})


def _in_province(user, province_id: int) -> bool:
    if user.is_national_administrator:
        return True
    return user.province_id == province_id


def council_role(user, dossier: Dossier) -> str | None:
    """The user's seat on the dossier's council, read once per dossier object: a sheet page asks
    it of several predicates."""
    if dossier.council_id is None:
        return None
    roles = dossier.__dict__.setdefault("_council_roles", {})
    key = (user.pk, dossier.council_id)
    if key not in roles:
        roles[key] = (
            CouncilMember.objects.filter(council_id=dossier.council_id, user_id=user.pk)
            .values_list("role", flat=True)
            .first()
        )
    return roles[key]


def can_view_dossier(user, dossier: Dossier) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role == Role.PRODUCER:
        return is_member(user, dossier.product.producer_id)
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
        and is_member(user, dossier.product.producer_id)
    )


def is_producer_of(user, dossier: Dossier) -> bool:
    """Acts for the dossier's producer: may submit, resubmit or withdraw it (the state table
    decides when)."""
    return user.role == Role.PRODUCER and is_member(user, dossier.product.producer_id)


def can_answer_corrections(user, dossier: Dossier) -> bool:
    """Answer the officer's request for correction, item by item: the producer's members, while
    the dossier is returned to them."""
    return (
        user.is_authenticated
        and user.is_active
        and dossier.state == DossierState.RETURNED
        and is_producer_of(user, dossier)
    )


def can_review(user, dossier: Dossier) -> bool:
    """Local review: the officer whose jurisdiction holds the producer's commune."""
    return user.role == Role.LOCAL_OFFICER and user.covers_commune(dossier.product.producer.commune)


def can_manage_round(user, province_id: int) -> bool:
    """Create, edit, open and close rounds: the provincial OCOP office of that province."""
    return (
        user.is_authenticated
        and user.is_active
        and user.role in ROUND_MANAGERS
        and _in_province(user, province_id)
    )


def can_use_round_admin(user) -> bool:
    """The rounds' pages of the Django admin: the provincial OCOP office and administrators
    (which rounds each may change is ``can_manage_round``'s, by province)."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.role in ROUND_MANAGERS or user.is_superuser)
    )


def rounds_managed_by(user):
    """Rounds ``user`` may manage: the list-side twin of ``can_manage_round``."""
    if not (user.is_authenticated and user.is_active and user.role in ROUND_MANAGERS):
        return Round.objects.none()
    if user.is_national_administrator:
        return Round.objects.all()
    return Round.objects.filter(province_id=user.province_id)


def can_view_round(user, round_: Round) -> bool:
    """Twin of ``Round.objects.visible_to``: the province's officials, the local officers whose
    jurisdiction lies in it, and the producers located in it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_national_administrator:
        return True
    if user.role in PROVINCIAL_ROLES:
        return user.province_id == round_.province_id
    if user.role == Role.LOCAL_OFFICER:
        area = user.jurisdiction
        return area is not None and area.province_id == round_.province_id
    if user.role == Role.PRODUCER:
        membership = getattr(user, "producer_membership", None)
        return membership is not None and membership.producer.commune.province_id == (
            round_.province_id
        )
    return False


def get_round_for(user, pk: int) -> Round:
    """Fetch a round the user may see, or raise 404."""
    round_ = Round.objects.filter(pk=pk).first()
    if round_ is None or not can_view_round(user, round_):
        raise Http404
    return round_


def can_use_queue(user) -> bool:
    """The local review queue is the local officers' page."""
    return user.is_authenticated and user.is_active and user.role == Role.LOCAL_OFFICER


def can_list_province_dossiers(user) -> bool:
    """The province-wide list of dossiers: the provincial office, approvers, administrators."""
    return user.is_authenticated and user.is_active and user.role in PROVINCE_OFFICIALS


def can_see_overdue(user) -> bool:
    """The overdue list: a local officer (their area's dossiers) and the province's officials
    (the whole province's); which rows each sees is ``Dossier.objects.visible_to``."""
    return can_use_queue(user) or can_list_province_dossiers(user)


def can_file_dossier(user, product) -> bool:
    """Enter a product in a round: an account acting for the product's producer."""
    return (
        user.is_authenticated
        and user.is_active
        and user.role == Role.PRODUCER
        and is_member(user, product.producer_id)
    )


def can_score(user, dossier: Dossier) -> bool:
    return (
        dossier.state == DossierState.IN_SCORING
        and user.role == Role.COUNCIL_MEMBER
        and council_role(user, dossier) in CouncilRole.SCORING
    )


def can_chair(user, dossier: Dossier) -> bool:
    return user.role == Role.COUNCIL_MEMBER and council_role(user, dossier) == CouncilRole.CHAIR


OVERSEEING_ROLES = frozenset({CouncilRole.CHAIR, CouncilRole.SECRETARY})
PROVINCE_OFFICIALS = frozenset({Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR})


def can_view_sheet(user, sheet: ScoreSheet) -> bool:
    """A member's score sheet is private until submitted (or a conflict declared); then the
    council's chair and secretary and the province's officials may read it, never other members.
    Twin of ``ScoreSheet.objects.visible_to``."""
    if not can_view_dossier(user, sheet.dossier):
        return False
    if sheet.member_id == user.pk:
        return True
    if not (sheet.is_submitted or sheet.conflict_of_interest):
        return False
    if user.role == Role.COUNCIL_MEMBER:
        return council_role(user, sheet.dossier) in OVERSEEING_ROLES
    return user.role in PROVINCE_OFFICIALS


def can_oversee_council(user, council: Council) -> bool:
    """Follow a council's progress (members' submitted totals, spreads): the province's officials,
    and the council's chair and secretary. Twin of ``Council.objects.visible_to``."""
    if not user.is_authenticated or not user.is_active:
        return False
    province_id = council.round.province_id
    if user.role in PROVINCE_OFFICIALS:
        return _in_province(user, province_id)
    if user.role == Role.COUNCIL_MEMBER:
        return (
            _in_province(user, province_id)
            and council.members.filter(user=user, role__in=OVERSEEING_ROLES).exists()
        )
    return False


def can_manage_council(user, council: Council) -> bool:
    return can_manage_round(user, council.round.province_id)


def get_council_for(user, pk: int) -> Council:
    """Fetch a council whose progress the user may follow, or raise 404."""
    council = Council.objects.select_related("round").filter(pk=pk).first()
    if council is None or not can_oversee_council(user, council):
        raise Http404
    return council


def can_approve(user, dossier: Dossier) -> bool:
    return user.role == Role.APPROVER and _in_province(user, dossier.round.province_id)


def can_record_extensions(user) -> bool:
    """The provincial OCOP office records Art. 12.3 extensions (the admin action's button)."""
    return user.is_authenticated and user.is_active and user.role == Role.PROVINCIAL_OFFICE


def can_extend_certificate(user, certificate) -> bool:
    """Decision 26/2026, Art. 12.3 and 7.3.a: the provincial office of the certificate's
    province, which receives the re-evaluation dossiers, records that one stays valid."""
    return can_record_extensions(user) and _in_province(user, certificate.dossier.round.province_id)


# action -> predicate; evaluations.transitions asks here before every move.
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


def get_dossier_for(user, pk: int) -> Dossier:
    """Fetch a dossier the user may see, or raise 404 (outsiders learn nothing)."""
    dossier = (
        Dossier.objects.select_related(
            "round",
            "product",
            "product__producer",
            "product__producer__commune__former_district",
            "council",
            "previous_certificate",
        )
        .filter(pk=pk)
        .first()
    )
    if dossier is None or not can_view_dossier(user, dossier):
        raise Http404
    return dossier
