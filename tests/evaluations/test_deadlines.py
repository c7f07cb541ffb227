"""Working days for the local review's 15-day limit: weekends, the statutory holidays (computed by
the holidays package, Tết included), their compensation days, and what the Government announces
each year (dossiers/data/holidays.json). Every test names its dates: none reads the clock."""

import datetime
import zoneinfo

import holidays
import pytest
import time_machine
from django.core import checks

from dossiers import deadlines, working_days
from dossiers.models import Dossier, DossierState

# Pinned at 15/09/2026 unless a test travels elsewhere: nothing here reads the real date.
pytestmark = pytest.mark.usefixtures("today")

D = datetime.date
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def _weekdays_off(year: int, month: int | None = None) -> list[D]:
    days = working_days.year_calendar(year).days_off
    return sorted(day for day in days if month is None or day.month == month)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 9, 14), D(2026, 9, 15), 1),  # Monday → Tuesday
        (D(2026, 9, 15), D(2026, 9, 15), 0),
        (D(2026, 9, 15), D(2026, 9, 14), 0),
        (D(2026, 9, 11), D(2026, 9, 14), 1),  # Friday → Monday: the weekend does not count
        (D(2026, 8, 28), D(2026, 9, 4), 2),  # 31/8 (swapped), 1/9 and 2/9 are off
        (D(2026, 8, 21), D(2026, 8, 24), 2),  # Saturday 22/8 is worked instead of Monday 31/8
        (D(2026, 2, 13), D(2026, 2, 23), 1),  # Tết Bính Ngọ: 16/2 to 20/2 are off
        (D(2026, 4, 24), D(2026, 4, 28), 1),  # Giỗ Tổ on Sunday 26/4, compensated on 27/4
        (D(2026, 1, 9), D(2026, 1, 12), 2),  # Saturday 10/1 is worked instead of Friday 2/1
        (D(2025, 4, 29), D(2025, 5, 5), 1),  # 30/4, 1/5 and the swapped 2/5/2025
        (D(2027, 2, 3), D(2027, 2, 11), 1),  # Tết Đinh Mùi: 4/2 to 10/2 are off
        (D(2027, 4, 29), D(2027, 5, 4), 1),  # 30/4, and 1/5 on Saturday compensated on 3/5
        # 260 weekdays after 1/1 - 13 days off + 2 Saturdays worked
        (D(2026, 1, 1), D(2026, 12, 31), 249),
        # Across the new year: 31/12/2026, then 1/1/2027 is off
        (D(2026, 12, 30), D(2027, 1, 4), 2),
    ],
)
def test_working_days_between(start, end, expected):
    assert deadlines.working_days_between(start, end) == expected


@pytest.mark.parametrize("days", [1, 5, 15, 40])
@pytest.mark.parametrize("start", [D(2026, 8, 20), D(2027, 1, 25)])
def test_adding_working_days_is_the_inverse_of_counting_them(start, days):
    due = deadlines.add_working_days(start, days)

    assert deadlines.working_days_between(start, due) == days
    assert deadlines.is_working_day(due)


def test_the_2026_calendar_is_the_announced_one():
    calendar = working_days.year_calendar(2026)

    assert _weekdays_off(2026) == [
        D(2026, 1, 1),  # Tết Dương lịch
        D(2026, 1, 2),  # swapped with Saturday 10/1 (12729/VPCP-KGVX)
        *(D(2026, 2, day) for day in range(16, 21)),  # Tết Bính Ngọ, 29 Chạp to mùng 4
        D(2026, 4, 27),  # Giỗ Tổ on Sunday 26/4, compensated
        D(2026, 4, 30),
        D(2026, 5, 1),
        D(2026, 8, 31),  # swapped with Saturday 22/8
        D(2026, 9, 1),
        D(2026, 9, 2),
        D(2026, 11, 24),  # Ngày Văn hóa Việt Nam
    ]
    assert calendar.working_weekend_days == {D(2026, 1, 10), D(2026, 8, 22)}
    assert calendar.announced


def test_the_2027_calendar_computes_tet_from_the_lunar_new_year_on_6_february():
    calendar = working_days.year_calendar(2027)

    # Mùng 1 Tết Đinh Mùi is Saturday 6/2/2027 and mùng 2 a Sunday: the five days of Tết
    # (giao thừa to mùng 4) keep five weekdays off, 29 Chạp (4/2) and mùng 5 (10/2) included.
    assert _weekdays_off(2027, month=2) == [
        D(2027, 2, 4),
        D(2027, 2, 5),
        D(2027, 2, 8),
        D(2027, 2, 9),
        D(2027, 2, 10),
    ]
    assert not deadlines.is_working_day(D(2027, 2, 6))
    assert deadlines.is_working_day(D(2027, 2, 11))
    # The Hùng Kings' day (10/3 lunar) is Friday 16/4/2027; 1/5 falls on a Saturday.
    assert {D(2027, 4, 16), D(2027, 5, 3), D(2027, 9, 2), D(2027, 9, 3)} <= calendar.days_off
    # No announcement recorded yet: no swapped day.
    assert (calendar.announced, calendar.working_weekend_days) == (False, frozenset())


