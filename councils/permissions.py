"""Who may score, chair, read sheets and follow a council (the dossier's own predicates are in
dossiers/permissions.py, which these build on)."""

from django.http import Http404

from accounts.models import Role, User
from dossiers.models import Dossier, DossierState
from dossiers.permissions import (
    PROVINCE_OFFICIALS,
    can_manage_round,
    can_view_dossier,
    council_role,
    in_province,
)

from .models import Council, CouncilMember, CouncilRole, CouncilSession, ScoreSheet

OVERSEEING_ROLES = frozenset({CouncilRole.CHAIR, CouncilRole.SECRETARY})


def can_score(user, dossier: Dossier) -> bool:
    return (
        dossier.state == DossierState.IN_SCORING
        and user.role == Role.COUNCIL_MEMBER
        and council_role(user, dossier) in CouncilRole.SCORING
    )


def can_chair(user, dossier: Dossier) -> bool:
    return user.role == Role.COUNCIL_MEMBER and council_role(user, dossier) == CouncilRole.CHAIR


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
        return in_province(user, province_id)
    if user.role == Role.COUNCIL_MEMBER:
        return (
            in_province(user, province_id)
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


def get_session_for(user, pk: int, *, running: bool = False) -> CouncilSession:
    """A session of a council whose progress the user follows (404 otherwise); ``running``
    keeps it to the council's chair and secretary."""
    session = (
        CouncilSession.objects.select_related("council__round__province").filter(pk=pk).first()
    )
    if session is None or not can_oversee_council(user, session.council):
        raise Http404
    if running and not can_run_session(user, session.council):
        raise Http404
    return session


def can_read_results(user) -> bool:
    """The council results' list in the admin: the province's officials (and superusers); which
    results each reads is ``results_of``."""
    return user.is_active and (user.is_superuser or user.role in PROVINCE_OFFICIALS)


def results_of(user, results):
    """The council results ``user`` reads: those of their province's rounds; every province's
    for a national administrator or a superuser without a province."""
    if not can_read_results(user):
        return results.none()
    if user.province_id:
        return results.filter(dossier__round__province_id=user.province_id)
    if user.is_superuser or user.is_national_administrator:
        return results
    return results.none()


def can_decide_results(user) -> bool:
    """Approving, notifying, nominating and sending back (Art. 7.4): the approver's; on which
    dossiers is ``dossiers.permissions.can_approve``'s, asked by each transition."""
    return user.is_active and user.role == Role.APPROVER
