"""Council sessions: the chair or the secretary opens a sitting, records attendance and the order
of the products; the chair notes the discussion of spreads; the consolidated sheet. (The minutes
and the proposal to the approver as PDFs: certificates/views/session_documents.py.)"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from councils.permissions import (
    can_record_discussion,
    can_run_session,
    get_council_for,
    get_session_for,
)
from councils.session_board import consolidated_sheet, session_board
from councils.session_forms import AgendaOrderForm, AttendanceForm, DiscussionForm, SessionForm
from councils.sessions import (
    admit_written_sheet,
    close_session,
    open_session,
    record_attendance,
    record_discussion,
    set_agenda_order,
)


def session_create(request, pk):
    council = get_council_for(request.user, pk)
    if not can_run_session(request.user, council):
        raise Http404
    form = SessionForm(request.POST or None, council=council)
    if form.is_valid():
        try:
            session = open_session(council, by=request.user, **form.cleaned_data)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("Session opened."))
            return redirect(session)
    return render(
        request, "evaluations/sessions/session_form.html", {"council": council, "form": form}
    )


def session_detail(request, pk):
    session = get_session_for(request.user, pk)
    board = session_board(session)
    running = can_run_session(request.user, session.council)
    return render(
        request,
        "evaluations/sessions/session_detail.html",
        {
            "session": session,
            "council": session.council,
            "board": board,
            "can_run": running and session.is_open,
            "can_discuss": session.is_open and can_record_discussion(request.user, session.council),
            "attendance_form": AttendanceForm(
                council=session.council, initial={"present": list(board.present_ids)}
            ),
            "absent_scorers": [s for s in board.scorers if s.pk not in board.present_ids],
        },
    )


@require_POST
def session_attendance(request, pk):
    session = get_session_for(request.user, pk, running=True)
    form = AttendanceForm(request.POST, council=session.council)
    if form.is_valid():
        try:
            record_attendance(session, by=request.user, present=form.cleaned_data["present"])
        except ValidationError as refused:
            messages.error(request, refused.messages[0])
        else:
            messages.success(request, _("Attendance recorded."))
    else:
        messages.error(request, _("Tick the members present."))
    return redirect(session)


@require_POST
def session_order(request, pk):
    session = get_session_for(request.user, pk, running=True)
    form = AgendaOrderForm(request.POST, session=session, items=session.items.all())
    if form.is_valid():
        try:
            set_agenda_order(session, by=request.user, positions=form.positions())
        except ValidationError as refused:
            messages.error(request, refused.messages[0])
        else:
            messages.success(request, _("Order of the products saved."))
    else:
        messages.error(request, _("Give each product a whole number from 1 to 999."))
    return redirect(session)


@require_POST
def session_discussion(request, pk, dossier_pk):
    session = get_session_for(request.user, pk)
    item = session.items.filter(dossier_id=dossier_pk).first()
    if item is None or not can_record_discussion(request.user, session.council):
        raise Http404
    form = DiscussionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["note"])
        record_discussion(item, by=request.user, note=form.cleaned_data["note"])
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, _("Discussion note recorded."))
    return redirect(f"{session.get_absolute_url()}#dossier-{dossier_pk}")


@require_POST
def session_written_sheet(request, pk):
    """The secretary admits an absent member's written sheet, naming the basis (issue 18)."""
    session = get_session_for(request.user, pk, running=True)
    member_id = request.POST.get("member", "")
    member = (
        session.council.members.filter(pk=int(member_id)).first() if member_id.isdigit() else None
    )
    try:
        if member is None:
            raise ValidationError(_("Choose a member of this council."))
        admit_written_sheet(
            session, by=request.user, member=member, basis=request.POST.get("basis", "")
        )
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, _("The absent member's written sheet will count."))
    return redirect(session)


@require_POST
def session_close(request, pk):
    session = get_session_for(request.user, pk, running=True)
    if not request.POST.get("confirm"):  # irreversible: asked first (no inline script, CSP)
        messages.error(request, _("Tick the confirmation before closing the session."))
        return redirect(session)
    try:
        close_session(session, by=request.user)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, _("Session closed."))
    return redirect(session)


def session_consolidated(request, pk, dossier_pk):
    session = get_session_for(request.user, pk)
    board = session_board(session)
    item = next((i for i in board.items if i.dossier_id == dossier_pk), None)
    if item is None:
        raise Http404
    sheets = item.dossier.score_sheets.all()
    return render(
        request,
        "evaluations/sessions/consolidated.html",
        {
            "session": session,
            "item": item,
            "dossier": item.dossier,
            "consolidated": consolidated_sheet(item.dossier, item.outcome, sheets),
        },
    )
