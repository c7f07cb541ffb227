"""Issue 18: the timed duties actually run. Each is on a systemd timer in deploy/, each run is
recorded, the self-check page shows when each last ran; a restore retires the cached pages."""

import configparser
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands
from django.urls import reverse

from catalogue import public_cache
from duties.models import ScheduledRun
from duties.schedule import DUTIES

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_the_schedule_lists_the_legal_duties():
    commands = {duty.command for duty in DUTIES}

    assert {"expire_certificates", "send_reevaluation_reminders"} <= commands
    assert commands <= set(get_commands())


@pytest.mark.parametrize("duty", DUTIES, ids=lambda duty: duty.command)
def test_each_duty_has_a_timer_starting_its_command(duty):
    timer = _unit(duty.timer)
    service = _unit("ocop-duty@.service")

    assert timer["Timer"]["OnCalendar"] == duty.calendar
    assert timer["Timer"]["Unit"] == f"ocop-duty@{duty.command}.service"
    assert timer["Timer"]["Persistent"] == "true"
    assert service["Service"]["ExecStart"].endswith("manage.py %i")
    assert service["Service"]["EnvironmentFile"] == "/etc/ocop-portal.env"


@pytest.mark.django_db
def test_a_run_is_recorded_and_shown_on_the_selfcheck_page(client, today, admin_user):
    call_command("expire_certificates")

    run = ScheduledRun.objects.get(command="expire_certificates")
    client.force_login(admin_user)
    page = client.get(reverse("duties:selfcheck")).text
    assert run.last_ok
    assert run.last_finished_at is not None
    assert run.last_finished_at.astimezone().strftime("%d/%m/%Y") in page
    assert "send_reevaluation_reminders" in page


@pytest.mark.django_db
def test_a_failed_run_is_recorded_as_failed(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("SMTP down")

    monkeypatch.setattr(
        "evaluations.management.commands.send_reevaluation_reminders.send_reevaluation_reminders",
        broken,
    )
    with pytest.raises(RuntimeError):
        call_command("send_reevaluation_reminders")

    run = ScheduledRun.objects.get(command="send_reevaluation_reminders")
    assert not run.last_ok
    assert run.last_message == "SMTP down"


def test_retiring_the_cached_pages_bumps_the_catalogue_version():
    before = public_cache.version()

    call_command("retire_cached_pages")

    assert public_cache.version() != before


def test_restore_retires_the_cached_pages():
    assert "retire_cached_pages" in (DEPLOY / "restore.sh").read_text()
