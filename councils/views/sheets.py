"""A council member's score sheets: the list to score, the sheet itself (autosaved one criterion
at a time), submitting it, declaring a conflict of interest; and reading a submitted sheet."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template import engines
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from councils.conflicts import producer_of, producer_reasons
from councils.forms import ConflictForm, SheetAnswersForm
from councils.models import Council, CouncilRole, ScoreSheet
from councils.permissions import can_view_sheet
from councils.services import (
    criteria_set_for,
    declare_conflict,
    declare_no_conflict,
    save_sheet_points,
    sheet_for,
    submit_sheet,
    ticked_options,
)
from councils.session_forms import SignSheetForm
from councils.sheet_text import sheet_text
from criteria import scoring
from dossiers.models import Dossier, DossierState
from dossiers.permissions import (
    PAGE_RELATED,
    SHEET_WRITE_RELATED,
    council_role,
    get_dossier_for,
)
from ocop_portal.jinja_env import translated
from regions.collation import vietnamese_order

from .sheet_page import (
    SHEET_LIST_LABELS,
    anchor,
    criteria_html,
    criterion_row,
    linked_evidence,
    producer_hints,
    render_sheet,
    sheet_status,
)


def _own_dossier(
    request, pk: int, *, scoring_only: bool = False, related: tuple[str, ...] = PAGE_RELATED
) -> Dossier:
    """The dossier of a council the user sits on (404 otherwise); ``scoring_only`` refuses
    advisers, who read dossiers but do not score."""
    dossier = get_dossier_for(request.user, pk, related=related)
    role = council_role(request.user, dossier)
    if role is None:
        raise Http404
    if scoring_only and role not in CouncilRole.SCORING:
        raise PermissionDenied
    return dossier


# A member sits on a council every round: the closed sheets pile up over the years (about a
# thousand a member in a province after two years), so they are listed a page at a time.
CLOSED_PER_PAGE = 50

# What a row of the list shows (sheet_list.jinja) and the conflict flags read, as plain values
# in SheetListRow's field order: a round in session lists a hundred dossiers or more, and five
# model instances a row (dossier, round, product, producer, commune) were a third of the page.
SHEET_LIST_VALUES = (
    "pk",
    "state",
    "round__name",
    "round__criteria_decision",
    "product__name",
    "product__criteria_set",
    "product__producer_id",
    "product__producer__name",
    "product__producer__commune_id",
    "product__producer__commune__name",
    "my_role",
)


@dataclass
class SheetListRow:
    """A dossier in a member's list of sheets, with their own sheet's progress."""

    pk: int
    state: str
    round_name: str
    criteria_decision: str
    product_name: str
    criteria_set: int
    producer_id: int
    producer_name: str
    commune_id: int | None
    commune_name: str | None
    my_role: str | None
    sheet: dict | None = None  # the member's sheet: conflict, declared, submitted, total
    answered: int = 0
    criteria_count: int = 0
    conflict_reasons: tuple[str, ...] = ()

    @property
    def scores(self) -> bool:
        return self.my_role in CouncilRole.SCORING


def _own_sheets(user, rows: list[SheetListRow]) -> None:
    """Each row's own sheet of the member (one query for both lists) and its progress."""
    sheets = ScoreSheet.objects.filter(member=user, dossier_id__in=[row.pk for row in rows])
    found = {
        dossier_id: (points, conflict, declared_at, submitted_at, total)
        for dossier_id, points, conflict, declared_at, submitted_at, total in sheets.values_list(
            "dossier_id",
            "points_by_code",
            "conflict_of_interest",
            "conflict_declared_at",
            "submitted_at",
            "total",
        )
    }
    counts = {}  # criteria per set: walking a set's tree for each row cost a third of the list
    for row in rows:
        key = (row.criteria_decision, row.criteria_set)
        if key not in counts:
            counts[key] = len(scoring.load_criteria_set(*key).leaf_criteria())
        row.criteria_count = counts[key]
        if row.pk in found:
            points, conflict, declared_at, submitted_at, total = found[row.pk]
            row.answered = len(points)
            row.sheet = {
                "conflict_of_interest": conflict,
                "has_declared": ScoreSheet.declaration_made(declared_at, conflict),
                "submitted": submitted_at is not None,
                "total": total,
            }


