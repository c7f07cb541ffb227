"""Working days, the local review's deadline, and the time limit of each step (``STEP_LIMITS``).

Decision 26/2026/QĐ-TTg, Art. 7.2: the commune checks the dossier, assesses it (Form 03) and sends
it to the province within 15 working days. Working days are Monday to Friday, less the public
holidays, plus the Saturdays worked in exchange for a bridged day. As in the Civil Code
(Art. 147), a period starts the day after the event that opens it: a dossier submitted on Monday
has used one working day on Tuesday evening.

Where the days off come from:

* The statutory holidays of the Labour Code 2019 (Art. 112.1: New Year, five days of Tết, the
  Hùng Kings' day on 10/3 lunar, 30/4, 1/5, National Day and an adjacent day) are computed by the
  ``holidays`` package, lunar dates included, for any year: nobody types them.
* What the Government announces each year (a working day swapped with a Saturday, the exact days
  of Tết and of National Day, Art. 112.3) is data: ``data/holidays.json``, with its sources.
"""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import holidays
from django.core import checks
from django.db.models import Q
from django.utils import timezone

from .models import Dossier, DossierKind, DossierState

ANNOUNCEMENTS_FILE = Path(__file__).resolve().parent / "data" / "holidays.json"
LOCAL_REVIEW_WORKING_DAYS = 15
# Under this many working days left, the queue shows the dossier in amber.
WARNING_REMAINING_DAYS = 5


@lru_cache(maxsize=1)
def announcements() -> dict[int, dict]:
    """The Government's announcements per year (``data/holidays.json``), by year."""
    data = json.loads(ANNOUNCEMENTS_FILE.read_text(encoding="utf-8"))
    return {int(year): entry for year, entry in data["years"].items()}


@dataclass(frozen=True)
class YearCalendar:
    """One year's weekdays off and the weekend days worked in exchange for a bridged day."""

    year: int
    days_off: frozenset[datetime.date]
    working_weekend_days: frozenset[datetime.date]
    announced: bool


def _dates(entries) -> set[datetime.date]:
    return {datetime.date.fromisoformat(entry["date"]) for entry in entries}


@lru_cache(maxsize=16)
def year_calendar(year: int) -> YearCalendar:
    """The civil service's calendar of `year`: the package's statutory days and the
    Government's announcements for that year, if recorded.

    What the package gives (holidays 0.109, checked against the announced 2025 and 2026):

    * the statutory days, with the compensation day (nghỉ bù) when one falls on a weekend:
      that is the Labour Code's own rule (Art. 111.3), not an announcement, so it is kept;
    * Tết and the day adjacent to National Day placed by its rule of thumb (a Saturday of Tết
      moves to the working day before, a Sunday to the one after). Art. 112.3 lets the Prime
      Minister fix those days each year: the rule matched 2025 and 2026, and where an
      announcement differs the year's ``working_days``/``days_off`` in the data correct it;
    * some announced swaps: a bridged weekday off *and*, in ``weekend_workdays``, the Saturday
      worked for it. Both halves are kept, so a swap the package knows never counts one day off
      without its make-up Saturday; the data file lists the swaps it knows again, with sources.
    """
    statutory = holidays.country_holidays("VN", years=year)
    entry = announcements().get(year, {})
    worked = _dates(entry.get("working_days", ()))
    days_off = (set(statutory) | _dates(entry.get("days_off", ()))) - worked
    weekend_worked = {
        day for day in worked | set(statutory.weekend_workdays) if day.year == year
    } - days_off
    return YearCalendar(
        year=year,
        days_off=frozenset(day for day in days_off if day.weekday() < 5 and day.year == year),
        working_weekend_days=frozenset(day for day in weekend_worked if day.weekday() >= 5),
        announced=year in announcements(),
    )


def is_working_day(day: datetime.date) -> bool:
    known = year_calendar(day.year)
    if day in known.working_weekend_days:
        return True
    return day.weekday() < 5 and day not in known.days_off


def _weekdays_between(start: datetime.date, end: datetime.date) -> int:
    """Monday-to-Friday days in (start, end], by arithmetic: long spans cost nothing."""
    days = (end - start).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    for offset in range(1, rest + 1):
        if (start + datetime.timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not later)."""
    if end <= start:
        return 0
    count = _weekdays_between(start, end)
    for year in range(start.year, end.year + 1):
        known = year_calendar(year)
        count -= sum(1 for day in known.days_off if start < day <= end)
        count += sum(1 for day in known.working_weekend_days if start < day <= end)
    return count


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date of the `days`-th working day after `start`."""
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


