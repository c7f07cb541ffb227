"""The producer's self-assessment (Form 02 Part III): the council's own sheet, filled by the
producer, saved one criterion at a time, scored by ``criteria.scoring`` once complete.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from criteria import scoring

from .changes import record_product_change
from .models import Product, SelfAssessment
from .services import lock_editable


@dataclass(frozen=True)
class UnmetMinimum:
    code: str
    title: str
    needed: Decimal
    chosen: Decimal


@dataclass(frozen=True)
class Summary:
    """What the producer sees beside the sheet: progress, and the result once complete."""

    answered: int
    total: int
    result: scoring.SheetResult | None = None
    unmet: list[UnmetMinimum] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def criteria_set_of(product: Product) -> scoring.CriteriaSet:
    return scoring.load_criteria_set(product.criteria_decision, product.criteria_set)


def _as_points(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def answers(product: Product, assessment: SelfAssessment | None = None) -> dict[str, Decimal]:
    """The answers valid for the product's current sheet (others are ignored, not shown)."""
    if assessment is None:
        assessment = getattr(product, "self_assessment", None)
    if assessment is None or not assessment.is_for(product):
        return {}
    sheet = criteria_set_of(product)
    leaves = {c.code: c for c in sheet.leaf_criteria()}
    valid = {}
    for code, value in assessment.points_by_code.items():
        points = _as_points(value)
        if code in leaves and points is not None and leaves[code].option_for(points):
            valid[code] = points
    return valid


def summarise(product: Product, assessment: SelfAssessment | None = None) -> Summary:
    sheet = criteria_set_of(product)
    chosen = answers(product, assessment)
    total = len(sheet.leaf_criteria())
    if len(chosen) < total:
        return Summary(answered=len(chosen), total=total)
    result = scoring.score(sheet, chosen)
    unmet = [
        UnmetMinimum(
            code=code,
            title=sheet.criterion(code).title,
            needed=sheet.criterion(code).required_points(result.band_stars),
            chosen=chosen[code],
        )
        for code in result.unmet_minima
    ]
    return Summary(answered=total, total=total, result=result, unmet=unmet)


def chosen_options(product: Product) -> dict[str, int]:
    """Criterion code → index of the ticked option, for rendering the sheet."""
    assessment = getattr(product, "self_assessment", None)
    chosen = answers(product, assessment)
    if not chosen:
        return {}
    sheet, ticked = criteria_set_of(product), {}
    for code, points in chosen.items():
        options = sheet.criterion(code).options
        index = assessment.options_by_code.get(code)
        if not (isinstance(index, int) and 0 <= index < len(options)):
            index = None
        if index is None or options[index].points != points:
            index = next(i for i, option in enumerate(options) if option.points == points)
        ticked[code] = index
    return ticked


def _option_index(criterion: scoring.Criterion, value) -> int:
    try:
        index = int(value)
    except (TypeError, ValueError):
        index = -1
    if not 0 <= index < len(criterion.options):
        raise ValidationError(
            _("Choose one of the options listed for criterion %(code)s.")
            % {"code": criterion.code},
            code="invalid",
        )
    return index


@transaction.atomic
def save_self_assessment(
    product: Product, *, by: User, choices: Mapping[str, int | str | None]
) -> SelfAssessment:
    """Record the option the producer ticks for some criteria (criterion code → option index in
    the sheet; None or "" clears the answer).

    Answers merge into what is saved, under a row lock: two tabs answering different criteria
    both keep their answers. A sheet filled for another criteria set is started afresh.
    """
    locked = lock_editable(product)
    sheet = criteria_set_of(locked)
    leaves = {c.code: c for c in sheet.leaf_criteria()}
    cleaned: dict[str, int | None] = {}
    for code, value in choices.items():
        if code not in leaves:
            raise ValidationError(
                _("Criterion %(code)s is not on this product's sheet. Reload the page.")
                % {"code": code},
                code="unknown",
            )
        cleaned[code] = None if value in (None, "") else _option_index(leaves[code], value)
    assessment, created = SelfAssessment.objects.select_for_update().get_or_create(
        product=locked,
        defaults={
            "criteria_decision": locked.criteria_decision,
            "criteria_set": locked.criteria_set,
        },
    )
    if not assessment.is_for(locked):
        assessment.criteria_decision = locked.criteria_decision
        assessment.criteria_set = locked.criteria_set
        assessment.points_by_code, assessment.options_by_code = {}, {}
    points, options = dict(assessment.points_by_code), dict(assessment.options_by_code)
    for code, index in cleaned.items():
        if index is None:
            points.pop(code, None)
            options.pop(code, None)
        else:
            points[code] = str(leaves[code].options[index].points)
            options[code] = index
    if created or (points, options) != (assessment.points_by_code, assessment.options_by_code):
        assessment.points_by_code, assessment.options_by_code = points, options
        assessment.save()
        what = _("Self-assessment changed: criteria %(codes)s") % {"codes": ", ".join(cleaned)}
        record_product_change(locked, by=by, what=what, data={"options": cleaned})
    return assessment
