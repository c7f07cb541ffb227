"""Scoring of OCOP products against a versioned criteria catalogue. Plain Python, no Django.

The catalogue is committed JSON: ``criteria/data/<decision folder>/decision.json`` plus one
``set-NN.json`` per criteria set ("26/2026" lives in ``criteria/data/26-2026``). Decision
26/2026/QĐ-TTg decides the behaviour:

* Art. 3.1, Appendix II: a sheet has parts A/B/C (40/25/35 = 100 points); a criterion is scored
  by choosing one of its options ("Bộ tiêu chí … kiêm phiếu đánh giá").
* Art. 3.3: stars come from the council's average total ("tổng điểm trung bình"), half-open
  bands: <30 → 1★, 30 to <50 → 2★, 50 to <70 → 3★, 70 to <90 → 4★, ≥90 → 5★.
* Appendix II note under every sheet: "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao" -
  an option marked ***/****/***** is the minimum to reach on that criterion for 3★/4★/5★.
* Art. 4.1, 7.3: only 3★ and above are recognised and certified; products "có tiềm năng đạt 5 sao
  (đạt từ 90 điểm trở lên)" are sent to the Ministry for 5★ evaluation (Art. 7.3.e): the points
  decide, and any 5★ minimum still missed goes with them as information for the central council.
* Appendix II notes under some criteria stop the evaluation ("sẽ không đánh giá các bước tiếp
  theo"), knock the product out ("Bị loại nếu …") or limit when a criterion applies; they are data
  on their criterion, applied by ``scoring_notes``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from . import scoring_notes as notes

# The catalogue's shapes and its loading live in ``sets`` and ``loader`` (kept apart for size);
# callers use these names from this module.
from .loader import (  # noqa: F401
    CRITERIA_ROOT,
    CriteriaSetInfo,
    DecisionInfo,
    _folder,
    clear_cache,
    list_criteria_sets,
    list_decisions,
    load_criteria_set,
)
from .sets import (  # noqa: F401
    CatalogueError,
    CriteriaSet,
    Criterion,
    InvalidPoints,
    MissingCriterion,
    Option,
    Part,
    ScoringError,
    Section,
    UnknownCriterion,
    _to_decimal,
    _total,
)

# Art. 3.3: (inclusive lower bound, stars), highest band first; upper bounds are exclusive.
STAR_BANDS = tuple((Decimal(b), s) for b, s in ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)))
NATIONAL_THRESHOLD = Decimal(90)  # Art. 7.3.e
CERTIFIABLE_STARS = 3  # Art. 4.1.a: no decision, no certificate below 3★
CENT = Decimal("0.01")


def band_stars(total: Decimal | int) -> int:
    """Art. 3.3: the stars of a total alone (half-open bands)."""
    total = _to_decimal(total)
    return next(stars for bound, stars in STAR_BANDS if total >= bound)


def validate(
    criteria_set: CriteriaSet, points_by_code: Mapping[str, object]
) -> tuple[dict[str, Decimal], list[ScoringError]]:
    """The sheet's points as Decimals by leaf code, and every problem found (in sheet order)."""
    errors: list[ScoringError] = []
    leaves = {c.code: c for c in criteria_set.leaf_criteria()}
    for code in points_by_code:
        if code not in leaves:
            hint = " (it groups sub-criteria: score those)" if code in criteria_set._index else ""
            message = f"criteria set {criteria_set.number} has no scored criterion {code!r}{hint}"
            errors.append(UnknownCriterion(message, code))
    chosen: dict[str, Decimal] = {}
    for code, crit in leaves.items():
        if code not in points_by_code:
            errors.append(MissingCriterion(f"criterion {code} ({crit.title}) has no points", code))
            continue
        try:
            points: Decimal | None = _to_decimal(points_by_code[code])
        except (TypeError, ValueError, InvalidOperation):
            points = None
        if points is None or crit.option_for(points) is None:
            allowed = ", ".join(sorted({str(o.points) for o in crit.options}, key=Decimal))
            message = f"criterion {code}: {points_by_code[code]!r} is not one of {allowed}"
            errors.append(InvalidPoints(message, code))
        else:
            chosen[code] = points
    return chosen, errors


