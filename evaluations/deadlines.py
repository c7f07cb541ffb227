"""Working days and the local review's deadline.

Decision 26/2026/QĐ-TTg, Art. 7.2: the commune checks the dossier, assesses it (Form 03) and sends
it to the province within 15 working days. Working days are Monday to Friday, less the public
holidays and compensation days of ``data/holidays.json``, plus the Saturdays worked in exchange
for a bridged Friday. As in the Civil Code (Art. 147), a period starts the day after the event
that opens it: a dossier submitted on Monday has used one working day on Tuesday evening.
"""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core import checks
from django.utils import timezone

from .models import Dossier, DossierState

HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "holidays.json"
LOCAL_REVIEW_WORKING_DAYS = 15
# Under this many working days left, the queue shows the dossier in amber.
WARNING_REMAINING_DAYS = 5


@dataclass(frozen=True)
class Calendar:
    days_off: frozenset[datetime.date]
    working_weekend_days: frozenset[datetime.date]
    years: frozenset[int]


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    data = json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))
    days_off, working = set(), set()
    for year in data["years"].values():
        days_off.update(datetime.date.fromisoformat(day["date"]) for day in year["days_off"])
        working.update(datetime.date.fromisoformat(day["date"]) for day in year["working_days"])
    return Calendar(frozenset(days_off), frozenset(working), frozenset(map(int, data["years"])))


def is_working_day(day: datetime.date) -> bool:
    known = calendar()
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
    known = calendar()
    count = _weekdays_between(start, end)
    count -= sum(1 for day in known.days_off if start < day <= end and day.weekday() < 5)
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


@checks.register()
def check_holiday_calendar(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Warn when this year's holidays are missing, or next year's in December (announced by
    then): deadlines would count those holidays as working days."""
    today = timezone.localdate()
    needed = [today.year] + ([today.year + 1] if today.month == 12 else [])
    return [
        checks.Warning(
            f"evaluations/data/holidays.json has no public holidays for {year}.",
            hint="Add them from the Ministry of Home Affairs' announcement.",
            id="evaluations.W001",
        )
        for year in needed
        if year not in calendar().years
    ]
