"""Loading the criteria catalogue (``criteria/data/<decision folder>/decision.json`` and one
``set-NN.json`` per set) into the dataclasses of ``sets``, checked as it loads: every maximum is
its contents' sum or best option, every set sums to 100 (Art. 3.3), every note is well formed.

Callers import the names from ``criteria.scoring``, which re-exports them. ``OCOP_CRITERIA_ROOT``
points the catalogue elsewhere (a test's or an archive's folder).
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import scoring_notes as notes
from .sets import CatalogueError, CriteriaSet, Criterion, Option, Part, Section, _to_decimal, _total

CRITERIA_ROOT = Path(os.environ.get("OCOP_CRITERIA_ROOT", Path(__file__).parent / "data"))


@dataclass(frozen=True)
class CriteriaSetInfo:
    number: int
    name: str
    sector: str
    group: str
    subgroup: str | None = None


@dataclass(frozen=True)
class DecisionInfo:
    code: str
    title: str
    date: datetime.date
    folder: str


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise CatalogueError(message)


def _folder(root: Path | str | None, decision: str) -> Path:
    """Decision "26/2026" → folder ``<root>/26-2026``."""
    name = decision.replace("/", "-")
    _require(re.fullmatch(r"\w[\w.-]*", name) is not None, f"not a decision code: {decision!r}")
    return (Path(root) if root is not None else CRITERIA_ROOT).resolve() / name


def _criterion(data: Mapping, where: str) -> Criterion:
    options = tuple(Option(**o | {"points": _to_decimal(o["points"])}) for o in data["options"])
    children = tuple(_criterion(c, where) for c in data.get("children", ()))
    try:
        rules = notes.parse_rules(data["code"], data.get("rules", ()), where)
    except (TypeError, ValueError) as bad:
        raise CatalogueError(str(bad), data["code"]) from bad
    parsed = {"max_points": _to_decimal(data["max_points"]), "options": options, "rules": rules}
    crit = Criterion(**data | parsed | {"children": children})
    _require(bool(options) != bool(children), f"{where}: {crit.code} needs options xor children")
    _require(not (rules and children), f"{where}: {crit.code} groups criteria; notes go on those")
    best = _total(c.max_points for c in children) if children else max(o.points for o in options)
    _require(crit.max_points == best, f"{where}: {crit.code} max {crit.max_points} != {best}")
    return crit


@cache
def _load(folder: Path, number: int) -> CriteriaSet:
    path = folder / f"set-{number:02d}.json"
    _require(path.is_file(), f"no criteria set {number} in {folder}")
    data = json.loads(path.read_text(encoding="utf-8"))
    where = f"{data['decision']} set {number}"
    parts = []
    for p in data["parts"]:
        sections = []
        for s in p["sections"]:
            crits = tuple(_criterion(c, where) for c in s["criteria"])
            sec = Section(**s | {"max_points": _to_decimal(s["max_points"]), "criteria": crits})
            wrong = f"{where}: section {sec.code} max is not the sum of its criteria"
            _require(sec.max_points == _total(c.max_points for c in crits), wrong)
            sections.append(sec)
        maximum = _to_decimal(p["max_points"])
        part = Part(**p | {"max_points": maximum, "sections": tuple(sections)})
        wrong = f"{where}: part {part.code} max is not the sum of its sections"
        _require(part.max_points == _total(s.max_points for s in sections), wrong)
        parts.append(part)
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    del fields["max_points"]
    result = CriteriaSet(**fields | {"parts": tuple(parts)})
    # Art. 3.3: "Tổng điểm đánh giá cho mỗi sản phẩm tối đa là 100 điểm".
    _require(result.max_points == 100, f"{where}: parts sum to {result.max_points}, not 100")
    leaves = {c.code for c in result.leaf_criteria()}
    for rule in notes.rules_of(result):
        wrong = f"{where}: the note on {rule.criterion} requires {rule.requires}, not a criterion"
        _require(rule.requires is None or rule.requires in leaves, wrong)
    return result


clear_cache = _load.cache_clear


def load_criteria_set(decision: str, number: int, *, root: Path | str | None = None) -> CriteriaSet:
    """Criteria set ``number`` of ``decision`` (e.g. ``("26/2026", 6)``), cached per folder."""
    return _load(_folder(root, decision), int(number))


def list_criteria_sets(decision: str, *, root: Path | str | None = None) -> list[CriteriaSetInfo]:
    """Every set of a decision, in number order, for a sector → group → set picker."""
    folder = _folder(root, decision)
    numbers = sorted(int(p.stem[4:]) for p in folder.glob("set-*.json"))
    _require(bool(numbers), f"no criteria sets for decision {decision!r} in {folder}")
    sets = (_load(folder, n) for n in numbers)
    return [CriteriaSetInfo(s.number, s.name, s.sector, s.group, s.subgroup) for s in sets]


def list_decisions(*, root: Path | str | None = None) -> list[DecisionInfo]:
    """The decisions in the catalogue (one folder each), oldest first."""
    found = []
    base = Path(root) if root is not None else CRITERIA_ROOT
    for path in base.glob("*/decision.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        date = datetime.date.fromisoformat(data["date"])
        found.append(DecisionInfo(data["code"], data["title"], date, path.parent.name))
    return sorted(found, key=lambda d: (d.date, d.code))