@dataclass(frozen=True)
class SheetResult:
    """``points``: the points as they count, by leaf code (for a council: the members'
    averages); ``stopped_by``: the stop and knock-out notes that applied, in sheet order (a
    stopped or knocked-out product gets 0 stars); ``not_applicable``: criteria counted 0
    because their applicability note does not hold (5.2 without a story in 5.1)."""

    total: Decimal
    parts: dict[str, Decimal]
    band_stars: int
    stars: int
    unmet_minima: tuple[str, ...]
    knocked_out: bool = False
    stopped: bool = False
    reason: str | None = None
    points: dict[str, Decimal] = field(default_factory=dict)
    stopped_by: tuple[notes.AppliedNote, ...] = ()
    not_applicable: tuple[str, ...] = ()

    @property
    def nominate_national(self) -> bool:
        """Art. 7.3.e: products "đạt từ 90 điểm trở lên" go to the Ministry's (central) council.
        The text asks for the points only, so a product missing a 5★ minimum goes too; the
        central council reads the missing minima (``missing_five_star_minima``). A stopped or
        knocked-out product is never rated, so never nominated, whatever its total."""
        excluded = self.knocked_out or bool(self.stopped_by)
        return not excluded and self.total >= NATIONAL_THRESHOLD

    @property
    def missing_five_star_minima(self) -> tuple[str, ...]:
        """For a total of 90 or more, the criteria below their 5★ (cumulative) minimum: shown to
        the central council beside the nomination, never a bar to it."""
        return self.unmet_minima if self.total >= NATIONAL_THRESHOLD else ()

    @property
    def certifiable(self) -> bool:
        return self.stars >= CERTIFIABLE_STARS


@dataclass(frozen=True)
class CouncilResult(SheetResult):
    """``total`` is the average of the members' totals (also as ``average``)."""

    member_totals: tuple[Decimal, ...] = ()
    spread: Decimal = Decimal(0)
    spread_exceeded: bool = False

    @property
    def average(self) -> Decimal:
        return self.total


def _judge(criteria_set: CriteriaSet, total: Decimal, points: Mapping[str, Decimal]) -> dict:
    """Band, rating and unmet minima. The rating is the highest level not above the band whose
    cumulative minima are all met (1★ and 2★ have none); the unmet minima are the codes whose
    minimum for the band's level is missed - they hold the rating below its band."""
    band = band_stars(total)

    def unmet(level: int) -> tuple[str, ...]:
        return tuple(c for c, need in criteria_set.minima(level).items() if points[c] < need)

    stars = next(level for level in range(band, 0, -1) if level < 3 or not unmet(level))
    unmet_minima = unmet(band) if band >= 3 else ()
    judged = {"total": total, "band_stars": band, "stars": stars, "unmet_minima": unmet_minima}
    return judged | {"points": dict(points)}


def _excluded(
    judged: dict,
    criteria_set: CriteriaSet,
    knocked_out: bool,
    stopped_by: tuple[notes.AppliedNote, ...],
) -> dict:
    """A knock-out ("Hồ sơ bị loại khi …", or a "Bị loại nếu …" note) or a stop note ends the
    evaluation: 0 stars, whatever the total, with the notes that did it as the reason."""
    knocked_out = knocked_out or any(n.knockout for n in stopped_by)
    if not (knocked_out or stopped_by):
        return judged
    reasons = [f"{n.criterion}: {n.text}" for n in stopped_by]
    if knocked_out and not any(n.knockout for n in stopped_by):
        reasons[:0] = criteria_set.knockout_rules or ["dossier knocked out (hồ sơ bị loại)"]
    excluded = {"knocked_out": knocked_out, "stopped": not knocked_out, "stars": 0}
    return judged | excluded | {"reason": "; ".join(reasons), "stopped_by": stopped_by}


