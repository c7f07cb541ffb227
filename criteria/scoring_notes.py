"""The criteria sheets' stop, knock-out and applicability notes. Plain Python, no Django.

Decision 26/2026/QĐ-TTg, Appendix II prints, under some criteria, a note with no points:

* a stop note, "… sẽ không đánh giá các bước tiếp theo" (e.g. unacceptable impurities under 6.1;
  set 16: 0 points on any of 6.1-6.4; sets 19-20: no product declaration under 6);
* a knock-out note, "Bị loại nếu …" (1.1 imported raw materials, 2.1 a copied product, 6.2 of
  sets 21-22 an infringement of intellectual property);
* an applicability note, "Chỉ áp dụng khi có câu chuyện sản phẩm" under 5.2.

Each note is data on its criterion (``rules`` in the set's JSON). ``when`` says how its condition
is known: ``finding`` - the council member records it beside the criterion; ``zero`` - the option
chosen on the criterion is worth 0 points; ``requires_points`` - the criterion applies only when
the ``requires`` criterion scored above 0 (otherwise it counts 0). A stopped or knocked-out sheet
is never rated, whatever its total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

STOP, KNOCKOUT, APPLIES_IF = "stop", "knockout", "applies_if"
FINDING, ZERO, REQUIRES_POINTS = "finding", "zero", "requires_points"
# kind -> the conditions it may carry
ALLOWED = {STOP: {FINDING, ZERO}, KNOCKOUT: {FINDING, ZERO}, APPLIES_IF: {REQUIRES_POINTS}}


@dataclass(frozen=True)
class NoteRule:
    """One printed note on criterion ``criterion``: ``text`` as printed, ``gloss`` in English,
    ``source`` where the decision prints it."""

    criterion: str
    kind: str
    when: str
    text: str
    gloss: str = ""
    source: str = ""
    requires: str | None = None

    @property
    def excludes(self) -> bool:
        """Whether the note ends the evaluation (a stop or a knock-out)."""
        return self.kind in (STOP, KNOCKOUT)

    @property
    def asks_finding(self) -> bool:
        return self.when == FINDING


@dataclass(frozen=True)
class AppliedNote:
    """A stop or knock-out note that applied; ``sheets``: for a council, the positions of the
    members' sheets on which it applied."""

    criterion: str
    kind: str
    text: str
    gloss: str = ""
    sheets: tuple[int, ...] = ()

    @property
    def knockout(self) -> bool:
        return self.kind == KNOCKOUT

    def as_dict(self) -> dict:
        return {
            "criterion": self.criterion,
            "kind": self.kind,
            "text": self.text,
            "gloss": self.gloss,
        }


def parse_rules(code: str, data: Iterable[Mapping], where: str) -> tuple[NoteRule, ...]:
    """The ``rules`` of criterion ``code`` as read from the JSON; ValueError if one is malformed."""
    rules = []
    for item in data:
        rule = NoteRule(code, **item)
        if rule.when not in ALLOWED.get(rule.kind, ()):
            raise ValueError(f"{where}: {code} has a note of kind {rule.kind!r} when {rule.when!r}")
        if (rule.requires is not None) != (rule.when == REQUIRES_POINTS) or not rule.text:
            raise ValueError(f"{where}: {code} has an incomplete {rule.kind} note")
        rules.append(rule)
    return tuple(rules)


def rules_of(criteria_set) -> tuple[NoteRule, ...]:
    """Every note of the set, in sheet order."""
    return tuple(rule for crit in criteria_set.leaf_criteria() for rule in crit.rules)


def finding_codes(criteria_set) -> frozenset[str]:
    """The criteria beside which a member records a finding."""
    return frozenset(r.criterion for r in rules_of(criteria_set) if r.asks_finding)


def not_applicable(criteria_set, points: Mapping[str, Decimal]) -> tuple[str, ...]:
    """Criteria that do not apply to this sheet: their ``requires`` criterion is answered with 0
    points (5.2 "Chỉ áp dụng khi có câu chuyện sản phẩm" when 5.1 says there is no story)."""
    return tuple(
        rule.criterion
        for rule in rules_of(criteria_set)
        if rule.kind == APPLIES_IF and rule.requires in points and points[rule.requires] == 0
    )


def applicable_points(criteria_set, points: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """The points as they count: a criterion that does not apply counts 0."""
    void = not_applicable(criteria_set, points)
    return {code: Decimal(0) if code in void else value for code, value in points.items()}


def applied(
    criteria_set, points: Mapping[str, Decimal], findings: Iterable[str] = ()
) -> tuple[NoteRule, ...]:
    """The stop and knock-out notes whose condition holds, in sheet order. ``points`` may be a
    sheet still being filled: a ``zero`` note applies once its criterion is answered with 0;
    ``findings`` are criterion codes (a code without a finding note is ignored)."""
    found = set(findings)
    return tuple(
        rule
        for rule in rules_of(criteria_set)
        if rule.excludes
        and (
            (rule.when == FINDING and rule.criterion in found)
            or (rule.when == ZERO and points.get(rule.criterion) == 0)
        )
    )


def merge(criteria_set, per_sheet: Iterable[Iterable]) -> tuple[AppliedNote, ...]:
    """The notes (NoteRule or AppliedNote) applied on any of a council's sheets, each once with
    the positions of the sheets it applied on, in sheet order."""
    seen: dict[tuple[str, str, str], list[int]] = {}
    for position, items in enumerate(per_sheet):
        for item in items:
            seen.setdefault((item.criterion, item.kind, item.text), []).append(position)
    return tuple(
        AppliedNote(r.criterion, r.kind, r.text, r.gloss, tuple(seen[key]))
        for r in rules_of(criteria_set)
        if (key := (r.criterion, r.kind, r.text)) in seen
    )