def test_an_announcement_can_move_a_day_the_package_estimates(monkeypatch):
    # Art. 112.3: the Prime Minister fixes the days of Tết; if 2027's announcement kept
    # Thursday 4/2 as a working day and gave Thursday 11/2 off, the data says so.
    monkeypatch.setattr(
        working_days,
        "announcements",
        lambda: {
            2027: {
                "days_off": [{"date": "2027-02-11"}],
                "working_days": [{"date": "2027-02-04"}],
            }
        },
    )
    working_days.year_calendar.cache_clear()
    try:
        assert deadlines.is_working_day(D(2027, 2, 4))
        assert not deadlines.is_working_day(D(2027, 2, 11))
        assert deadlines.working_days_between(D(2027, 2, 1), D(2027, 2, 12)) == 4
    finally:
        working_days.year_calendar.cache_clear()


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


def test_a_dossier_submitted_before_tet_2027_is_due_after_it():
    # Monday 1/2/2027: 2/2 and 3/2 count, Tết takes 4/2 to 10/2, then 13 more working days.
    submitted = datetime.datetime(2027, 2, 1, 9, 0, tzinfo=VN)
    dossier = Dossier(state=DossierState.ACCEPTED, submitted_at=submitted)

    clock = deadlines.local_review_clock(dossier, today=D(2027, 2, 12))

    assert (clock.due_on, clock.elapsed, clock.remaining) == (D(2027, 3, 1), 4, 11)


def test_the_clock_runs_only_while_the_local_officer_holds_the_dossier():
    submitted = datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.UTC)
    states = [DossierState.RETURNED, DossierState.FORWARDED, DossierState.DRAFT]

    clocks = [
        deadlines.local_review_clock(Dossier(state=state, submitted_at=submitted), D(2026, 9, 30))
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


def test_the_data_file_holds_only_announcements_of_their_own_year():
    for year, entry in working_days.announcements().items():
        assert entry["sources"], year
        days = entry["days_off"] + entry["working_days"]
        assert all(D.fromisoformat(day["date"]).year == year for day in days)
        # A make-up day is a weekend day, or a weekday the package would take off; a day off
        # listed is a weekday (a weekend day is off anyway).
        statutory = holidays.country_holidays("VN", years=year)
        for day in entry["working_days"]:
            date = D.fromisoformat(day["date"])
            assert date.weekday() >= 5 or date in statutory, date
        assert all(D.fromisoformat(day["date"]).weekday() < 5 for day in entry["days_off"])


# ---- The system check --------------------------------------------------------------------


CALENDAR_CHECKS = {"evaluations.W001", "evaluations.I001"}


def _calendar_check_at(moment: datetime.datetime) -> list[checks.CheckMessage]:
    """The registered checks' calendar messages (as check --deploy runs them), at `moment`."""
    with time_machine.travel(moment, tick=False):
        messages = checks.run_checks(include_deployment_checks=True)
    return [message for message in messages if message.id in CALENDAR_CHECKS]


def test_next_years_missing_announcement_is_left_to_the_deployment_check():
    with time_machine.travel(datetime.datetime(2026, 12, 3, 9, 0, tzinfo=VN), tick=False):
        messages = checks.run_checks()

    assert not [message for message in messages if message.id in CALENDAR_CHECKS]


def test_in_december_a_missing_announcement_for_next_year_is_only_information():
    # 3 December 2026: 2026 is recorded, 2027 not yet.
    messages = _calendar_check_at(datetime.datetime(2026, 12, 3, 9, 0, tzinfo=VN))

    assert [(message.id, message.level) for message in messages] == [
        ("evaluations.I001", checks.INFO)
    ]
    assert not any(message.is_serious(checks.WARNING) for message in messages)


def test_a_missing_announcement_for_the_current_year_still_warns():
    messages = _calendar_check_at(datetime.datetime(2027, 1, 4, 9, 0, tzinfo=VN))

    assert [(message.id, message.level) for message in messages] == [
        ("evaluations.W001", checks.WARNING)
    ]


def test_before_december_next_year_is_not_mentioned():
    assert _calendar_check_at(datetime.datetime(2026, 11, 30, 9, 0, tzinfo=VN)) == []


def _every_day(first: D, last: D):
    day = first
    while day <= last:
        yield day
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("recorded", "warned_years"),
    [
        ({2026, 2027, 2028}, set()),
        ({2026}, {2027, 2028}),
        ({2026, 2028}, {2027}),
    ],
)
def test_the_check_warns_on_every_day_of_a_year_without_data_and_on_no_other(
    monkeypatch, recorded, warned_years
):
    monkeypatch.setattr(working_days, "announcements", lambda: {year: {} for year in recorded})

    warned = set()
    for day in _every_day(D(2026, 1, 1), D(2028, 12, 31)):
        messages = working_days.calendar_messages(day)
        if any(message.is_serious(checks.WARNING) for message in messages):
            warned.add(day)
        # Next year's gap is never more than information, and only in December.
        informed = [message for message in messages if message.level == checks.INFO]
        assert not informed or (day.month == 12 and day.year + 1 not in recorded)

    assert warned == {
        day for day in _every_day(D(2026, 1, 1), D(2028, 12, 31)) if day.year in warned_years
    }