def score(
    criteria_set: CriteriaSet,
    points_by_code: Mapping[str, int | Decimal],
    *,
    findings: Iterable[str] = (),
    knocked_out: bool = False,
) -> SheetResult:
    """Score one member's sheet. ``findings``: the criteria whose finding note the member
    recorded (imported raw materials, a copied product, unacceptable impurities …);
    ``knocked_out``: a "Hồ sơ bị loại khi" rule of the whole dossier applies. A stop or knock-out
    gives 0 stars, with the notes that applied as ``stopped_by`` and ``reason``."""
    chosen, errors = validate(criteria_set, points_by_code)
    if errors:
        raise errors[0]
    void = notes.not_applicable(criteria_set, chosen)
    counted = notes.applicable_points(criteria_set, chosen)
    parts = {p.code: _total(counted[c.code] for c in p.leaves()) for p in criteria_set.parts}
    judged = _judge(criteria_set, _total(counted.values()), counted)
    stopped_by = notes.merge(criteria_set, [notes.applied(criteria_set, chosen, findings)])
    stopped_by = tuple(replace(n, sheets=()) for n in stopped_by)
    judged = _excluded(judged, criteria_set, knocked_out, stopped_by)
    return SheetResult(parts=parts, not_applicable=void, **judged)


def apportion(exact: Mapping[str, Fraction], total: Decimal) -> dict[str, Decimal]:
    """Round each exact part to 0.01 so that the parts add up to ``total`` (the rounded sum):
    largest remainder. Each part is first cut down to the cent; the cents the total still lacks
    go one each to the parts that lost most, ties to the earlier part on the sheet. So a part
    never moves more than 0.01 from its exact value, and A + B + C is the printed total."""
    floors = {code: math.floor(value * 100) for code, value in exact.items()}
    missing = int(total * 100) - sum(floors.values())
    if not 0 <= missing <= len(exact) or total != total.quantize(CENT):
        raise ScoringError(f"the parts {dict(exact)} cannot add up to {total}")
    by_loss = sorted(exact, key=lambda code: floors[code] - exact[code] * 100)
    rounded = {code: floors[code] + (code in by_loss[:missing]) for code in exact}
    return {code: Decimal(cents).scaleb(-2) for code, cents in rounded.items()}


def council_result(
    criteria_set: CriteriaSet,
    sheets: Sequence[Mapping[str, int | Decimal]],
    *,
    findings: Sequence[Iterable[str]] | None = None,
    spread_limit: Decimal = Decimal(10),
    knocked_out: bool = False,
) -> CouncilResult:
    """The council's result (Art. 3.3 "tổng điểm trung bình"): the members' totals averaged and
    rounded to 0.01 HALF UP, rated by the same rules; a minimum counts as met when the members'
    average points on that criterion reach it. ``findings``: each sheet's findings, in the order
    of ``sheets``. A stop or knock-out note that applies on any member's sheet stops the
    council's result (``stopped_by`` names the sheets it applied on). The parts' averages are
    rounded to add up to that total (``apportion``): rounded each on its own they could print
    90.99 beside a total of 91.00."""
    if not sheets:
        raise ScoringError(f"criteria set {criteria_set.number}: no score sheets to average")
    findings = list(findings) if findings is not None else [()] * len(sheets)
    if len(findings) != len(sheets):
        raise ScoringError("one list of findings per score sheet")
    results = [score(criteria_set, s, findings=f) for s, f in zip(sheets, findings, strict=True)]

    def mean(values: Iterable[Decimal], places: Decimal | None = None) -> Decimal:
        exact = _total(values) / len(results)
        return exact.quantize(places, ROUND_HALF_UP) if places else exact

    totals = tuple(r.total for r in results)
    average = mean(totals, CENT)
    exact_parts = {
        code: sum((Fraction(r.parts[code]) for r in results), Fraction(0)) / len(results)
        for code in results[0].parts
    }
    parts = apportion(exact_parts, average)
    means = {code: mean(r.points[code] for r in results) for code in results[0].points}
    judged = _judge(criteria_set, average, means)
    stopped_by = notes.merge(criteria_set, [r.stopped_by for r in results])
    void = tuple(dict.fromkeys(code for r in results for code in r.not_applicable))
    spread = max(totals) - min(totals)
    extra = {"member_totals": totals, "spread": spread, "spread_exceeded": spread > spread_limit}
    judged = _excluded(judged, criteria_set, knocked_out, stopped_by)
    return CouncilResult(parts=parts, not_applicable=void, **judged, **extra)
