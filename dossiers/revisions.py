"""Dossier revisions: what each submission held, and what changed between two of them.

``snapshot`` records the content the reviewers judge (the product's fields, its photos and
evidence documents, the self-assessment) as JSON when the dossier is submitted; ``diff`` compares
two snapshots and lists only what changed. ``diff`` is plain Python over the JSON.

Documents and photos are never edited in place (a replacement is a new upload with a new row and
a new stored file), so a row's id and stored file name identify its content: no file hashing.
"""

from dataclasses import dataclass, field
from typing import Any

SNAPSHOT_VERSION = 1


def _as_json(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def snapshot(product) -> dict[str, Any]:
    """The content of `product`'s dossier as it stands now, as JSON."""
    from products.models import REVIEWED_FIELDS

    assessment = getattr(product, "self_assessment", None)
    if assessment is not None and not assessment.is_for(product):
        assessment = None  # a sheet for another set is not what the producer submitted
    return {
        "version": SNAPSHOT_VERSION,
        "product": {name: _as_json(getattr(product, name)) for name in REVIEWED_FIELDS},
        "photos": [
            {
                "id": photo.pk,
                "file": photo.image.name.rsplit("/", 1)[-1],
                "caption": photo.caption,
                "is_cover": photo.is_cover,
            }
            for photo in product.photos.all()
        ],
        "documents": [
            {
                "id": document.pk,
                "kind": document.kind,
                "title": document.title,
                "file": document.file.name.rsplit("/", 1)[-1],
                "size": document.size,
                "content_type": document.content_type,
                "issued_on": _as_json(document.issued_on),
                "expires_on": _as_json(document.expires_on),
            }
            for document in product.documents.order_by("kind", "pk")
        ],
        "self_assessment": {
            code: {
                "points": str(points),
                "option": (assessment.options_by_code or {}).get(code),
            }
            for code, points in sorted((assessment.points_by_code if assessment else {}).items())
        },
    }


# ---- The difference between two snapshots ---------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: Any
    new: Any


@dataclass(frozen=True)
class CriterionChange:
    code: str
    old: str | None  # points, None when not answered
    new: str | None
    old_option: int | None = None  # the option ticked (two options may carry the same points)
    new_option: int | None = None


@dataclass
class RevisionDiff:
    """What changed from one revision to another; only changed things are listed."""

    fields: list[FieldChange] = field(default_factory=list)
    documents_added: list[dict] = field(default_factory=list)
    documents_removed: list[dict] = field(default_factory=list)
    # (old document, new document) of the same kind: a document replaced by a newer one.
    documents_replaced: list[tuple[dict, dict]] = field(default_factory=list)
    photos_added: list[dict] = field(default_factory=list)
    photos_removed: list[dict] = field(default_factory=list)
    criteria: list[CriterionChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.fields
            or self.documents_added
            or self.documents_removed
            or self.documents_replaced
            or self.photos_added
            or self.photos_removed
            or self.criteria
        )


def _by_id(rows: list[dict]) -> dict[Any, dict]:
    return {row["id"]: row for row in rows}


def _documents(old: list[dict], new: list[dict], into: RevisionDiff) -> None:
    before, after = _by_id(old), _by_id(new)
    removed = [row for key, row in before.items() if key not in after]
    added = [row for key, row in after.items() if key not in before]
    # A document removed and another of the same kind added is a replacement (a renewed test
    # report), which is how an officer reads it.
    for gone in list(removed):
        match = next((row for row in added if row["kind"] == gone["kind"]), None)
        if match is not None:
            into.documents_replaced.append((gone, match))
            removed.remove(gone)
            added.remove(match)
    into.documents_added, into.documents_removed = added, removed


def _answer(value: Any) -> tuple[str | None, int | None]:
    """(points, option) of a criterion's answer in a snapshot; (None, None) when unanswered."""
    option = None
    if isinstance(value, dict):
        value, option = value.get("points"), value.get("option")
    if value in (None, ""):
        return None, None
    return str(value), option if isinstance(option, int) else None


def _code_order(code: str) -> tuple:
    # "1.10" comes after "1.9", as on the sheet.
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split("."))


def diff(old: dict[str, Any], new: dict[str, Any]) -> RevisionDiff:
    """What changed from snapshot `old` to snapshot `new`: changed product fields (old → new),
    documents added, removed or replaced, photos added or removed, and the self-assessment
    criteria whose answer changed. Both must be snapshots (a revision without one is handled by
    the caller)."""
    result = RevisionDiff()
    old_fields, new_fields = old.get("product", {}), new.get("product", {})
    for name in dict.fromkeys([*old_fields, *new_fields]):
        if old_fields.get(name) != new_fields.get(name):
            result.fields.append(FieldChange(name, old_fields.get(name), new_fields.get(name)))
    _documents(old.get("documents", []), new.get("documents", []), result)
    old_photos, new_photos = _by_id(old.get("photos", [])), _by_id(new.get("photos", []))
    result.photos_added = [row for key, row in new_photos.items() if key not in old_photos]
    result.photos_removed = [row for key, row in old_photos.items() if key not in new_photos]
    old_answers, new_answers = old.get("self_assessment", {}), new.get("self_assessment", {})
    for code in sorted(dict.fromkeys([*old_answers, *new_answers]), key=_code_order):
        before, after = _answer(old_answers.get(code)), _answer(new_answers.get(code))
        # Same points, another option: an alternative case of the criterion was chosen instead.
        other_option = None not in (before[1], after[1]) and before[1] != after[1]
        if before[0] != after[0] or other_option:
            result.criteria.append(CriterionChange(code, before[0], after[0], before[1], after[1]))
    return result