@dataclass(frozen=True)
class ReviewClock:
    """Where a dossier stands against the local review's 15 working days."""

    started_on: datetime.date
    due_on: datetime.date
    elapsed: int
    limit: int = LOCAL_REVIEW_WORKING_DAYS

    @property
    def remaining(self) -> int:
        return self.limit - self.elapsed

    @property
    def overdue(self) -> bool:
        return self.elapsed > self.limit

    @property
    def level(self) -> str:
        """A Bootstrap colour: on time, close to the limit, or overdue."""
        if self.overdue:
            return "danger"
        if self.remaining <= WARNING_REMAINING_DAYS:
            return "warning"
        return "success"


def local_review_clock(dossier: Dossier, today: datetime.date | None = None) -> ReviewClock | None:
    """The clock of a dossier the local officer holds (submitted or accepted, not yet
    forwarded), counted from its latest submission; None for any other dossier."""
    if dossier.state not in DossierState.LOCAL_REVIEW or dossier.submitted_at is None:
        return None
    today = today or timezone.localdate()
    started_on = timezone.localdate(dossier.submitted_at)
    return ReviewClock(
        started_on=started_on,
        due_on=add_working_days(started_on, LOCAL_REVIEW_WORKING_DAYS),
        elapsed=working_days_between(started_on, today),
    )


def calendar_messages(today: datetime.date) -> list[checks.CheckMessage]:
    """What the calendar lacks on `today`.

    This year's announcements missing: a Warning, which fails ``check --deploy --fail-level
    WARNING``, because a swapped day is then counted wrongly in deadlines running now. Next
    year's missing in December: Info only. The Government often announces next year's days late
    in December or in January, and the statutory holidays are computed anyway, so a deploy in
    December must not fail for it: staff are told, nothing stops.
    """
    messages = []
    if today.year not in announcements():
        messages.append(
            checks.Warning(
                f"evaluations/data/holidays.json has no announcement for {today.year}: swapped "
                "working days and the exact days of Tết and National Day are not counted.",
                hint="Record this year's announcements of the Ministry of Home Affairs.",
                id="evaluations.W001",
            )
        )
    if today.month == 12 and today.year + 1 not in announcements():
        messages.append(
            checks.Info(
                f"evaluations/data/holidays.json has no announcement for {today.year + 1} yet; "
                "its statutory holidays are computed, its swapped days will need recording.",
                hint="Record the Ministry of Home Affairs' announcement once it is published.",
                id="evaluations.I001",
            )
        )
    return messages


