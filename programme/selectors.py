"""Reads of the provincial programme: progress against plan targets, support sums, and what the
public sees of trade promotion. Each read takes a fixed number of queries whatever the data.

Progress is counted from the portal's own records, for a province and a calendar year, per
commune of the producer and summed up to its former district and the province:

* new products 3★+ (4★+): certificates whose decision date is in the year, on a FIRST dossier,
  with at least 3 (4) stars;
* upgrades: certificates decided in the year on UPGRADE dossiers;
* re-evaluations: certificates decided in the year on RE_EVALUATION dossiers;
* producers taking part: distinct producers with a dossier other than a draft in a round of the
  year.

A recognition later revoked (Decision 26/2026, Art. 8) no longer counts: it did not meet the
criteria after all. One replaced by a newer one still counts for the year it was decided.

Behind plan. During the year an area is expected to have reached the share of its target that
matches the share of the year gone by (days elapsed, today included, over the year's days),
rounded up: expected = ceil(target * elapsed share), behind when actual < expected. Once the year
is over the whole target is expected; a future year is never behind.
"""

import datetime
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from accounts.jurisdiction import province_of
from accounts.models import Role
from certificates.models import Certificate
from dossiers.models import Dossier, DossierKind, DossierState
from ocop_portal.text import fold
from regions.collation import vietnamese_order
from regions.models import FormerDistrict, Province

from .areas import COMMUNE, FORMER_DISTRICT, PROVINCE, Area
from .models import (
    EventParticipation,
    FundSource,
    Metric,
    PlanTarget,
    SalesPointKind,
    TradeEvent,
)

# Plan targets ------------------------------------------------------------------------------


