"""Evaluation rounds: the list, a round's page, and the provincial office's forms to create,
edit, open, hand to the council and close a round."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dossiers import rounds as round_services
from dossiers.forms import RoundCreateForm, RoundForm, RoundMoveForm
from dossiers.models import Dossier, DossierState, Round, RoundState
from dossiers.permissions import can_manage_round, get_round_for
from once.services import create_once

MOVE_LABELS = {
    "open": gettext_lazy("Open to producers"),
    "council": gettext_lazy("Hand to the council"),
    "close": gettext_lazy("Close the round"),
}
MOVE_DONE = {
    "open": gettext_lazy("The round is open: producers can submit dossiers until its cut-off."),
    "council": gettext_lazy("The round is now with the provincial council."),
    "close": gettext_lazy("The round is closed."),
}


def _managed_province(user) -> int | None:
    """The province whose rounds `user` manages, if any."""
    province = user.province_id or settings.OCOP_PROVINCE_CODE
    return province if can_manage_round(user, province) else None


def round_list(request):
    user = request.user
    rounds = Round.objects.visible_to(user)
    province = _managed_province(user)
    listed = rounds.annotate(
        dossier_count=Count("dossiers", filter=~Q(dossiers__state=DossierState.DRAFT))
    ).order_by("-year", "-number")
    return render(
        request,
        "evaluations/round_list.html",
        {
            "rounds": listed,
            "can_manage": province is not None,
            "short_years": round_services.years_short_of_rounds(rounds, today=timezone.localdate())
            if province
            else [],
        },
    )


def round_detail(request, pk):
    user = request.user
    round_ = get_round_for(user, pk)
    counts = round_services.dossier_counts(round_, Dossier.objects.visible_to(user))
    manage = can_manage_round(user, round_.province_id)
    moves = [
        {"move": move, "label": MOVE_LABELS[move]}
        for move, (source, _target) in round_services.ROUND_MOVES.items()
        if manage and round_.state == source
    ]
    mine = []
    if user.is_producer:
        mine = list(Dossier.objects.visible_to(user).for_list().filter(round=round_))
    return render(
        request,
        "evaluations/round_detail.html",
        {
            "round": round_,
            "counts": [(DossierState(state).label, state, n) for state, n in counts.items()],
            "total": sum(counts.values()),
            "can_manage": manage,
            "can_edit": manage and round_.state != RoundState.CLOSED,
            "moves": moves,
            "my_dossiers": mine,
            "accepts": round_.accepts_dossiers(),
            "deadline_hint": round_services.legal_deadline_hint(round_.number, round_.year),
        },
    )


def round_create(request):
    user = request.user
    province = _managed_province(user)
    if province is None:
        raise Http404
    form = RoundCreateForm(request.POST or None)
    if form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop("client_token", None)
        try:
            round_, repeated = create_once(
                request,
                token,
                lambda: round_services.create_round(by=user, province_id=province, data=data),
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            if repeated:
                return repeated
            messages.success(request, _("Round “%(name)s” planned.") % {"name": round_.name})
            return redirect(round_)
    return render(request, "evaluations/round_form.html", {"form": form, "round": None})


def round_edit(request, pk):
    user = request.user
    round_ = get_round_for(user, pk)
    if not can_manage_round(user, round_.province_id) or round_.state == RoundState.CLOSED:
        raise Http404
    editable = None if round_.state == RoundState.PLANNED else round_services.EDITABLE_ONCE_OPEN
    form = RoundForm(request.POST or None, instance=Round.objects.get(pk=pk), editable=editable)
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            round_services.update_round(round_, by=user, data=data)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The round was saved."))
            return redirect(round_)
    return render(request, "evaluations/round_form.html", {"form": form, "round": round_})


@require_POST
def round_move(request, pk):
    user = request.user
    round_ = get_round_for(user, pk)
    if not can_manage_round(user, round_.province_id):
        raise Http404
    form = RoundMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown change of round state."))
        return redirect(round_)
    move = form.cleaned_data["move"]
    try:
        round_services.move_round(round_, by=user, move=move)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, MOVE_DONE[move])
    return redirect(round_)
