"""Working days for the local review's 15-day limit: weekends, public holidays, compensation
days and make-up Saturdays (evaluations/data/holidays.json)."""

import datetime
import json

import pytest

from evaluations import deadlines
from evaluations.models import Dossier, DossierState

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 9, 14), D(2026, 9, 15), 1),  # Monday → Tuesday
        (D(2026, 9, 15), D(2026, 9, 15), 0),
        (D(2026, 9, 15), D(2026, 9, 14), 0),
        (D(2026, 9, 11), D(2026, 9, 14), 1),  # Friday → Monday: the weekend does not count
        (D(2026, 8, 28), D(2026, 9, 4), 3),  # National Day: 1/9 and 2/9 are off
        (D(2026, 2, 13), D(2026, 2, 23), 1),  # Tết Bính Ngọ: 16/2 to 20/2 are off
        (D(2026, 4, 24), D(2026, 4, 28), 1),  # Giỗ Tổ on Sunday 26/4, compensated on 27/4
        (D(2026, 1, 9), D(2026, 1, 12), 2),  # Saturday 10/1 is worked instead of Friday 2/1
        (D(2025, 4, 29), D(2025, 5, 5), 1),  # 30/4, 1/5 and the swapped 2/5/2025
        (D(2026, 1, 1), D(2026, 12, 31), 250),  # 260 weekdays - 11 days off + 1 Saturday
    ],
)
def test_working_days_between(start, end, expected):
    assert deadlines.working_days_between(start, end) == expected


@pytest.mark.parametrize("days", [1, 5, 15, 40])
def test_adding_working_days_is_the_inverse_of_counting_them(days):
    start = D(2026, 8, 20)

    due = deadlines.add_working_days(start, days)

    assert deadlines.working_days_between(start, due) == days
    assert deadlines.is_working_day(due)


def test_a_dossier_submitted_before_tet_is_due_after_it():
    submitted = datetime.datetime(2026, 2, 9, 9, 0, tzinfo=datetime.UTC)
    dossier = Dossier(state=DossierState.SUBMITTED, submitted_at=submitted)

    clock = deadlines.local_review_clock(dossier, today=D(2026, 3, 3))

    assert (clock.started_on, clock.due_on, clock.elapsed, clock.remaining) == (
        D(2026, 2, 9),
        D(2026, 3, 9),
        11,
        4,
    )
    assert (clock.overdue, clock.level) == (False, "warning")


def test_the_clock_runs_only_while_the_local_officer_holds_the_dossier():
    submitted = datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.UTC)
    states = [DossierState.RETURNED, DossierState.FORWARDED, DossierState.DRAFT]

    clocks = [
        deadlines.local_review_clock(Dossier(state=state, submitted_at=submitted))
        for state in states
    ]

    assert clocks == [None, None, None]


def test_a_dossier_is_overdue_on_the_sixteenth_working_day():
    submitted = datetime.datetime(2026, 9, 14, 9, 0, tzinfo=datetime.UTC)
    dossier = Dossier(state=DossierState.ACCEPTED, submitted_at=submitted)

    on_time = deadlines.local_review_clock(dossier, today=D(2026, 10, 5))
    late = deadlines.local_review_clock(dossier, today=D(2026, 10, 6))

    assert (on_time.elapsed, on_time.overdue) == (15, False)
    assert (late.elapsed, late.overdue, late.level) == (16, True, "danger")


def test_the_holiday_file_covers_2025_to_2027_with_the_statutory_days():
    data = json.loads(deadlines.HOLIDAYS_FILE.read_text(encoding="utf-8"))

    weekday_days_off = {
        year: sum(1 for d in entry["days_off"] if D.fromisoformat(d["date"]).weekday() < 5)
        for year, entry in data["years"].items()
    }

    # 11 statutory days a year, less those on a weekend, plus their compensation and swaps.
    assert weekday_days_off == {"2025": 12, "2026": 12, "2027": 11}
    assert all(
        D.fromisoformat(d["date"]).year == int(year)
        for year, entry in data["years"].items()
        for d in entry["days_off"] + entry["working_days"]
    )


def test_the_system_check_warns_when_this_years_holidays_are_missing(monkeypatch):
    known = deadlines.calendar()
    monkeypatch.setattr(
        deadlines,
        "calendar",
        lambda: deadlines.Calendar(known.days_off, known.working_weekend_days, frozenset({2025})),
    )

    warnings = deadlines.check_holiday_calendar()

    assert [w.id for w in warnings] == ["evaluations.W001"]