def elapsed_share(year: int, today: datetime.date) -> Fraction:
    """The share of ``year`` gone by on ``today``: 0 before it starts, 1 once it is over."""
    if year < today.year:
        return Fraction(1)
    if year > today.year:
        return Fraction(0)
    days = (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days
    return Fraction((today - datetime.date(year, 1, 1)).days + 1, days)


@dataclass
class MetricProgress:
    metric: str
    target: int | None
    actual: int
    expected: int | None

    @property
    def label(self) -> str:
        return Metric(self.metric).label

    @property
    def behind(self) -> bool:
        return self.expected is not None and self.actual < self.expected

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return round(100 * self.actual / self.target)


@dataclass
class AreaProgress:
    area: Area
    metrics: list[MetricProgress] = field(default_factory=list)
    indent: bool = False

    @property
    def behind(self) -> bool:
        return any(m.behind for m in self.metrics)

    @property
    def has_targets(self) -> bool:
        return any(m.target is not None for m in self.metrics)


def province_for(user) -> int:
    """The province whose programme the user looks at (a national administrator: the portal's)."""
    return province_of(user) or settings.OCOP_PROVINCE_CODE


def progress_actuals(*, province_id: int, year: int) -> dict[str, Counter]:
    """Actual figures per area key (province, former districts, communes), in two queries."""
    totals: dict[str, Counter] = defaultdict(Counter)

    def add(commune_id, district_id, metric, count):
        keys = [f"{PROVINCE}-{province_id}", f"{COMMUNE}-{commune_id}"]
        if district_id:
            keys.append(f"{FORMER_DISTRICT}-{district_id}")
        for key in keys:
            totals[key][metric] += count

    certificates = (
        Certificate.objects.filter(
            decision_date__year=year,
            revoked_on__isnull=True,
            reissue_of__isnull=True,  # a corrected re-issue is the same recognition
            product__producer__commune__province_id=province_id,
        )
        .values(
            c_id=F("product__producer__commune_id"),
            d_id=F("product__producer__commune__former_district_id"),
            dossier_kind=F("dossier__kind"),
        )
        .annotate(n=Count("pk", filter=Q(stars__gte=3)), n4=Count("pk", filter=Q(stars__gte=4)))
        .order_by()
    )
    by_kind = {
        DossierKind.UPGRADE: Metric.UPGRADES,
        DossierKind.RE_EVALUATION: Metric.RE_EVALUATIONS,
    }
    for row in certificates:
        if row["dossier_kind"] == DossierKind.FIRST:
            add(row["c_id"], row["d_id"], Metric.NEW_3_STAR_PLUS, row["n"])
            add(row["c_id"], row["d_id"], Metric.NEW_4_STAR_PLUS, row["n4"])
        elif row["dossier_kind"] in by_kind:
            add(row["c_id"], row["d_id"], by_kind[row["dossier_kind"]], row["n"])

    # A producer lies in one commune, so distinct counts per commune add up exactly.
    producers = (
        Dossier.objects.exclude(state=DossierState.DRAFT)
        .filter(round__year=year, product__producer__commune__province_id=province_id)
        .values(
            c_id=F("product__producer__commune_id"),
            d_id=F("product__producer__commune__former_district_id"),
        )
        .annotate(n=Count("product__producer", distinct=True))
        .order_by()
    )
    for row in producers:
        add(row["c_id"], row["d_id"], Metric.PRODUCERS_TAKING_PART, row["n"])
    return totals


def _progress_areas(user, province_id: int, commune_targets: list) -> list[tuple[Area, bool]]:
    """The rows a user sees, in order, each with whether it is indented under a district."""
    communes_by_district = defaultdict(list)
    for commune in sorted({t.commune for t in commune_targets}, key=lambda c: c.name_folded):
        communes_by_district[commune.former_district_id].append(Area.of(commune))
    if user.role == Role.LOCAL_OFFICER:
        if user.jurisdiction_commune_id:
            return [(Area.of(user.jurisdiction_commune), False)]
        district = user.jurisdiction_district
        return [(Area.of(district), False)] + [
            (area, True) for area in communes_by_district[district.pk]
        ]
    rows = [(Area.of(Province.objects.get(pk=province_id)), False)]
    for district in FormerDistrict.objects.filter(province_id=province_id).order_by(
        vietnamese_order("name")
    ):
        rows.append((Area.of(district), False))
        rows.extend((area, True) for area in communes_by_district.pop(district.pk, []))
    rows.extend((area, True) for areas in communes_by_district.values() for area in areas)
    return rows


def target_progress(*, user, year: int, today: datetime.date | None = None) -> list[AreaProgress]:
    """Progress against the year's targets for every area the user answers for.

    Provincial roles see the province, each former district and each commune given targets; a
    local officer sees their own former district (and its communes with targets) or commune.
    """
    today = today or timezone.localdate()
    province_id = province_for(user)
    targets = list(
        PlanTarget.objects.in_province(province_id)
        .filter(year=year)
        .set()
        .select_related("commune")
    )
    values = defaultdict(dict)
    for target in targets:
        values[f"{target.area_kind}-{target.area_pk}"][target.metric] = target.value
    actuals = progress_actuals(province_id=province_id, year=year)
    share = elapsed_share(year, today)
    rows = []
    commune_targets = [t for t in targets if t.commune_id]
    for area, indent in _progress_areas(user, province_id, commune_targets):
        row = AreaProgress(area=area, indent=indent)
        for metric in Metric:
            target = values[area.key].get(metric)
            expected = None if target is None else math.ceil(target * share)
            row.metrics.append(MetricProgress(metric, target, actuals[area.key][metric], expected))
        rows.append(row)
    return rows


# Support records --------------------------------------------------------------------------


@dataclass
class SupportSum:
    name: str
    by_source: dict[str, int]
    total: int
    indent: bool = False

    def amounts(self) -> list[int]:
        """The amounts in FundSource order, for a table row."""
        return [self.by_source.get(source, 0) for source in FundSource]


def support_sums(records) -> tuple[list[SupportSum], SupportSum]:
    """Sums of ``records`` per former district and, under each, per commune, by source of funds;
    and the grand total. One query."""
    rows = (
        records.values(
            c_name=F("producer__commune__name"),
            d_name=F("producer__commune__former_district__name"),
            fund=F("source"),
        )
        .annotate(amount=Sum("amount_vnd"))
        .order_by()
    )
    districts: dict[str, Counter] = defaultdict(Counter)
    communes: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    grand = Counter()
    for row in rows:
        district = row["d_name"] or ""
        districts[district][row["fund"]] += row["amount"]
        communes[district][row["c_name"]][row["fund"]] += row["amount"]
        grand[row["fund"]] += row["amount"]
    result = []
    for district in sorted(districts, key=fold):
        result.append(SupportSum(district, dict(districts[district]), districts[district].total()))
        for commune in sorted(communes[district], key=fold):
            sums = communes[district][commune]
            result.append(SupportSum(commune, dict(sums), sums.total(), indent=True))
    return result, SupportSum("", dict(grand), grand.total())


def support_years(records) -> list[tuple[int, int]]:
    """(year, total) for every year with support among ``records``, newest first. One query."""
    rows = (
        records.annotate(y=ExtractYear("given_on"))
        .values("y")
        .annotate(amount=Sum("amount_vnd"))
        .order_by("-y")
    )
    return [(row["y"], row["amount"]) for row in rows]


def producer_totals(records, producer_ids) -> dict[int, int]:
    rows = records.filter(producer_id__in=producer_ids).values("producer_id")
    return {r["producer_id"]: r["amount"] for r in rows.annotate(amount=Sum("amount_vnd"))}


# Trade promotion --------------------------------------------------------------------------


@dataclass
class Promotion:
    shops: list
    online: list
    contact: dict | None
    events: list

    @property
    def is_empty(self) -> bool:
        return not (self.shops or self.online or self.contact or self.events)


def promotion_for(product, *, today: datetime.date | None = None) -> Promotion:
    """What a product's public page shows about where to buy it (two queries).

    Sales points the producer entered, upcoming public events the product attends, and the
    producer's phone, email and website only when the producer agreed to publish them.
    """
    points = list(product.sales_points.all())
    events = list(
        TradeEvent.objects.filter(public=True, participations__product=product).upcoming(today)
    )
    producer = product.producer
    contact = None
    if producer.publish_contact:
        contact = {"phone": producer.phone, "email": producer.email, "website": producer.website}
    return Promotion(
        shops=[p for p in points if p.kind != SalesPointKind.ONLINE],
        online=[p for p in points if p.kind == SalesPointKind.ONLINE],
        contact=contact,
        events=events,
    )


def _with_products(events):
    listed = Certificate.objects.current().filter(product=OuterRef("product"))
    participations = EventParticipation.objects.select_related(
        "product", "product__producer"
    ).annotate(listed=Exists(listed))
    return events.prefetch_related(Prefetch("participations", queryset=participations))


PAST_EVENTS_SHOWN = 20


def event_calendar(user, *, today: datetime.date | None = None) -> tuple[list, list]:
    """Upcoming events (soonest first) and the latest past ones, with the products attending."""
    events = _with_products(TradeEvent.objects.visible_to(user))
    return list(events.upcoming(today)), list(events.past(today)[:PAST_EVENTS_SHOWN])


def event_with_products(event: TradeEvent) -> TradeEvent:
    return _with_products(TradeEvent.objects.filter(pk=event.pk)).get()


def area_certificates(area: Area, *, today: datetime.date | None = None):
    """Current certificates of products made in ``area``, by product name, for the catalogue."""
    path = "product__producer__commune"
    scope = {
        PROVINCE: {f"{path}__province_id": area.pk},
        FORMER_DISTRICT: {f"{path}__former_district_id": area.pk},
        COMMUNE: {f"{path}_id": area.pk},
    }[area.kind]
    return (
        Certificate.objects.current(today)
        .filter(**scope)
        .select_related("product", "product__producer", "product__producer__commune")
        .order_by(vietnamese_order("product__name"), "pk")
    )
