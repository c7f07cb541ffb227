"""The criteria catalogue as data: a criteria set's parts, sections, criteria and options, and
the errors scoring and loading raise. Plain Python, no Django; ``scoring`` rates a sheet against
these, ``loader`` builds them from the committed JSON (Decision 26/2026/QĐ-TTg, Appendix II)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from . import scoring_notes as notes


class ScoringError(ValueError):
    """A sheet or a catalogue that cannot be scored; ``code`` names the criterion, if any.
    Subclasses: a scored criterion without points (MissingCriterion), a code that is not a scored
    criterion of the set (UnknownCriterion), points that are not one of the criterion's options
    (InvalidPoints), a catalogue that is missing or contradicts itself (CatalogueError)."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class MissingCriterion(ScoringError): ...


class UnknownCriterion(ScoringError): ...


class InvalidPoints(ScoringError): ...


class CatalogueError(ScoringError): ...


def _total(values: Iterable[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


@dataclass(frozen=True)
class Option:
    """One answer of a criterion. ``min_star``: the option is the minimum for that star level;
    ``case``: its alternative where the law says "Lựa chọn một trong hai trường hợp"."""

    label: str
    points: Decimal
    min_star: int | None = None
    case: str | None = None


@dataclass(frozen=True)
class Criterion:
    """A leaf has options and is scored; a parent only groups its children (6.1 → 6.1.1 …).
    ``note``: the requirement printed under the title; ``rules``: its stop, knock-out and
    applicability notes (``scoring_notes``)."""

    code: str
    title: str
    max_points: Decimal
    options: tuple[Option, ...] = ()
    children: tuple[Criterion, ...] = ()
    note: str = ""
    rules: tuple[notes.NoteRule, ...] = ()

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self) -> Iterator[Criterion]:
        if self.is_leaf:
            yield self
        for child in self.children:
            yield from child.leaves()

    def option_for(self, points: Decimal) -> Option | None:
        return next((o for o in self.options if o.points == points), None)

    def required_points(self, level: int) -> Decimal | None:
        """Points needed on this criterion for a ``level``★ rating, or None if none are needed.

        Every mark ≤ ``level`` applies (minima are cumulative: 4★ also needs the 3★ mark). For
        one mark the lowest option carrying it counts (a mark repeated on alternative options is
        met by either); across marks the highest counts, so 5★ needs the *****-option itself.
        """
        by_mark: dict[int, Decimal] = {}
        for o in self.options:
            if o.min_star is not None and o.min_star <= level:
                by_mark[o.min_star] = min(by_mark.get(o.min_star, o.points), o.points)
        return max(by_mark.values(), default=None)


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    max_points: Decimal
    criteria: tuple[Criterion, ...]
    note: str = ""

    @property
    def scored_directly(self) -> bool:
        """A section without sub-criteria (e.g. "7. TÍNH ĐỘC ĐÁO"): its one criterion has the
        section's code and title."""
        return len(self.criteria) == 1 and self.criteria[0].code == self.code


@dataclass(frozen=True)
class Part:
    code: str
    title: str
    max_points: Decimal
    sections: tuple[Section, ...]

    def leaves(self) -> Iterator[Criterion]:
        for sec in self.sections:
            for crit in sec.criteria:
                yield from crit.leaves()


@dataclass(frozen=True)
class CriteriaSet:
    decision: str
    number: int
    name: str
    sector: str
    group: str
    parts: tuple[Part, ...]
    knockout_rules: tuple[str, ...] = ()
    subgroup: str | None = None
    agencies: tuple[str, ...] = ()
    heading: str = ""
    _index: dict[str, Criterion] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for crit in self.all_criteria():
            if crit.code in self._index:
                raise CatalogueError(f"set {self.number}: criterion code {crit.code} is repeated")
            self._index[crit.code] = crit

    @property
    def max_points(self) -> Decimal:
        return _total(p.max_points for p in self.parts)

    def all_criteria(self) -> Iterator[Criterion]:
        """Every criterion, parents before their children, in sheet order."""

        def walk(crit: Criterion) -> Iterator[Criterion]:
            yield crit
            for child in crit.children:
                yield from walk(child)

        for part in self.parts:
            for sec in part.sections:
                for crit in sec.criteria:
                    yield from walk(crit)

    def leaf_criteria(self) -> tuple[Criterion, ...]:
        """The scored criteria, in sheet order."""
        return tuple(leaf for part in self.parts for leaf in part.leaves())

    def criterion(self, code: str) -> Criterion:
        if code not in self._index:
            raise UnknownCriterion(f"criteria set {self.number} has no criterion {code!r}", code)
        return self._index[code]

    def minima(self, level: int) -> dict[str, Decimal]:
        """Criterion code → points needed for a ``level``★ rating (Appendix II star marks)."""
        needs = ((c.code, c.required_points(level)) for c in self.leaf_criteria())
        return {code: need for code, need in needs if need is not None}

    def rows(self) -> Iterator[tuple[int, Part | Section | Criterion]]:
        """The sheet as (depth, item) in order, for rendering: parts at 0, sections at 1,
        criteria from 2. A section scored directly yields no criterion row: its options are on
        ``section.criteria[0]``."""

        def walk(crit: Criterion, depth: int) -> Iterator[tuple[int, Criterion]]:
            yield depth, crit
            for child in crit.children:
                yield from walk(child, depth + 1)

        for part in self.parts:
            yield 0, part
            for sec in part.sections:
                yield 1, sec
                for crit in () if sec.scored_directly else sec.criteria:
                    yield from walk(crit, 2)


def _to_decimal(value: object) -> Decimal:
    """int, Decimal, numeric str or float (by its repr) → a finite Decimal; bools are refused."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal | float):
        raise TypeError(f"not a number: {value!r}")
    result = Decimal(repr(value) if isinstance(value, float) else value)
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result
