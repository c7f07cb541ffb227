"""The score sheet as a page: the criteria rows beside the member's answers, the producer's
hints and evidence, and the sheet's progress, rendered for the sheet's views (sheets.py) and for
the autosave's answer (the criteria loop itself is Jinja2: ocop_portal.jinja_env)."""

import functools

from crispy_forms.utils import render_crispy_form
from django.shortcuts import render
from django.template import engines
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy

from councils.conflicts import conflict_reasons
from councils.forms import ConflictForm
from councils.models import CouncilRole
from councils.permissions import can_score
from councils.services import (
    criteria_set_for,
    running_total,
    ticked_options,
)
from councils.session_forms import SignSheetForm
from councils.sheet_findings import chosen_points, notes_met
from councils.sheet_text import NOTE_KINDS, options_html, sheet_text
from criteria import scoring_notes
from dossiers.permissions import council_role
from ocop_portal.jinja_env import translated
from products.assessment import chosen_options
from products.evidence import evidence_rows

# Form 03: the commune's assessment, shown to the council beside the evidence.
LOCAL_AREAS = {
    "raw_materials": gettext_lazy("Raw materials"),
    "local_labour": gettext_lazy("Local labour"),
    "idea_origin": gettext_lazy("Origin of the idea"),
    "local_identity": gettext_lazy("Local identity"),
}


# The words of the criteria loop (templates/jinja2/evaluations/sheets/criteria.jinja), here so
# that makemessages, which reads no Jinja2, keeps their msgids.
SHEET_LABELS = {
    "finding": gettext_lazy("Finding: this note applies to the product"),
    "expected": gettext_lazy("Expected evidence:"),
    "no_kind": gettext_lazy("No document of this kind is linked"),
    "no_document": gettext_lazy("no document linked"),
    "sample": gettext_lazy("Judged on the samples."),
    "site": gettext_lazy("Judged at the site."),
    "text": gettext_lazy("Judged from the dossier's text and the commune's report."),
    "expired": gettext_lazy("expired"),
    "none_linked": gettext_lazy("The producer linked no document to this criterion."),
    "save": gettext_lazy("Save"),
}


# The words of a member's list of sheets (templates/jinja2/evaluations/sheets/sheet_list.jinja).
SHEET_LIST_LABELS = {
    "criteria_set": gettext_lazy("criteria set %(number)s"),
    "advisory": gettext_lazy("Advisory team: read only"),
    "conflict": gettext_lazy("Conflict of interest declared"),
    "submitted": gettext_lazy("Submitted: %(total)s points"),
    "in_progress": gettext_lazy("In progress: %(answered)s of %(count)s criteria"),
    "not_started": gettext_lazy("Not started"),
    "possible_conflict": gettext_lazy("Possible conflict of interest"),
    "declare": gettext_lazy("declare before scoring"),
}


def anchor(code: str) -> str:
    return "criterion-" + code.replace(".", "-")


def criterion_row(criterion, words, depth, ticked, hints, editable, evidence=None, findings=()):
    """What belongs to the member beside a criterion's text (``words``: councils.sheet_text):
    the ticked option, the producer's hint, the recorded findings, the evidence; ``findings``:
    the criteria whose note the member recorded as applying."""
    code = criterion.code
    text = words.criteria[code]
    return {
        "kind": "criterion",
        "criterion": criterion,
        "code": code,
        "anchor": anchor(code),
        "depth": depth,
        "text": text,
        "options": options_html(
            text,
            chosen=ticked.get(code),
            hint=hints.get(code),
            editable=editable,
            hint_badge=words.hint_badge,
        ),
        "evidence": (evidence or {}).get(code),
        "rules": [
            {"rule": rule, "text": rule_text, "recorded": code in findings}
            for rule, rule_text in zip(criterion.rules, text.rules, strict=True)
        ],
    }


