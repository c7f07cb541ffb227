"""A member's findings on the sheet's notes (Decision 26/2026, Appendix II): which criteria's
stop or knock-out note the member records as applying (imported raw materials under 1.1, a copied
product under 2.1, unacceptable impurities under 6.1 …), and the notes a sheet in progress meets."""

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from criteria import scoring, scoring_notes


def chosen_points(points_by_code: Mapping[str, object]) -> dict[str, Decimal]:
    """A sheet's stored points as Decimals (unreadable values left out)."""
    chosen = {}
    for code, value in points_by_code.items():
        try:
            points = Decimal(str(value))
        except (InvalidOperation, ValueError):
            continue
        if points.is_finite():
            chosen[code] = points
    return chosen


def merged(
    criteria_set: scoring.CriteriaSet, current: Iterable[str], changes: Mapping[str, bool]
) -> list[str]:
    """The findings after ``changes`` (code → recorded or withdrawn), in sheet order; a code
    without a finding note is refused."""
    askable = scoring_notes.finding_codes(criteria_set)
    recorded = set(current)
    for code, found in changes.items():
        if code not in askable:
            raise ValidationError(
                _("Criterion %(code)s has no note to record a finding for. Reload the page.")
                % {"code": code},
                code="unknown",
            )
        (recorded.add if found else recorded.discard)(code)
    return [c.code for c in criteria_set.leaf_criteria() if c.code in recorded]


def notes_met(sheet, criteria_set: scoring.CriteriaSet) -> tuple[scoring_notes.NoteRule, ...]:
    """The stop and knock-out notes the sheet meets so far, in sheet order: its findings, and
    the criteria answered with the 0 that a note stops on."""
    return scoring_notes.applied(criteria_set, chosen_points(sheet.points_by_code), sheet.findings)
