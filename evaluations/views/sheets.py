"""A council member's score sheets: the list to score, the sheet itself (autosaved one criterion
at a time), submitting it, declaring a conflict of interest; and reading a submitted sheet."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template import engines
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Role
from criteria import scoring_notes
from products.assessment import chosen_options
from products.evidence import evidence_rows
from regions.collation import vietnamese_order

from ..conflicts import conflict_flags, conflict_reasons
from ..council_forms import ConflictForm, SheetAnswersForm
from ..councils import (
    criteria_set_for,
    declare_conflict,
    declare_no_conflict,
    running_total,
    save_sheet_points,
    sheet_for,
    submit_sheet,
    ticked_options,
)
from ..models import Council, CouncilRole, Dossier, DossierState, ScoreSheet
from ..permissions import can_score, can_view_sheet, council_role, get_dossier_for
from ..session_forms import SignSheetForm
from ..sheet_findings import chosen_points, notes_met
from ..sheet_text import NOTE_KINDS, options_html, sheet_text

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


def _criterion_row(criterion, words, depth, ticked, hints, editable, evidence=None, findings=()):
    """What belongs to the member beside a criterion's text (``words``: evaluations.sheet_text):
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


def _rows(criteria_set, ticked, hints, editable, evidence=None, findings=()):
    """The sheet as rows for the template: the headings of parts, sections and groups of nested
    criteria as rendered once (evaluations.sheet_text), and a row for each scored criterion;
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
            _criterion_row(criterion, words, depth, ticked, hints, editable, evidence, findings)
        )
    return rows


def _criteria_html(request, rows, *, editable: bool, oob: bool = False):
    """The criteria rows as HTML, through Jinja2: the sheet's hot loop (ocop_portal.jinja_env)."""
    template = engines["jinja2"].get_template("evaluations/sheets/criteria.jinja")
    context = {"rows": rows, "editable": editable, "oob": oob, "labels": SHEET_LABELS}
    return mark_safe(template.render(context, request))  # autoescaped by Jinja2


def _status(sheet, criteria_set, *, error=None, saved=False):
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


def _hints(dossier) -> dict[str, int]:
    """The producer's self-assessment, shown beside each criterion as a hint."""
    product = dossier.product
    if product.criteria_decision != dossier.criteria_decision:
        return {}
    return chosen_options(product)


def _evidence(dossier) -> dict:
    """The producer's documents linked to each criterion (Form 02 Part III), in one query."""
    product = dossier.product
    if product.criteria_decision != dossier.criteria_decision:
        return {}
    return evidence_rows(product)


def _render_sheet(request, dossier, sheet, *, own: bool, conflict_form=None):
    criteria_set = criteria_set_for(dossier)
    editable = (
        own
        and can_score(request.user, dossier)
        and not sheet.is_submitted
        and not sheet.conflict_of_interest
    )
    rows = _rows(
        criteria_set,
        ticked_options(sheet, criteria_set),
        _hints(dossier),
        editable,
        _evidence(dossier),
        set(sheet.findings),
    )
    context = {
        "dossier": dossier,
        "product": dossier.product,
        "criteria_set": criteria_set,
        "rows": rows,
        "criteria_html": _criteria_html(request, rows, editable=editable),
        "documents": dossier.product.documents.all(),
        "local_assessment": [
            (LOCAL_AREAS.get(area, area), text) for area, text in dossier.local_assessment.items()
        ],
        "own": own,
        "editable": editable,
        "is_adviser": own and council_role(request.user, dossier) == CouncilRole.ADVISER,
        "conflict_form": conflict_form or ConflictForm(),
        "sign_form": SignSheetForm(),
        # Flagged members declare before they score (evaluations.conflicts).
        "conflict_reasons": conflict_reasons(sheet.member, dossier) if own else (),
        **_status(sheet, criteria_set),
    }
    return render(request, "evaluations/sheets/sheet.html", context)


def _own_dossier(request, pk: int, *, scoring_only: bool = False) -> Dossier:
    """The dossier of a council the user sits on (404 otherwise); ``scoring_only`` refuses
    advisers, who read dossiers but do not score."""
    dossier = get_dossier_for(request.user, pk)
    role = council_role(request.user, dossier)
    if role is None:
        raise Http404
    if scoring_only and role not in CouncilRole.SCORING:
        raise PermissionDenied
    return dossier


# A member sits on a council every round: the closed sheets pile up over the years (about a
# thousand a member in a province after two years), so they are listed a page at a time.
CLOSED_PER_PAGE = 50


