"""Who may see and act on rounds and dossiers (the councils', certificates' and the workflow's
predicates build on these: councils/, certificates/ and evaluations/permissions.py).

Plain predicates, each "see" predicate paired with a QuerySet scope that gives the same answer for
lists (``Dossier.objects.visible_to``). Views fetch through ``get_dossier_for`` so that anything
outside the user's reach is a 404, never a 403 that confirms it exists.
"""

from django.http import Http404

from accounts.models import PROVINCIAL_ROLES, Role
from producers.permissions import is_member

from .models import Dossier, DossierState, Round

ROUND_MANAGERS = frozenset({Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})
PROVINCE_OFFICIALS = frozenset({Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR})


def in_province(user, province_id: int) -> bool:
    if user.is_national_administrator:
        return True
    return user.province_id == province_id


def council_role(user, dossier: Dossier) -> str | None:
    """The user's seat on the dossier's council, read once per dossier object: a sheet page asks
    it of several predicates. Read through the user's seats (``council_seats``), as the councils
    app sits above this one."""
    if dossier.council_id is None:
        return None
    roles = dossier.__dict__.setdefault("_council_roles", {})
    key = (user.pk, dossier.council_id)
    if key not in roles:
        # One seat a council at most (a unique constraint): unordered, where the seats' default
        # ordering joined the councils table to sort a single row.
        roles[key] = (
            user.council_seats.filter(council_id=dossier.council_id)
            .order_by()
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
            in_province(user, dossier.round.province_id) and council_role(user, dossier) is not None
        )
    if user.role in {Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR}:
        return in_province(user, dossier.round.province_id)
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
        and in_province(user, province_id)
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


def can_approve(user, dossier: Dossier) -> bool:
    return user.role == Role.APPROVER and in_province(user, dossier.round.province_id)


# What a dossier's pages show beside it. The certificate a re-evaluation renews (forty columns,
# and most dossiers have none) is read when shown.
PAGE_RELATED = (
    "round",
    "product",
    "product__producer",
    "product__producer__commune__former_district",
    "council",
)
# What a council member's autosave reads: the round's province and the council (may they see
# it), the producer (their conflicts of interest). The commune and the former district only a
# page shows were two more tables for PostgreSQL to plan on every autosave, a fifth of the load.
SHEET_WRITE_RELATED = ("round", "product__producer", "council")


def get_dossier_for(user, pk: int, *, related: tuple[str, ...] = PAGE_RELATED) -> Dossier:
    """Fetch a dossier the user may see, or raise 404 (outsiders learn nothing)."""
    # get(), not first(): first() orders by pk, and ordering a select of six tables' columns
    # costs Django a few milliseconds of hashing on every dossier page.
    try:
        dossier = Dossier.objects.select_related(*related).get(pk=pk)
    except Dossier.DoesNotExist:
        raise Http404 from None
    if not can_view_dossier(user, dossier):
        raise Http404
    return dossier
