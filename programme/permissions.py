"""Who may see and do what in the provincial programme: targets, ideas, support, promotion.

Plain predicates; each "see" predicate is paired with a QuerySet scope giving the same answer for
lists (``ProductIdea.objects.visible_to``, ``SupportRecord.objects.visible_to``,
``TradeEvent.objects.visible_to``). Views fetch through the ``get_*_for`` helpers, which 404 on
anything out of reach, so outsiders learn nothing, not even that it exists.
"""

from django.http import Http404

from accounts.jurisdiction import province_of
from accounts.models import PROVINCIAL_ROLES, Role
from producers.permissions import is_member

from .areas import PROGRAMME_STAFF
from .models import IdeaStage, ProductIdea, SupportRecord, TradeEvent

# Officers who work on a producer's file: advise, record support, move ideas along.
_WORKING_OFFICERS = frozenset({Role.LOCAL_OFFICER, Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


def _covers_producer(user, producer) -> bool:
    return user.role != Role.PRODUCER and user.covers_commune(producer.commune)


# Plan targets ------------------------------------------------------------------------------


def can_view_targets(user) -> bool:
    """Provincial roles see the province's progress; a local officer sees their own area."""
    return _active(user) and (user.role in PROVINCIAL_ROLES or user.role == Role.LOCAL_OFFICER)


def can_edit_targets(user, province_id: int) -> bool:
    """Only the provincial OCOP office (or an administrator) of that province sets targets."""
    return (
        _active(user)
        and user.role in {Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR}
        and province_of(user) == province_id
    )


def can_view_target_history(user, province_id: int) -> bool:
    return _active(user) and user.role in PROVINCIAL_ROLES and user.province_id == province_id


# Product ideas ---------------------------------------------------------------------------


def can_view_idea(user, idea: ProductIdea) -> bool:
    if not _active(user):
        return False
    if user.role == Role.PRODUCER:
        return is_member(user, idea.producer_id)
    return user.role in PROGRAMME_STAFF and user.covers_commune(idea.producer.commune)


def can_view_idea_list(user) -> bool:
    """The ideas pipeline: producers (their own) and the programme's staff; not council members."""
    return _active(user) and (user.role in PROGRAMME_STAFF or user.role == Role.PRODUCER)


def can_register_idea_for(user, producer) -> bool:
    """A producer for itself; an officer for a producer inside their jurisdiction."""
    if not _active(user):
        return False
    if user.role == Role.PRODUCER:
        return is_member(user, producer.pk)
    return user.role in _WORKING_OFFICERS and _covers_producer(user, producer)


def can_edit_idea(user, idea: ProductIdea) -> bool:
    return idea.stage in IdeaStage.OPEN and can_register_idea_for(user, idea.producer)


def can_advise(user, idea: ProductIdea) -> bool:
    return (
        _active(user) and user.role in _WORKING_OFFICERS and _covers_producer(user, idea.producer)
    )


def can_advance_idea(user, idea: ProductIdea) -> bool:
    """Officers move an idea along idea → plan → ready for rating."""
    return idea.stage in {IdeaStage.IDEA, IdeaStage.PLAN} and can_advise(user, idea)


def can_convert_idea(user, idea: ProductIdea) -> bool:
    """A ready idea becomes a product at the producer's or an officer's hand."""
    return idea.stage == IdeaStage.READY and can_register_idea_for(user, idea.producer)


def get_idea_for(user, pk: int) -> ProductIdea:
    idea = (
        ProductIdea.objects.select_related("producer", "producer__commune", "converted_product")
        .filter(pk=pk)
        .first()
    )
    if idea is None or not can_view_idea(user, idea):
        raise Http404
    return idea


# Support records --------------------------------------------------------------------------


def can_view_support(user, record: SupportRecord) -> bool:
    if not _active(user):
        return False
    if user.role == Role.PRODUCER:
        return is_member(user, record.producer_id)
    return user.role in PROGRAMME_STAFF and user.covers_commune(record.producer.commune)


def can_view_support_list(user) -> bool:
    return _active(user) and (user.role in PROGRAMME_STAFF or user.role == Role.PRODUCER)


def can_record_support(user, producer=None) -> bool:
    """Local officers of the area and the provincial office record support; producers do not."""
    if not (_active(user) and user.role in _WORKING_OFFICERS):
        return False
    return producer is None or _covers_producer(user, producer)


# Sales points and events --------------------------------------------------------------------


def can_manage_sales_points(user, product) -> bool:
    """Only the producer's own accounts say where their product is sold."""
    return _active(user) and user.role == Role.PRODUCER and is_member(user, product.producer_id)


def get_product_for_sales_points(user, pk: int):
    from products.models import Product

    product = Product.objects.select_related("producer").filter(pk=pk).first()
    if product is None or not can_manage_sales_points(user, product):
        raise Http404
    return product


def can_manage_events(user) -> bool:
    """Keeps an events calendar at all: the provincial office (or an administrator)."""
    return _active(user) and user.role in {Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR}


def managed_province_id(user) -> int | None:
    """The province whose events ``user`` manages; None for a national administrator (all)."""
    if user.is_national_administrator:
        return None
    return province_of(user)


def can_manage_event(user, event: TradeEvent) -> bool:
    """Edit, publish, list or remove products: only the office of the event's own province."""
    if not can_manage_events(user):
        return False
    province_id = managed_province_id(user)
    return province_id is None or event.province_id == province_id


def can_view_event(user, event: TradeEvent) -> bool:
    """Twin of ``TradeEvent.objects.visible_to``."""
    return event.public or can_manage_event(user, event)


def get_event_for(user, pk: int) -> TradeEvent:
    event = TradeEvent.objects.filter(pk=pk).first()
    if event is None or not can_view_event(user, event):
        raise Http404
    return event


def get_event_to_manage(user, pk: int) -> TradeEvent:
    """An event the user may change, or 404 (another province's office learns nothing)."""
    event = TradeEvent.objects.filter(pk=pk).first()
    if event is None or not can_manage_event(user, event):
        raise Http404
    return event
