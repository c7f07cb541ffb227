"""No test reads the real date: the clock pins of tests/conftest.py and tests/subprocesses.py."""

import datetime

from django.utils import timezone

from tests.conftest import TODAY, VIETNAM, default_moment
from tests.subprocesses import clean_env, manage


def test_a_test_without_today_starts_at_the_default_moment():
    now = timezone.now()

    assert default_moment() <= now < default_moment() + datetime.timedelta(minutes=5)


def test_the_default_moment_moves_with_ocop_test_date(monkeypatch):
    monkeypatch.setenv("OCOP_TEST_DATE", "2030-02-04")

    assert default_moment() == datetime.datetime(2030, 2, 4, 10, 0, tzinfo=VIETNAM)


def test_today_stands_still_at_the_fixed_date(today):
    assert today == datetime.date(2026, 9, 15)
    assert timezone.now() == TODAY


def test_a_subprocess_runs_at_the_moment_it_is_given(tmp_path):
    moment = datetime.datetime(2029, 12, 31, 23, 30, tzinfo=VIETNAM)
    env = clean_env(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}")

    result = manage(
        "shell", "-c", "from django.utils import timezone; print(timezone.localdate())",
        env=env, at=moment,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "2029-12-31"