def my_sheets(request):
    user = request.user
    if user.role != Role.COUNCIL_MEMBER:
        raise Http404
    listed = (
        Dossier.objects.visible_to(user)
        .with_seat_of(user)
        .order_by("product__criteria_set", vietnamese_order("product__name"), "pk")
        .values_list(*SHEET_LIST_VALUES)
    )
    to_score = [SheetListRow(*row) for row in listed.filter(state=DossierState.IN_SCORING)]
    page_number = request.GET.get("page", "")
    page = int(page_number) if page_number.isdigit() and int(page_number) > 0 else 1
    start = (page - 1) * CLOSED_PER_PAGE
    # One row more than shown tells whether an older page follows, without counting them all.
    closed = [
        SheetListRow(*row)
        for row in listed.filter(
            state__in=(DossierState.AT_PROVINCE | DossierState.FINISHED) - {DossierState.IN_SCORING}
        )[start : start + CLOSED_PER_PAGE + 1]
    ]
    more = len(closed) > CLOSED_PER_PAGE
    closed = closed[:CLOSED_PER_PAGE]
    dossiers = to_score + closed
    _own_sheets(user, dossiers)
    producer_of_user = producer_of(user)
    for row in dossiers:
        row.conflict_reasons = producer_reasons(
            user,
            row.producer_id,
            row.producer_name,
            row.commune_id,
            producer_of_user=producer_of_user,
        )
    # The chair and the secretary follow their councils' progress from here.
    overseen = Council.objects.visible_to(user).select_related("round").order_by("-created_at")
    template = engines["jinja2"].get_template("evaluations/sheets/sheet_list.jinja")
    common = {
        "labels": translated(SHEET_LIST_LABELS),
        "states": translated(dict(DossierState.choices)),
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
    if own_sheet is None:
        own_sheet = ScoreSheet(dossier=dossier, member=request.user)
    else:
        own_sheet.dossier, own_sheet.member = dossier, request.user  # read already
    return render_sheet(request, dossier, own_sheet, own=True)


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
    return render_sheet(request, found.dossier, found, own=found.member_id == request.user.pk)


@require_POST
def sheet_autosave(request, pk):
    dossier = _own_dossier(request, pk, scoring_only=True, related=SHEET_WRITE_RELATED)
    criteria_set = criteria_set_for(dossier)
    form = SheetAnswersForm(request.POST, criteria_set=criteria_set)
    sheet, error = None, None
    if form.is_valid():
        try:
            sheet = save_sheet_points(
                ScoreSheet(dossier=dossier, member=request.user),
                points=form.points(),
                options=form.options(),
                findings=form.findings(),
            )
        except ValidationError as refused:
            error = refused.messages[0]
    else:
        error = next(iter(form.errors.values()))[0]
    if sheet is None:  # refused: the sheet as saved, to put the answers back
        sheet = sheet_for(dossier, request.user)
    if not request.htmx:
        if error:
            messages.error(request, error)
        url = reverse("evaluations:sheet", kwargs={"pk": pk})
        return redirect(f"{url}#{anchor(next(iter(form.criteria), ''))}")
    # A refused answer is put back as saved, so the sheet on screen never shows what is not kept.
    redo = []
    if error:
        ticked, words = ticked_options(sheet, criteria_set), sheet_text(criteria_set)
        hints, evidence, findings = (
            producer_hints(dossier),
            linked_evidence(dossier),
            set(sheet.findings),
        )
        redo = [
            criterion_row(c, words, 0, ticked, hints, True, evidence, findings)
            for c in form.criteria.values()
        ]
    context = {
        "dossier": dossier,
        "rows": redo,
        "criteria_html": criteria_html(request, redo, editable=True, oob=True) if redo else "",
        **sheet_status(sheet, criteria_set, error=error, saved=not error),
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
        return render_sheet(request, dossier, sheet_, own=True, conflict_form=form)
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
