"""Read functions for the dashboard: plain figures, each from one aggregate query.

Every function takes the user (and "today") and returns lists of plain rows, already restricted to
what the user may see (``permissions.certificates_visible_to`` / ``dossiers_visible_to``). The
number of queries is fixed: it does not grow with the number of products, producers or rounds.

"Recognised" means a current certificate (``Certificate.objects.current``): not revoked, not
replaced by a newer recognition, not past its 36 months.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext as _

from certificates.models.certificate import add_months
from criteria.scoring import CriteriaSetInfo, ScoringError, list_criteria_sets
from dossiers.models import DossierState, RoundState
from producers.models import ProducerKind

from . import permissions

STARS = (3, 4, 5)
EXPIRY_HORIZON_MONTHS = 6
EXPIRING_LISTED = 20
# Dossier states as dashboard columns, in the order a dossier moves (drafts are never reported).
ROUND_STATES = (
    DossierState.SUBMITTED,
    DossierState.RETURNED,
    DossierState.ACCEPTED,
    DossierState.FORWARDED,
    DossierState.IN_SCORING,
    DossierState.SCORED,
    DossierState.NOMINATED,
    DossierState.APPROVED,
    DossierState.NOT_RECOGNISED,
    DossierState.REJECTED,
    DossierState.WITHDRAWN,
)


@cache
def criteria_sets(decision: str) -> dict[int, CriteriaSetInfo]:
    """Set number → its name, sector and group; empty for a decision not in the catalogue."""
    try:
        return {info.number: info for info in list_criteria_sets(decision)}
    except ScoringError:
        return {}


def criteria_set_label(decision: str, number: int) -> str:
    info = criteria_sets(decision).get(number)
    return f"{number}. {info.name}" if info else str(number)


def recognised(user, today: datetime.date):
    # order_by(): no default ordering may slip into the GROUP BY of the aggregates below.
    return permissions.certificates_visible_to(user).current(today).order_by()


def by_stars(user, today) -> list[dict]:
    counts = dict(recognised(user, today).values_list("stars").annotate(n=Count("id")))
    return [{"stars": stars, "count": counts.get(stars, 0)} for stars in STARS]


def by_sector(user, today) -> list[dict]:
    """Rows of sector → group → count, in the law's order (Decision 26/2026, Appendix I)."""
    rows = (
        recognised(user, today)
        .values_list("criteria_decision", "criteria_set")
        .annotate(n=Count("id"))
    )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    order: dict[tuple[str, str], tuple] = {}
    for decision, number, n in rows:
        info = criteria_sets(decision).get(number)
        key = (info.sector, info.group) if info else (_("Other"), str(number))
        counts[key] += n
        order[key] = min(order.get(key, (True, number)), (info is None, number))
    ordered = sorted(counts, key=lambda key: order[key])
    return [{"sector": s, "group": g, "count": counts[(s, g)]} for s, g in ordered]


def sector_totals(sector_rows: list[dict]) -> list[dict]:
    totals: dict[str, int] = {}
    for row in sector_rows:
        totals[row["sector"]] = totals.get(row["sector"], 0) + row["count"]
    return [{"sector": sector, "count": n} for sector, n in totals.items()]


def by_area(user, today) -> list[dict]:
    """Former districts (most products first), each with its communes."""
    rows = (
        recognised(user, today)
        .values_list("former_district_name", "commune_name")
        .annotate(n=Count("id"))
    )
    districts: dict[str, dict] = {}
    for district, commune, n in rows:
        name = district or _("(no former district)")
        entry = districts.setdefault(name, {"former_district": name, "count": 0, "communes": []})
        entry["count"] += n
        entry["communes"].append({"commune": commune, "count": n})
    for entry in districts.values():
        entry["communes"].sort(key=lambda c: (-c["count"], c["commune"]))
    return sorted(districts.values(), key=lambda d: (-d["count"], d["former_district"]))


def by_producer_kind(user, today) -> list[dict]:
    counts = dict(recognised(user, today).values_list("producer_kind").annotate(n=Count("id")))
    return [{"kind": kind.label, "count": counts.get(kind.value, 0)} for kind in ProducerKind]


def by_year(user) -> list[dict]:
    """Recognitions per year of decision, by stars: every certificate issued, whatever became
    of it since (expired, replaced or revoked), so a year's figure never changes afterwards."""
    rows = (
        permissions.certificates_visible_to(user)
        .filter(reissue_of__isnull=True)  # a corrected re-issue is the same recognition
        .order_by()
        .annotate(year=ExtractYear("decision_date"))
        .values_list("year", "stars")
        .annotate(n=Count("id"))
    )
    years: dict[int, dict] = {}
    for year, stars, n in rows:
        entry = years.setdefault(year, {"year": year, "total": 0, **dict.fromkeys(STARS, 0)})
        entry[stars] = entry.get(stars, 0) + n
        entry["total"] += n
    return [
        {**entry, "by_stars": [entry[s] for s in STARS]} for _year, entry in sorted(years.items())
    ]


@dataclass
class RoundRow:
    round: object
    counts: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts)


def rounds_in_progress(user) -> list[RoundRow]:
    """Rounds not yet closed, with how many of the user's visible dossiers are in each state."""
    rounds = list(
        permissions.rounds_visible_to(user)
        .exclude(state=RoundState.CLOSED)
        .order_by("-year", "-number")
    )
    counts: dict[tuple[int, str], int] = {
        (round_id, state): n
        for round_id, state, n in permissions.dossiers_visible_to(user)
        .filter(round__in=[r.pk for r in rounds])
        .order_by()
        .values_list("round_id", "state")
        .annotate(n=Count("id", distinct=True))
    }
    return [RoundRow(r, [counts.get((r.pk, state), 0) for state in ROUND_STATES]) for r in rounds]


def expiring(user, today) -> dict:
    """Current certificates whose 36 months end within the next six months: counts per month
    and the soonest few (the full list is in the recognised-products export)."""
    until = add_months(today, EXPIRY_HORIZON_MONTHS)
    soon = recognised(user, today).filter(valid_until__lte=until)
    per_month = {
        (year, month): n
        for year, month, n in soon.annotate(
            year=ExtractYear("valid_until"), month=ExtractMonth("valid_until")
        )
        .order_by()
        .values_list("year", "month")
        .annotate(n=Count("id"))
    }
    months = []
    cursor = today.replace(day=1)
    while cursor <= until:
        months.append(
            {
                "month": f"{cursor.month:02d}/{cursor.year}",
                "count": per_month.get((cursor.year, cursor.month), 0),
            }
        )
        cursor = add_months(cursor, 1)
    listed = soon.select_related(
        "product", "product__producer", "product__producer__commune"
    ).order_by("valid_until", "number")[:EXPIRING_LISTED]
    return {
        "until": until,
        "months": months,
        "total": sum(m["count"] for m in months),
        "certificates": list(listed),
    }


def dashboard(user, today: datetime.date) -> dict:
    """Every figure of the dashboard, restricted to the user's area."""
    stars = by_stars(user, today)
    sectors = by_sector(user, today)
    return {
        "total": sum(row["count"] for row in stars),
        "by_stars": stars,
        "by_sector": sectors,
        "by_sector_totals": sector_totals(sectors),
        "by_area": by_area(user, today),
        "by_kind": by_producer_kind(user, today),
        "by_year": by_year(user),
        "rounds": rounds_in_progress(user),
        "round_states": [DossierState(state).label for state in ROUND_STATES],
        "expiring": expiring(user, today),
    }
