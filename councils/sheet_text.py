"""The criteria text of a score sheet, rendered once per criteria set, decision and language.

A sheet shows about 50 criteria and 150 options, and their wording (titles, printed notes, the
options with their points and star minimums) is the law's data: it changes only with a release,
never with a member's answers. Rendering it for every view was most of the sheet's cost, so each
row's text is rendered here once per process and language, and the sheet's template only adds
what belongs to the member (the ticked option, the producer's hint, the findings, the evidence).
The key is the set's decision and number and the language: nothing else goes into the text.
"""

import functools
from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy

from criteria import scoring, scoring_notes
from criteria.scoring import load_criteria_set

# How a printed note of the sheet is labelled beside its criterion (scoring_notes kinds).
NOTE_KINDS = {
    scoring_notes.KNOCKOUT: gettext_lazy("Knock-out"),
    scoring_notes.STOP: gettext_lazy("Stop"),
    scoring_notes.APPLIES_IF: gettext_lazy("Applies only if"),
}
NOTE = '<p class="small text-muted mb-1 sheet-note">{}</p>'
NOTE_BADGES = {scoring_notes.KNOCKOUT: "text-bg-danger", scoring_notes.STOP: "text-bg-warning"}


@dataclass(frozen=True)
class CriterionText:
    legend: SafeString
    note: SafeString
    rules: tuple[SafeString, ...]  # each note's badge and text, in the order of criterion.rules
    # Each option's radio button up to where "checked" may go, and its label's text; the rest
    # (checked, bold when read-only, the producer's hint) is the member's (options_html).
    options: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class SheetText:
    # (kind, depth, heading HTML or the criterion's code), in the sheet's order
    rows: tuple[tuple[str, int, str], ...]
    criteria: dict[str, CriterionText]
    hint_badge: SafeString


def _number(value) -> str:
    return formats.localize(value)


def _linebreaks(text: str) -> SafeString:
    return linebreaksbr(text, autoescape=True)  # the law's text is data, never markup


def _criterion_text(criterion: scoring.Criterion) -> CriterionText:
    legend = format_html(
        '{}. {} <span class="text-muted fw-normal small text-nowrap">({})</span>',
        criterion.code,
        criterion.title,
        gettext("max %(points)s points") % {"points": _number(criterion.max_points)},
    )
    note = format_html(NOTE, _linebreaks(criterion.note)) if criterion.note else mark_safe("")
    rules = tuple(
        format_html(
            '<span class="badge {}">{}</span> <span class="text-muted">{}</span>',
            NOTE_BADGES.get(rule.kind, "text-bg-secondary"),
            NOTE_KINDS[rule.kind],
            rule.text,
        )
        for rule in criterion.rules
    )
    anchor = "criterion-" + criterion.code.replace(".", "-")
    labels = (
        format_html(
            '{}{} <span class="badge text-bg-light border text-nowrap">{}</span>{}',
            format_html('<span class="text-muted">{}:</span> ', option.case) if option.case else "",
            option.label,
            gettext("%(points)s pts") % {"points": _number(option.points)},
            format_html(
                ' <span class="badge text-bg-warning text-nowrap">{}</span>',
                gettext("minimum for %(stars)s★") % {"stars": option.min_star},
            )
            if option.min_star
            else "",
        )
        for option in criterion.options
    )
    options = tuple(
        (
            format_html(
                '<div class="form-check sheet-option"><input class="form-check-input" '
                'type="radio" name="{}" id="{}-{}" value="{}"',
                criterion.code,
                anchor,
                i,
                i,
            ),
            format_html('" for="{}-{}">', anchor, i),
            label,
        )
        for i, label in enumerate(labels)
    )
    return CriterionText(legend, note, rules, options)


def options_html(
    text: CriterionText, *, chosen: int | None, hint: int | None, editable: bool, hint_badge: str
) -> SafeString:
    """A criterion's radio buttons with the member's answer ticked: joined from the parts
    rendered once, as a template loop over 150 options was half the sheet's rendering."""
    parts = []
    for i, (opening, label_for, label) in enumerate(text.options):
        checked = i == chosen
        parts += (
            opening,
            " checked" if checked else "",
            '> <label class="form-check-label',
            " fw-semibold" if checked and not editable else "",
            label_for,
            label,
            " " + hint_badge if i == hint else "",
            "</label></div>\n",
        )
    return mark_safe("".join(parts))  # every part is escaped where it is made


def _heading(tag: str, css: str, code: str, title: str, points) -> SafeString:
    return format_html(
        '<{} class="{}">{}. {} <span class="text-muted fw-normal text-nowrap">({})</span></{}>',
        tag,
        css,
        code,
        title,
        _number(points),
        tag,
    )


@functools.lru_cache(maxsize=512)
def _sheet_text(decision: str, number: int, language: str) -> SheetText:
    criteria_set = load_criteria_set(decision, number)
    rows, criteria = [], {}
    for depth, item in criteria_set.rows():
        if isinstance(item, scoring.Part):
            heading = format_html(
                '<h2 class="h5 mt-4 pb-1 border-bottom">{}</h2>',
                gettext("Part %(code)s. %(title)s (%(points)s points)")
                % {"code": item.code, "title": item.title, "points": _number(item.max_points)},
            )
            rows.append(("heading", depth, heading))
        elif isinstance(item, scoring.Section):
            heading = _heading("h3", "h6 mt-3 text-uppercase", *_titled(item))
            if item.note and not item.scored_directly:
                heading += format_html(NOTE, item.note)
            rows.append(("heading", depth, heading))
            if item.scored_directly:
                rows.append(("criterion", depth, item.criteria[0].code))
        elif item.is_leaf:
            rows.append(("criterion", depth, item.code))
        else:
            rows.append(("heading", depth, _heading("h4", "h6 mt-2 ps-2", *_titled(item))))
    for criterion in criteria_set.leaf_criteria():
        criteria[criterion.code] = _criterion_text(criterion)
    hint = format_html(
        '<span class="badge text-bg-info text-nowrap">{}</span>',
        gettext("producer's self-assessment"),
    )
    return SheetText(tuple(rows), criteria, hint)


def _titled(item) -> tuple[str, str, object]:
    return item.code, item.title, item.max_points


def sheet_text(criteria_set: scoring.CriteriaSet) -> SheetText:
    """The rendered wording of ``criteria_set`` in the active language."""
    return _sheet_text(criteria_set.decision, criteria_set.number, get_language())