def sheet_rows(criteria_set, ticked, hints, editable, evidence=None, findings=()):
    """The sheet as rows for the template: the headings of parts, sections and groups of nested
    criteria as rendered once (councils.sheet_text), and a row for each scored criterion;
    ``evidence`` (code → the producer's evidence row, read once for the whole sheet) goes
    beside each criterion."""
    words = sheet_text(criteria_set)
    rows = []
    for kind, depth, value in words.rows:
        if kind == "heading":
            rows.append({"kind": kind, "html": value})
            continue
        criterion = criteria_set.criterion(value)
        rows.append(
            criterion_row(criterion, words, depth, ticked, hints, editable, evidence, findings)
        )
    return rows


def criteria_html(request, rows, *, editable: bool, oob: bool = False):
    """The criteria rows as HTML, through Jinja2: the sheet's hot loop (ocop_portal.jinja_env)."""
    template = engines["jinja2"].get_template("evaluations/sheets/criteria.jinja")
    context = {"rows": rows, "editable": editable, "oob": oob, "labels": translated(SHEET_LABELS)}
    return mark_safe(template.render(context, request))  # autoescaped by Jinja2


def sheet_status(sheet, criteria_set, *, error=None, saved=False):
    """The sheet's progress; ``stops``: the stop and knock-out notes it meets so far (the product
    would not be rated); ``not_applicable``: criteria counted 0 by their applicability note."""
    chosen = chosen_points(sheet.points_by_code)
    return {
        "sheet": sheet,
        "answered": len(ticked_options(sheet, criteria_set)),
        "criteria_count": len(criteria_set.leaf_criteria()),
        "running_total": running_total(sheet, criteria_set),
        "stops": [(rule, NOTE_KINDS[rule.kind]) for rule in notes_met(sheet, criteria_set)],
        "not_applicable": scoring_notes.not_applicable(criteria_set, chosen),
        "max_points": criteria_set.max_points,
        "saved": saved,
        "error": error,
    }


def producer_hints(dossier) -> dict[str, int]:
    """The producer's self-assessment, shown beside each criterion as a hint."""
    product = dossier.product
    if product.criteria_decision != dossier.criteria_decision:
        return {}
    return chosen_options(product)


def linked_evidence(dossier) -> dict:
    """The producer's documents linked to each criterion (Form 02 Part III), in one query."""
    product = dossier.product
    if product.criteria_decision != dossier.criteria_decision:
        return {}
    return evidence_rows(product)


@functools.lru_cache(maxsize=4)
def _empty_conflict_form(language: str) -> str:
    """The conflict declaration as every editable sheet offers it: the same markup for everyone
    in a language (no value, no token: the template's <form> holds the token), so laid out by
    crispy once per language and process rather than on every view and autosave."""
    return render_crispy_form(ConflictForm())


def render_sheet(request, dossier, sheet, *, own: bool, conflict_form=None):
    criteria_set = criteria_set_for(dossier)
    editable = (
        own
        and can_score(request.user, dossier)
        and not sheet.is_submitted
        and not sheet.conflict_of_interest
    )
    rows = sheet_rows(
        criteria_set,
        ticked_options(sheet, criteria_set),
        producer_hints(dossier),
        editable,
        linked_evidence(dossier),
        set(sheet.findings),
    )
    context = {
        "dossier": dossier,
        "product": dossier.product,
        "criteria_set": criteria_set,
        "rows": rows,
        "criteria_html": criteria_html(request, rows, editable=editable),
        "documents": dossier.product.documents.all(),
        "local_assessment": [
            (LOCAL_AREAS.get(area, area), text) for area, text in dossier.local_assessment.items()
        ],
        "own": own,
        "editable": editable,
        "is_adviser": own and council_role(request.user, dossier) == CouncilRole.ADVISER,
        # A form sent back with its errors is laid out afresh; the empty one is the same for all.
        "conflict_form": conflict_form,
        "empty_conflict_form": "" if conflict_form else _empty_conflict_form(get_language()),
        "sign_form": SignSheetForm(),
        # Flagged members declare before they score (councils.conflicts).
        "conflict_reasons": conflict_reasons(sheet.member, dossier) if own else (),
        **sheet_status(sheet, criteria_set),
    }
    return render(request, "evaluations/sheets/sheet.html", context)
