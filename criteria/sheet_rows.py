"""A criteria sheet as rows for a template: parts, sections and criteria in sheet order, each
scored criterion with its options and which one is ticked. Plain Python; the producer's
self-assessment and criterion-evidence pages render it."""

from collections.abc import Mapping

from . import scoring


def sheet_rows(sheet: scoring.CriteriaSet, ticked: Mapping[str, int]) -> list[dict]:
    """The sheet in order for the template: parts, sections, criteria; a scored criterion comes
    with its options and which one is ticked."""

    def criterion_row(criterion: scoring.Criterion, depth: int, kind: str = "criterion") -> dict:
        options = [
            {
                "index": index,
                "label": option.label,
                "points": option.points,
                "min_star": option.min_star,
                "checked": ticked.get(criterion.code) == index,
            }
            for index, option in enumerate(criterion.options)
        ]
        return {
            "kind": kind,
            "depth": depth,
            "code": criterion.code,
            "title": criterion.title,
            "max_points": criterion.max_points,
            "options": options,
            "note": criterion.note,
            "rules": criterion.rules,
        }

    rows = []
    for depth, item in sheet.rows():
        if isinstance(item, scoring.Part):
            rows.append(
                {
                    "kind": "part",
                    "depth": 0,
                    "code": item.code,
                    "title": item.title,
                    "max_points": item.max_points,
                }
            )
        elif isinstance(item, scoring.Section):
            if item.scored_directly:
                rows.append(criterion_row(item.criteria[0], 1, kind="section"))
            else:
                rows.append(
                    {
                        "kind": "section",
                        "depth": 1,
                        "code": item.code,
                        "title": item.title,
                        "max_points": item.max_points,
                        "options": [],
                        "note": item.note,
                    }
                )
        else:
            rows.append(criterion_row(item, depth))
    return rows
