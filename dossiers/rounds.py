"""Evaluation rounds (đợt đánh giá, phân hạng): creating, editing and moving them along.

A round is not a dossier, so its state moves here rather than through ``transitions``:
planned → open (producers submit until the local cut-off) → council (the provincial council
scores what was forwarded) → closed. Decision 26/2026, Art. 5: a province runs at least two rounds
a year; round 1 ends before 30 June for dossiers proposed by 30 April, round 2 before 30 December
for dossiers proposed by 30 October.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from dossiers import permissions
from dossiers.models import Dossier, DossierState, Round, RoundState

MIN_ROUNDS_PER_YEAR = 2  # Art. 5.1

# move: (state it starts from, state it leads to)
ROUND_MOVES: dict[str, tuple[str, str]] = {
    "open": (RoundState.PLANNED, RoundState.OPEN),
    "council": (RoundState.OPEN, RoundState.COUNCIL),
    "close": (RoundState.COUNCIL, RoundState.CLOSED),
}
# Fields the office may still change once the round has opened.
EDITABLE_ONCE_OPEN = ("name", "local_cutoff_on", "council_meeting_on", "closes_on")


def can_enter_round(user, product) -> bool:
    """The product's page offers "Submit to a round": a round accepts dossiers now, the user may
    file for the product, and no dossier of it is under way (one at a time)."""
    return (
        permissions.can_file_dossier(user, product)
        and Round.objects.visible_to(user).accepting().exists()
        and not Dossier.objects.filter(product=product, state__in=DossierState.ACTIVE).exists()
    )


def create_round(*, by, province_id: int, data: dict[str, Any]) -> Round:
    """Plan a new round; it opens to producers only when the office opens it."""
    if not permissions.can_manage_round(by, province_id):
        raise PermissionDenied
    round_ = Round(province_id=province_id, state=RoundState.PLANNED, **data)
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def update_round(round_: Round, *, by, data: dict[str, Any]) -> Round:
    """Change a round's name or dates; its year, number and criteria stay fixed once dossiers
    may have been filed against them."""
    if not permissions.can_manage_round(by, round_.province_id):
        raise PermissionDenied
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if locked.state == RoundState.CLOSED:
        raise ValidationError(_("A closed round can no longer be changed."))
    fixed = [
        name
        for name, value in data.items()
        if locked.state != RoundState.PLANNED
        and name not in EDITABLE_ONCE_OPEN
        and getattr(locked, name) != value
    ]
    if fixed:
        raise ValidationError(
            _("Once the round has opened, only its name and later dates can change.")
        )
    for name, value in data.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def move_round(round_: Round, *, by, move: str) -> Round:
    """Open a round, hand it to the council, or close it (see ``ROUND_MOVES``).

    A round closes only once every dossier filed in it has reached a decision (recognised, not
    recognised, rejected or withdrawn): nothing is left stranded in a closed round.
    """
    if not permissions.can_manage_round(by, round_.province_id):
        raise PermissionDenied
    if move not in ROUND_MOVES:
        raise ValidationError(_("Unknown change of round state."))
    source, target = ROUND_MOVES[move]
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if locked.state != source:
        raise ValidationError(
            _("This round is now “%(state)s”; nothing was changed. Reload the page.")
            % {"state": locked.get_state_display()}
        )
    if target == RoundState.CLOSED:
        pending = locked.dossiers.active().exclude(state=DossierState.DRAFT).count()
        if pending:
            raise ValidationError(
                _("%(count)s dossiers of this round are still under way; decide them first.")
                % {"count": pending}
            )
    locked.state = target
    locked.save(update_fields=["state"])
    return locked


def dossier_counts(round_: Round, dossiers) -> dict[str, int]:
    """State → number of `dossiers` (already scoped to the viewer) in `round_`."""
    rows = dossiers.filter(round=round_).values("state").annotate(n=Count("pk")).order_by("state")
    return {row["state"]: row["n"] for row in rows}


def years_short_of_rounds(rounds, *, today: datetime.date) -> list[tuple[int, int]]:
    """(year, count) for each year with fewer than two rounds: this year, and from October on
    (when next year's rounds are planned) the next one too."""
    years = [today.year] + ([today.year + 1] if today.month >= 10 else [])
    counts = {
        row["year"]: row["n"]
        for row in rounds.filter(year__in=years).values("year").annotate(n=Count("pk")).order_by()
    }
    return [
        (year, counts.get(year, 0)) for year in years if counts.get(year, 0) < MIN_ROUNDS_PER_YEAR
    ]


def legal_deadline_hint(number: int, year: int) -> str:
    """Art. 5's dates for the first and second round of a year, shown beside the form."""
    if number == 1:
        proposed, finished = datetime.date(year, 4, 30), datetime.date(year, 6, 30)
    elif number == 2:
        proposed, finished = datetime.date(year, 10, 30), datetime.date(year, 12, 30)
    else:
        return ""
    return _(
        "Round %(number)s of %(year)s: communes propose dossiers by %(proposed)s and the round "
        "ends before %(finished)s (Decision 26/2026, Art. 5)."
    ) % {
        "number": number,
        "year": year,
        "proposed": proposed.strftime("%d/%m/%Y"),
        "finished": finished.strftime("%d/%m/%Y"),
    }
