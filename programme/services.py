"""Writes of the provincial programme: targets with their history, the idea pipeline, support
records, sales points and trade events. Each function checks permission, validates, and writes in
one transaction."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from producers.models import Producer
from products.models import Product

from . import permissions
from .areas import Area
from .models import (
    EventParticipation,
    IdeaAdvice,
    IdeaStage,
    IdeaStageChange,
    Metric,
    PlanTarget,
    ProductIdea,
    SalesPoint,
    SupportRecord,
    TargetRevision,
    TradeEvent,
)


class IdeaStageError(Exception):
    """A stage move that cannot happen now; its message is shown to the user."""


# Plan targets --------------------------------------------------------------------------


@transaction.atomic
def set_targets(
    *, area: Area, year: int, values: dict[str, int | None], by: User, reason: str
) -> list[TargetRevision]:
    """Set an area's targets for a year, one TargetRevision per value that changes.

    ``values`` maps a Metric to the new target; None withdraws a target (its row stays, empty,
    so the history keeps it), a metric left out stays as it is. Returns the revisions written.
    """
    if not permissions.can_edit_targets(by, area.province_id):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Say why the targets change."))
    now = timezone.now()
    revisions = []
    for metric in Metric:
        if metric not in values:
            continue
        value = values[metric]
        lookup = {"year": year, "metric": metric, **area.target_fields()}
        target = PlanTarget.objects.select_for_update().filter(**lookup).first()
        if target is None:
            if value is None:
                continue
            # get_or_create: a concurrent first save of the same target meets the unique
            # constraint and reads the other's row instead of failing.
            target, _created = PlanTarget.objects.get_or_create(**lookup)
            target = PlanTarget.objects.select_for_update().get(pk=target.pk)
        if target.value == value:
            continue
        previous, target.value, target.updated_at = target.value, value, now
        target.full_clean()
        target.save(update_fields=["value", "updated_at"])
        revisions.append(
            TargetRevision.objects.create(
                target=target,
                previous_value=previous,
                value=value,
                changed_by=by,
                changed_at=now,
                reason=reason.strip(),
            )
        )
    return revisions


# Product ideas ---------------------------------------------------------------------------

IDEA_FIELDS = frozenset(
    {
        "name",
        "description",
        "criteria_set",
        "raw_material_origin",
        "in_province_material_share",
        "plan_market",
        "plan_production",
        "capacity",
        "packaging",
        "plan_investment_vnd",
        "plan_revenue_vnd",
    }
)
# stage -> the next one an officer may move it to (conversion is convert_idea's).
NEXT_STAGE = {IdeaStage.IDEA: IdeaStage.PLAN, IdeaStage.PLAN: IdeaStage.READY}


def _idea_fields(fields: dict) -> dict:
    unknown = set(fields) - IDEA_FIELDS
    if unknown:
        raise TypeError(f"not idea fields: {sorted(unknown)}")
    return fields


@transaction.atomic
def register_idea(*, producer: Producer, by: User, **fields) -> ProductIdea:
    """Register a product idea (OCOP cycle step 2), by the producer or an officer for them."""
    if not permissions.can_register_idea_for(by, producer):
        raise PermissionDenied
    idea = ProductIdea(producer=producer, entered_by=by, **_idea_fields(fields))
    idea.full_clean()
    idea.save()
    IdeaStageChange.objects.create(idea=idea, from_stage="", to_stage=IdeaStage.IDEA, by=by)
    return idea


@transaction.atomic
def update_idea(idea: ProductIdea, *, by: User, **fields) -> ProductIdea:
    """Change what is entered about an idea or its business plan, until it becomes a product."""
    idea = _lock(idea)
    if not permissions.can_edit_idea(by, idea):
        raise PermissionDenied
    for name, value in _idea_fields(fields).items():
        setattr(idea, name, value)
    idea.full_clean()
    idea.save()
    return idea


@transaction.atomic
def record_advice(
    idea: ProductIdea, *, by: User, kind: str, given_on: datetime.date, text: str
) -> IdeaAdvice:
    """Record advice or training an officer gave on the idea."""
    if not permissions.can_advise(by, idea):
        raise PermissionDenied
    advice = IdeaAdvice(idea=idea, kind=kind, given_on=given_on, officer=by, text=text)
    advice.full_clean()
    advice.save()
    ProductIdea.objects.filter(pk=idea.pk).update(updated_at=timezone.now())
    return advice


def _lock(idea: ProductIdea) -> ProductIdea:
    return (
        ProductIdea.objects.select_for_update(of=("self",))
        .select_related("producer", "producer__commune")
        .get(pk=idea.pk)
    )


def _move(idea: ProductIdea, to_stage: str, *, by: User, note: str) -> None:
    previous, idea.stage = idea.stage, to_stage
    idea.save(update_fields=["stage", "converted_product", "updated_at"])
    IdeaStageChange.objects.create(
        idea=idea, from_stage=previous, to_stage=to_stage, by=by, note=note
    )


@transaction.atomic
def advance_idea(
    idea: ProductIdea, *, by: User, expected_stage: str, note: str = ""
) -> ProductIdea:
    """Move an idea one step: idea → business plan → ready for rating (cycle steps 2-4).

    ``expected_stage`` is the stage the officer saw; if someone moved it meanwhile, nothing
    happens. Ready for rating needs a proposed criteria set and the business plan's market and
    production parts.
    """
    idea = _lock(idea)
    if idea.stage != expected_stage or idea.stage not in NEXT_STAGE:
        raise IdeaStageError(_("This idea has already moved on. Check its stage below."))
    if not permissions.can_advance_idea(by, idea):
        raise PermissionDenied
    to_stage = NEXT_STAGE[idea.stage]
    missing = idea.missing_for_rating() if to_stage == IdeaStage.READY else []
    if missing:
        raise IdeaStageError(
            _("Before the idea is ready for rating, enter %(missing)s.")
            % {"missing": ", ".join(missing)}
        )
    _move(idea, to_stage, by=by, note=note)
    return idea


@transaction.atomic
def convert_idea(idea: ProductIdea, *, by: User) -> Product:
    """Register a ready idea as the producer's product, carrying over what was entered.

    The product then goes through the ordinary dossier flow (Form 01 and 02) in a round.
    """
    idea = _lock(idea)
    if idea.stage == IdeaStage.CONVERTED:
        raise IdeaStageError(_("This idea is already registered as a product."))
    if idea.stage != IdeaStage.READY:
        raise IdeaStageError(_("Only an idea ready for rating can be registered as a product."))
    if not permissions.can_convert_idea(by, idea):
        raise PermissionDenied
    product = Product(
        producer_id=idea.producer_id,
        name=idea.name,
        description=idea.description,
        criteria_set=idea.criteria_set,
        raw_material_origin=idea.raw_material_origin,
        in_province_material_share=idea.in_province_material_share,
        capacity=idea.capacity,
        packaging=idea.packaging,
    )
    # Validate what a product form would: fields the model fills itself are left out.
    product.full_clean(exclude=[f.name for f in Product._meta.fields if not f.editable])
    product.save()
    idea.converted_product = product
    _move(idea, IdeaStage.CONVERTED, by=by, note="")
    return product


# Support records -------------------------------------------------------------------------


@transaction.atomic
def record_support(
    *,
    producer: Producer,
    by: User,
    kind: str,
    source: str,
    amount_vnd: int,
    given_on: datetime.date,
    product: Product | None = None,
    note: str = "",
) -> SupportRecord:
    """Record support given to a producer (or one of its products), in whole đồng."""
    if not permissions.can_record_support(by, producer):
        raise PermissionDenied
    record = SupportRecord(
        producer=producer,
        product=product,
        kind=kind,
        source=source,
        amount_vnd=amount_vnd,
        given_on=given_on,
        note=note,
        recorded_by=by,
    )
    record.full_clean()
    record.save()
    return record


# Sales points and trade events ----------------------------------------------------------------


@transaction.atomic
def add_sales_point(
    product: Product, *, by: User, kind: str, name: str, address: str = "", url: str = ""
) -> SalesPoint:
    """Say where the product is sold; shown on its public page."""
    if not permissions.can_manage_sales_points(by, product):
        raise PermissionDenied
    point = SalesPoint(product=product, kind=kind, name=name, address=address, url=url)
    point.full_clean()
    point.save()
    return point


@transaction.atomic
def remove_sales_point(point: SalesPoint, *, by: User) -> None:
    if not permissions.can_manage_sales_points(by, point.product):
        raise PermissionDenied
    point.delete()


EVENT_FIELDS = frozenset(
    {"kind", "name", "starts_on", "ends_on", "place", "organiser", "description", "public"}
)


@transaction.atomic
def save_event(event: TradeEvent | None, *, by: User, **fields) -> TradeEvent:
    """Create a trade event (``event`` None) or change one."""
    if not permissions.can_manage_events(by):
        raise PermissionDenied
    if event is not None and not permissions.can_manage_event(by, event):
        raise PermissionDenied
    if set(fields) - EVENT_FIELDS:
        raise TypeError(f"not event fields: {sorted(set(fields) - EVENT_FIELDS)}")
    if event is None:
        # A new event belongs to its office's province (a national administrator's, to the
        # installation's).
        province_id = permissions.managed_province_id(by) or settings.OCOP_PROVINCE_CODE
        event = TradeEvent(created_by=by, province_id=province_id)
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def add_event_product(
    event: TradeEvent, *, product: Product, by: User, booth: str = ""
) -> EventParticipation:
    """List a product as attending the event; adding it twice changes only the booth."""
    if not permissions.can_manage_event(by, event):
        raise PermissionDenied
    participation, _created = EventParticipation.objects.update_or_create(
        event=event, product=product, defaults={"booth": booth}
    )
    return participation


@transaction.atomic
def remove_event_product(participation: EventParticipation, *, by: User) -> None:
    if not permissions.can_manage_event(by, participation.event):
        raise PermissionDenied
    participation.delete()