def my_sheets(request):
    user = request.user
    if user.role != Role.COUNCIL_MEMBER:
        raise Http404
    listed = (
        Dossier.objects.visible_to(user)
        .for_list()
        .with_sheet_of(user)
        .order_by("product__criteria_set", vietnamese_order("product__name"), "pk")
    )
    to_score = list(listed.filter(state=DossierState.IN_SCORING))
    page_number = request.GET.get("page", "")
    page = int(page_number) if page_number.isdigit() and int(page_number) > 0 else 1
    start = (page - 1) * CLOSED_PER_PAGE
    # One row more than shown tells whether an older page follows, without counting them all.
    closed = list(
        listed.filter(
            state__in=(DossierState.AT_PROVINCE | DossierState.FINISHED) - {DossierState.IN_SCORING}
        )[start : start + CLOSED_PER_PAGE + 1]
    )
    more = len(closed) > CLOSED_PER_PAGE
    closed = closed[:CLOSED_PER_PAGE]
    dossiers = to_score + closed
    counts = {}  # criteria per set: walking a set's tree for each row cost a third of the list
    for dossier in dossiers:
        dossier.my_sheet = dossier.my_sheets[0] if dossier.my_sheets else None
        key = (dossier.criteria_decision, dossier.product.criteria_set)
        if key not in counts:
            counts[key] = len(criteria_set_for(dossier).leaf_criteria())
        dossier.criteria_count = counts[key]
        dossier.answered = len(dossier.my_sheet.points_by_code) if dossier.my_sheet else 0
        dossier.scores = dossier.my_role in CouncilRole.SCORING
    flags = conflict_flags([user], dossiers)
    for dossier in dossiers:
        dossier.conflict_reasons = flags.get((user.pk, dossier.pk), ())
    # The chair and the secretary follow their councils' progress from here.
    overseen = Council.objects.visible_to(user).select_related("round").order_by("-created_at")
    template = engines["jinja2"].get_template("evaluations/sheets/sheet_list.jinja")
    common = {
        "labels": SHEET_LIST_LABELS,
        # Every row's link differs only by its key: reversed once, not once a row.
        "sheet_link": reverse("evaluations:sheet", kwargs={"pk": 0}).partition("/0/"),
    }
    return render(
        request,
        "evaluations/sheets/my_sheets.html",
        {
            "dossiers": dossiers,
            "to_score": to_score,
            "to_score_html": mark_safe(  # autoescaped by Jinja2
                template.render(
                    {
                        **common,
                        "items": to_score,
                        "empty_text": _("No dossier is waiting for your score."),
                    },
                    request,
                )
            ),
            "closed_html": mark_safe(template.render({**common, "items": closed}, request)),
            "closed": closed,
            "councils": overseen,
            "closed_page": page,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if more else None,
        },
    )


def sheet(request, pk):
    dossier = _own_dossier(request, pk)
    own_sheet = ScoreSheet.objects.filter(dossier=dossier, member=request.user).first()
    return _render_sheet(
        request, dossier, own_sheet or ScoreSheet(dossier=dossier, member=request.user), own=True
    )


def member_sheet(request, pk, user_pk):
    """Another member's sheet, read-only: the chair, the secretary and the province's officials,
    once it is submitted (404 before, so its existence leaks nothing)."""
    found = (
        ScoreSheet.objects.select_related(
            "member",
            "dossier__round",
            "dossier__council",
            "dossier__product__producer__commune",
        )
        .filter(dossier_id=pk, member_id=user_pk)
        .first()
    )
    if found is None or not can_view_sheet(request.user, found):
        raise Http404
    return _render_sheet(request, found.dossier, found, own=found.member_id == request.user.pk)


@require_POST
def sheet_autosave(request, pk):
    dossier = _own_dossier(request, pk, scoring_only=True)
    criteria_set = criteria_set_for(dossier)
    form = SheetAnswersForm(request.POST, criteria_set=criteria_set)
    sheet, error = sheet_for(dossier, request.user), None
    if form.is_valid():
        try:
            sheet = save_sheet_points(
                sheet, points=form.points(), options=form.options(), findings=form.findings()
            )
        except ValidationError as refused:
            error = refused.messages[0]
    else:
        error = next(iter(form.errors.values()))[0]
    if not request.htmx:
        if error:
            messages.error(request, error)
        url = reverse("evaluations:sheet", kwargs={"pk": pk})
        return redirect(f"{url}#{anchor(next(iter(form.criteria), ''))}")
    # A refused answer is put back as saved, so the sheet on screen never shows what is not kept.
    redo = []
    if error:
        ticked, words = ticked_options(sheet, criteria_set), sheet_text(criteria_set)
        hints, evidence, findings = _hints(dossier), _evidence(dossier), set(sheet.findings)
        redo = [
            _criterion_row(c, words, 0, ticked, hints, True, evidence, findings)
            for c in form.criteria.values()
        ]
    context = {
        "dossier": dossier,
        "rows": redo,
        "criteria_html": _criteria_html(request, redo, editable=True, oob=True) if redo else "",
        **_status(sheet, criteria_set, error=error, saved=not error),
    }
    return render(request, "evaluations/sheets/_autosave.html", context)


@require_POST
def sheet_submit(request, pk):
    dossier = _own_dossier(request, pk, scoring_only=True)
    if not SignSheetForm(request.POST).is_valid():
        messages.error(request, _("Tick the box to confirm that you sign the sheet."))
        return redirect("evaluations:sheet", pk=pk)
    try:
        submitted = submit_sheet(sheet_for(dossier, request.user), by=request.user)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(
            request,
            _("Score sheet submitted: %(total)s points. It can no longer be changed.")
            % {"total": number_format(submitted.total, 2)},
        )
    return redirect("evaluations:sheet", pk=pk)


@require_POST
def sheet_conflict(request, pk):
    dossier = _own_dossier(request, pk, scoring_only=True)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        sheet_ = ScoreSheet.objects.filter(dossier=dossier, member=request.user).first()
        sheet_ = sheet_ or ScoreSheet(dossier=dossier, member=request.user)
        return _render_sheet(request, dossier, sheet_, own=True, conflict_form=form)
    try:
        declare_conflict(dossier, member=request.user, note=form.cleaned_data["note"])
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(
            request,
            _("Conflict of interest recorded. You will not score this product."),
        )
    return redirect("evaluations:sheet", pk=pk)


@require_POST
def sheet_no_conflict(request, pk):
    dossier = _own_dossier(request, pk, scoring_only=True)
    try:
        declare_no_conflict(dossier, member=request.user)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, _("Declaration recorded: no conflict of interest."))
    return redirect("evaluations:sheet", pk=pk)
