"""What the programme has achieved, for the home page: public figures read in a fixed number of
queries whatever the number of certificates (grouped counts, not rows), and rendered once per
catalogue version (catalogue.public_cache), so a new recognition or revocation shows at once.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F
from django.utils import timezone

from certificates.models import Certificate
from ocop_portal.text import fold
from programme.models import Metric, PlanTarget, TradeEvent
from programme.selectors import progress_actuals

FEATURED = 4
EVENTS = 3


@dataclass
class AreaStars:
    name: str
    by_stars: dict = field(default_factory=dict)
    counts: list = field(default_factory=list)  # in the order of Showcase.star_levels

    @property
    def total(self) -> int:
        return sum(self.by_stars.values())


@dataclass
class TargetRow:
    label: str
    target: int
    actual: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.actual / self.target)) if self.target else 0


@dataclass
class Showcase:
    year: int
    by_stars: dict  # stars -> current recognised products
    areas: list  # AreaStars, most products first
    targets: list  # TargetRow for this year, empty when no target is set
    by_year: list  # (year, certificates decided that year), since the first recognition
    featured: list  # current certificates with a photo, newest decision first
    events: list  # upcoming public trade events

    @property
    def total(self) -> int:
        return sum(self.by_stars.values())

    @property
    def star_levels(self) -> list[int]:
        return sorted(self.by_stars, reverse=True)


def programme_showcase(*, province_id: int | None = None, today: datetime.date | None = None):
    """The home page's figures for the portal's province (9 queries at any size)."""
    province_id = province_id or settings.OCOP_PROVINCE_CODE
    today = today or timezone.localdate()
    in_province = Certificate.objects.filter(product__producer__commune__province_id=province_id)
    current = in_province.current(today)

    by_stars = dict(
        sorted(
            current.values("stars").annotate(n=Count("pk")).values_list("stars", "n").order_by(),
            reverse=True,
        )
    )
    areas: dict[str, AreaStars] = {}
    grouped = (
        current.values("stars", district=F("product__producer__commune__former_district__name"))
        .annotate(n=Count("pk"))
        .values_list("district", "stars", "n")
        .order_by()
    )
    for district, stars, count in grouped:
        area = areas.setdefault(district or "—", AreaStars(district or "—"))
        area.by_stars[stars] = area.by_stars.get(stars, 0) + count
    ordered_areas = sorted(areas.values(), key=lambda a: (-a.total, fold(a.name)))
    levels = sorted(by_stars, reverse=True)
    for area in ordered_areas:
        area.counts = [area.by_stars.get(stars, 0) for stars in levels]

    by_year = defaultdict(int)
    recognised = (
        in_province.values("decision_date__year")
        .annotate(n=Count("pk"))
        .values_list("decision_date__year", "n")
        .order_by()
    )
    for year, count in recognised:
        by_year[year] += count

    featured = list(
        current.filter(product__photos__isnull=False)
        .distinct()
        .for_catalogue()
        .order_by("-decision_date", "-pk")[:FEATURED]
    )
    events = list(TradeEvent.objects.filter(public=True).upcoming(today)[:EVENTS])
    return Showcase(
        year=today.year,
        by_stars=by_stars,
        areas=ordered_areas,
        targets=_targets(province_id, today.year),
        by_year=sorted(by_year.items()),
        featured=featured,
        events=events,
    )


def _targets(province_id: int, year: int) -> list[TargetRow]:
    """The province's targets for the year beside what has been recognised so far."""
    targets = PlanTarget.objects.filter(province_id=province_id, year=year).set()
    values = dict(targets.values_list("metric", "value"))
    if not values:
        return []
    actuals = progress_actuals(province_id=province_id, year=year)[f"province-{province_id}"]
    return [
        TargetRow(Metric(metric).label, values[metric], actuals.get(metric, 0))
        for metric in Metric
        if metric in values
    ]
