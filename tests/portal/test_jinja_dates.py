"""The Jinja2 pages' dates (ocop_portal.jinja_env.date) read as Django's own date filter writes
them: the lists write their numeric dates through strftime, and a row must show the same day in
either engine, in the province's time zone."""

import datetime

import pytest
from django.utils import dateformat, timezone

from ocop_portal.jinja_env import date

UTC = datetime.UTC


MOMENTS = [
    # 01:30 on New Year's Day in Viet Nam, still the old year in UTC
    datetime.datetime(2026, 12, 31, 18, 30, tzinfo=UTC),
    datetime.datetime(2027, 3, 4, 5, 6, tzinfo=UTC),
    datetime.datetime(2026, 7, 9, 23, 59),  # naive: shown as it is
]
DAYS = [
    datetime.date(2026, 2, 1),
    datetime.date(999, 1, 2),  # a year under 1000: Django pads it, strftime would not
]


@pytest.mark.parametrize(
    ("value", "format_string"),
    [
        *((value, fmt) for value in MOMENTS + DAYS for fmt in ("d/m/Y", "j F Y")),
        *((value, "d/m/Y H:i") for value in MOMENTS),
    ],
)
def test_a_jinja_date_reads_as_djangos(value, format_string):
    aware = isinstance(value, datetime.datetime) and timezone.is_aware(value)
    local = timezone.localtime(value) if aware else value

    assert date(value, format_string) == dateformat.format(local, format_string)


def test_a_jinja_date_shows_the_day_in_viet_nam():
    assert date(datetime.datetime(2026, 12, 31, 18, 30, tzinfo=UTC), "d/m/Y") == "01/01/2027"
    assert date(None, "d/m/Y") == ""
