"""The provincial office forms councils and assigns dossiers to them; the chair follows each
dossier's scoring and closes it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Role
from councils.closing import close_scoring_refusal
from councils.conflicts import conflict_flags
from councils.forms import AssignForm, CouncilForm
from councils.models import Council, CouncilRole, SessionState
from councils.permissions import RUNNING_ROLES, can_manage_council, get_council_for
from councils.services import form_council, outcome_for
from councils.sessions import open_item_for, presence_of, quorum_from
from dossiers.models import DossierAction, DossierState, Round, RoundState
from dossiers.permissions import PROVINCE_OFFICIALS, can_manage_round, get_dossier_for
from once.services import create_once
from regions.collation import vietnamese_order

from ..council_assignment import assign_dossiers
from ..permissions import can
from ..transitions import TransitionError, close_scoring

ROLE_ORDER = {role: i for i, role in enumerate(CouncilRole.values)}


def council_list(request):
    user = request.user
    if user.role not in PROVINCE_OFFICIALS | {Role.COUNCIL_MEMBER}:
        raise Http404
    councils = list(
        Council.objects.visible_to(user).for_list().order_by("-round__year", "-round__number", "pk")
    )
    rounds = []
    if user.province_id and can_manage_round(user, user.province_id):
        rounds = list(
            Round.objects.in_province(user.province_id)
            .exclude(state=RoundState.CLOSED)
            .order_by("-year", "-number")
        )
    return render(
        request, "evaluations/councils/council_list.html", {"councils": councils, "rounds": rounds}
    )


def council_create(request, round_pk):
    round_ = get_object_or_404(Round, pk=round_pk)
    if not can_manage_round(request.user, round_.province_id):
        raise Http404
    form = CouncilForm(request.POST or None, round=round_)
    if form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop("client_token", None)
        try:
            council, repeated = create_once(
                request, token, lambda: form_council(round_, by=request.user, **data)
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            if repeated:
                return repeated
            messages.success(request, _("Council “%(name)s” formed.") % {"name": council.name})
            return redirect(council)
    return render(
        request, "evaluations/councils/council_form.html", {"form": form, "round": round_}
    )


def _open_session_facts(council, seats, sessions):
    """The open session's agenda items by dossier, its presence and its quorum: what
    ``close_scoring_refusal`` reads, loaded once for the whole page (no query without one)."""
    session = next((s for s in sessions if s.state == SessionState.OPEN), None)
    if session is None:
        return {}, None, None
    items = {item.dossier_id: item for item in session.items.all()}
    for item in items.values():
        item.session = session
    presence = presence_of(session)
    return items, presence, quorum_from(council, seats, set(presence.present))


def _matrix(council, seats, sessions):
    """Each dossier of the council with one cell per scoring member and the outcome so far;
    ``closable`` is the transition's own answer (``close_scoring_refusal``)."""
    scorers = [seat for seat in seats if seat.role in CouncilRole.SCORING]
    dossiers = list(
        council.dossiers.for_list()
        .select_related("result")
        .prefetch_related("score_sheets")
        .order_by("product__criteria_set", vietnamese_order("product__name"), "pk")
    )
    flags = conflict_flags([seat.user for seat in scorers], dossiers)
    open_items, presence, quorum = _open_session_facts(council, seats, sessions)
    for dossier in dossiers:
        dossier.council = council  # already loaded: no query per dossier
        sheets = {sheet.member_id: sheet for sheet in dossier.score_sheets.all()}
        dossier.cells = [
            (seat, sheets.get(seat.user_id), flags.get((seat.user_id, dossier.pk), ()))
            for seat in scorers
        ]
        dossier.outcome = outcome_for(dossier, seats=scorers, sheets=sheets.values())
        dossier.closing_refusal = None
        if dossier.state == DossierState.IN_SCORING:
            item = open_items.get(dossier.pk)
            counted = outcome_for(
                dossier, seats=scorers, sheets=sheets.values(), presence=item and presence
            )
            dossier.closing_refusal = close_scoring_refusal(
                dossier, item=item, outcome=counted, quorum=item and quorum
            )
        dossier.closable = (
            dossier.state == DossierState.IN_SCORING and dossier.closing_refusal is None
        )
    return scorers, dossiers


def council_detail(request, pk):
    council = get_council_for(request.user, pk)
    seats = sorted(
        council.members.select_related("user"),
        key=lambda seat: (ROLE_ORDER[seat.role], seat.user.full_name),
    )
    sessions = list(council.sessions.order_by("-held_on", "-pk"))
    scorers, dossiers = _matrix(council, seats, sessions)
    mine = next((seat for seat in seats if seat.user_id == request.user.pk), None)
    return render(
        request,
        "evaluations/councils/council_detail.html",
        {
            "council": council,
            "seats": seats,
            "scorers": scorers,
            "dossiers": dossiers,
            "can_close": mine is not None and mine.role == CouncilRole.CHAIR,
            "can_assign": can_manage_council(request.user, council),
            "sessions": sessions,
            "can_run_session": mine is not None and mine.role in RUNNING_ROLES,
        },
    )


def council_assign(request, pk):
    council = get_council_for(request.user, pk)
    if not can_manage_council(request.user, council):
        raise PermissionDenied
    form = AssignForm(request.POST or None, council=council)
    if form.is_valid():
        assigned, refused = assign_dossiers(
            council, by=request.user, dossiers=form.cleaned_data["dossiers"]
        )
        if assigned:
            messages.success(
                request,
                _("%(count)s dossier(s) assigned to the council.") % {"count": len(assigned)},
            )
            messages.info(request, _("Their notices wait in the outbox."))
        for dossier, reason in refused:
            messages.error(request, f"{dossier.product.name}: {reason}")
        return redirect(council)
    return render(
        request, "evaluations/councils/council_assign.html", {"council": council, "form": form}
    )


CONFIRM_CLOSE_SCORING = gettext_lazy(
    "Tick the confirmation before closing scoring: the council's result becomes final."
)


@require_POST
def council_close_scoring(request, pk, dossier_pk):
    council = get_council_for(request.user, pk)
    dossier = get_dossier_for(request.user, dossier_pk)
    if dossier.council_id != council.pk:
        raise Http404
    item = open_item_for(dossier)  # where the chair goes back to after closing
    if not can(request.user, DossierAction.CLOSE_SCORING, dossier):
        raise PermissionDenied  # refused before the confirmation is even read
    if not request.POST.get("confirm"):  # irreversible: asked first (no inline script, CSP)
        messages.error(request, CONFIRM_CLOSE_SCORING)
        return redirect(item.session if item else council)
    try:
        closed = close_scoring(dossier, by=request.user)
    except TransitionError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Scoring of “%(product)s” closed: %(average)s points, %(stars)s★.")
            % {
                "product": closed.product.name,
                "average": number_format(closed.result.average, 2),
                "stars": closed.result.stars,
            },
        )
    return redirect(item.session if item else council)