@checks.register()
def check_holiday_calendar(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return calendar_messages(timezone.localdate())


# ---- The time limit of each step -----------------------------------------------------------


class Unit:
    WORKING_DAYS = "working_days"
    DAYS = "days"


@dataclass(frozen=True)
class StepLimit:
    """A step's legal time limit. `days` is None where the limit is a date of the round's own
    (the province's steps end with the round) or where the law sets none (`basis` says so)."""

    step: str
    states: frozenset[str]
    days: int | None
    unit: str | None
    starts: str
    basis: str


# The sources are ../shared/ocop/RESEARCH.md §4.3-4.4. Where the law is silent the entry has no
# limit and the portal shows no countdown: inventing one would make officials chase a rule that
# does not exist.
STEP_LIMITS: tuple[StepLimit, ...] = (
    StepLimit(
        step="local_review",
        states=DossierState.LOCAL_REVIEW,
        days=LOCAL_REVIEW_WORKING_DAYS,
        unit=Unit.WORKING_DAYS,
        starts="the latest submission",
        basis="Decision 26/2026/QĐ-TTg, Art. 7.2",
    ),
    StepLimit(
        step="re_evaluation",
        states=DossierState.LOCAL_REVIEW | DossierState.AT_PROVINCE - {DossierState.NOMINATED},
        days=45,
        unit=Unit.DAYS,
        starts="the complete dossier: the latest submission (a returned dossier was not complete)",
        basis="Decision 26/2026/QĐ-TTg, Art. 7 (re-evaluation at the end of 36 months)",
    ),
    StepLimit(
        step="province",
        states=DossierState.AT_PROVINCE - {DossierState.NOMINATED},
        days=None,
        unit=Unit.DAYS,
        starts="the round's closing date (round 1 before 30 June, round 2 before 30 December)",
        basis="Decision 26/2026/QĐ-TTg, Art. 5 and Art. 7.3",
    ),
    StepLimit(
        step="correction",
        states=frozenset({DossierState.RETURNED}),
        days=None,
        unit=None,
        starts="",
        basis="No limit in Decision 26/2026: the producer resubmits while the round accepts it.",
    ),
    StepLimit(
        step="national",
        states=frozenset({DossierState.NOMINATED}),
        days=None,
        unit=None,
        starts="",
        basis="The Ministry's own rounds (Art. 5: before 30 September / 30 March); not the "
        "province's step, so no countdown here.",
    ),
    # Revocation: within 15 days of the conclusion of a violation (Art. 8). The portal does not
    # record that conclusion's date, so it cannot count it; listed for completeness.
    StepLimit(
        step="revocation",
        states=frozenset(),
        days=15,
        unit=Unit.DAYS,
        starts="the conclusion of the violation, or the commune's confirmation that production "
        "stopped",
        basis="Decision 26/2026/QĐ-TTg, Art. 8",
    ),
)
LIMITS = {limit.step: limit for limit in STEP_LIMITS}
RE_EVALUATION_DAYS = LIMITS["re_evaluation"].days


@dataclass(frozen=True)
class StepClock:
    """Where a dossier stands against the time limit of the step it is in. `remaining` is
    negative once the limit has passed (by that many days, working days for `WORKING_DAYS`)."""

    step: str
    due_on: datetime.date
    remaining: int
    unit: str

    @property
    def overdue(self) -> bool:
        return self.remaining < 0

    @property
    def overdue_by(self) -> int:
        return max(-self.remaining, 0)

    @property
    def in_working_days(self) -> bool:
        return self.unit == Unit.WORKING_DAYS

    @property
    def level(self) -> str:
        if self.overdue:
            return "danger"
        if self.remaining <= WARNING_REMAINING_DAYS:
            return "warning"
        return "success"


def _calendar_clock(step: str, due_on: datetime.date, today: datetime.date) -> StepClock:
    return StepClock(step=step, due_on=due_on, remaining=(due_on - today).days, unit=Unit.DAYS)


def step_clock(dossier: Dossier, today: datetime.date | None = None) -> StepClock | None:
    """The countdown of the step `dossier` is in, or None where the law sets no limit.

    Needs only the dossier and its round (``for_list()`` loads it): no query per dossier. A
    re-evaluation counts its 45 days, unless its round ends sooner at the province.
    """
    today = today or timezone.localdate()
    state = dossier.state
    if dossier.submitted_at is None:
        return None
    started_on = timezone.localdate(dossier.submitted_at)
    clocks = []
    if dossier.kind == DossierKind.RE_EVALUATION and state in LIMITS["re_evaluation"].states:
        due_on = started_on + datetime.timedelta(days=RE_EVALUATION_DAYS)
        clocks.append(_calendar_clock("re_evaluation", due_on, today))
    if state in LIMITS["local_review"].states:
        clock = local_review_clock(dossier, today)
        clocks.append(
            StepClock(
                step="local_review",
                due_on=clock.due_on,
                remaining=clock.remaining,
                unit=Unit.WORKING_DAYS,
            )
        )
    elif state in LIMITS["province"].states:
        clocks.append(_calendar_clock("province", dossier.round.closes_on, today))
    # The clock that binds: an overdue one first, else the one due soonest.
    return min(clocks, key=lambda clock: (not clock.overdue, clock.due_on), default=None)


def _last_overdue_start(today: datetime.date) -> datetime.date:
    """The latest submission day whose local review is overdue today: working days elapsed are
    fewer the later the start, so walk back from today until more than the limit have passed."""
    day = today
    while working_days_between(day, today) <= LOCAL_REVIEW_WORKING_DAYS:
        day -= datetime.timedelta(days=1)
    return day


def _start_of_day_after(day: datetime.date) -> datetime.datetime:
    next_day = day + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))


def overdue_filter(today: datetime.date | None = None) -> Q:
    """Dossiers past their step's limit today, as one filter: the list counts in the database."""
    today = today or timezone.localdate()
    local = Q(
        state__in=LIMITS["local_review"].states,
        submitted_at__lt=_start_of_day_after(_last_overdue_start(today)),
    )
    province = Q(state__in=LIMITS["province"].states, round__closes_on__lt=today)
    last_overdue_start = today - datetime.timedelta(days=RE_EVALUATION_DAYS + 1)
    re_evaluation = Q(
        kind=DossierKind.RE_EVALUATION,
        state__in=LIMITS["re_evaluation"].states,
        submitted_at__lt=_start_of_day_after(last_overdue_start),
    )
    return local | province | re_evaluation
