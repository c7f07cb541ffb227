"""Working days of state offices in Viet Nam: what the deadlines count (``deadlines``).

Working days are Monday to Friday, less the public holidays, plus the Saturdays worked in exchange
for a bridged day. Where the days off come from:

* The statutory holidays of the Labour Code 2019 (Art. 112.1: New Year, five days of Tết, the
  Hùng Kings' day on 10/3 lunar, 30/4, 1/5, National Day and an adjacent day) are computed by the
  ``holidays`` package, lunar dates included, for any year: nobody types them.
* What the Government announces each year (a working day swapped with a Saturday, the exact days
  of Tết and of National Day, Art. 112.3) is data: ``data/holidays.json``, with its sources.

As in the Civil Code (Art. 147), a period starts the day after the event that opens it.
"""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import holidays
from django.core import checks
from django.utils import timezone

ANNOUNCEMENTS_FILE = Path(__file__).resolve().parent / "data" / "holidays.json"


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


def missing_announcement(today: datetime.date) -> int | None:
    """The year whose announcements staff should know are missing on `today`: this year, or
    next year in December; None when the calendar is complete for now."""
    if today.year not in announcements():
        return today.year
    if today.month == 12 and today.year + 1 not in announcements():
        return today.year + 1
    return None


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
                f"dossiers/data/holidays.json has no announcement for {today.year}: swapped "
                "working days and the exact days of Tết and National Day are not counted.",
                hint="Record this year's announcements of the Ministry of Home Affairs.",
                id="evaluations.W001",
            )
        )
    if today.month == 12 and today.year + 1 not in announcements():
        messages.append(
            checks.Info(
                f"dossiers/data/holidays.json has no announcement for {today.year + 1} yet; "
                "its statutory holidays are computed, its swapped days will need recording.",
                hint="Record the Ministry of Home Affairs' announcement once it is published.",
                id="evaluations.I001",
            )
        )
    return messages


@checks.register()
def check_holiday_calendar(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return [m for m in calendar_messages(timezone.localdate()) if m.level >= checks.WARNING]


# Next year's missing announcement is shown by check --deploy and the overdue page only: every
# other manage.py command would print it all through December.
@checks.register(deploy=True)
def check_next_years_holidays(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return [m for m in calendar_messages(timezone.localdate()) if m.level < checks.WARNING]
