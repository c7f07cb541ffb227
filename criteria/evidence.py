"""The evidence types expected for each criterion, read from
``criteria/data/<decision>/evidence.json``. Plain Python, like ``scoring``: kinds are the values
of ``products.models.EvidenceKind``.

Form 02 Part III asks the producer to describe each criterion with its evidence ("mô tả, minh
chứng kèm theo"); the data file says which of Form 02's listed documents prove which criterion.
Criteria are matched by their accent-folded title, because codes shift between sets (1.5 is the
environment in set 1 and chain linkage in set 5); a set can override one criterion by code.
An empty list is explicit: the entry says what the criterion is judged on instead (the sample,
the site, or the dossier's own text).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import scoring

JUDGED_ON = {"sample", "site", "dossier"}


class EvidenceDataError(scoring.CatalogueError):
    """The evidence file is missing an entry or contradicts itself."""


@dataclass(frozen=True)
class Expectation:
    """What proves one criterion: the document kinds, or (no kinds) what it is judged on."""

    kinds: tuple[str, ...]
    source: str
    judged_on: str | None = None


def _fold(text: str) -> str:
    # Same folding as ocop_portal.text.fold, kept here so this module needs no Django.
    text = text.replace("đ", "d").replace("Đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def _expectation(entry: dict, where: str) -> Expectation:
    kinds = tuple(entry["kinds"])
    judged_on = entry.get("judged_on")
    if not kinds and judged_on not in JUDGED_ON:
        raise EvidenceDataError(f"{where}: no kinds, so say what it is judged on ({JUDGED_ON})")
    if kinds and judged_on is not None:
        raise EvidenceDataError(f"{where}: names kinds and judged_on; choose one")
    return Expectation(kinds=kinds, source=entry.get("source", ""), judged_on=judged_on)


@lru_cache(maxsize=8)
def _data(folder: Path) -> tuple[tuple[tuple[str, Expectation], ...], dict]:
    path = folder / "evidence.json"
    if not path.is_file():
        raise EvidenceDataError(f"no evidence file in {folder}")
    data = json.loads(path.read_text(encoding="utf-8"))
    topics = tuple(
        (_fold(t["title"]), _expectation(t, f"topic {t['title']!r}")) for t in data["topics"]
    )
    overrides = {
        int(number): {
            code: _expectation(entry, f"set {number} criterion {code}")
            for code, entry in codes.items()
        }
        for number, codes in data.get("sets", {}).items()
    }
    return topics, overrides


@lru_cache(maxsize=64)
def expectations(decision: str, number: int) -> dict[str, Expectation]:
    """Leaf criterion code → its Expectation, for every scored criterion of the set."""
    criteria_set = scoring.load_criteria_set(decision, number)
    topics, overrides = _data(scoring._folder(None, decision))
    own = overrides.get(criteria_set.number, {})
    unknown = set(own) - {c.code for c in criteria_set.leaf_criteria()}
    if unknown:
        raise EvidenceDataError(f"set {number}: overrides unknown criteria {sorted(unknown)}")
    found = {}
    for criterion in criteria_set.leaf_criteria():
        title = _fold(criterion.title)
        match = own.get(criterion.code) or next(
            (expected for prefix, expected in topics if title.startswith(prefix)), None
        )
        if match is None:
            raise EvidenceDataError(
                f"set {number} criterion {criterion.code} ({criterion.title}) has no evidence entry"
            )
        found[criterion.code] = match
    return found


def expected_kinds(decision: str, number: int, code: str) -> tuple[str, ...]:
    return expectations(decision, number)[code].kinds


def clear_cache() -> None:
    _data.cache_clear()
    expectations.cache_clear()
