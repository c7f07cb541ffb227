"""The timed duties the law or the portal needs done without anyone asking (issue 18).

Each runs daily (or weekly) as a management command from a systemd timer in ``deploy/``
(``ocop-duty@.service`` started by ``ocop-<name>.timer``); ``ran()`` records each run in
``ScheduledRun`` so the self-check page shows when each last ran and whether it succeeded.
``tests/duties/test_schedule.py`` checks that every duty here has its timer and command.
"""

import contextlib
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Duty:
    command: str
    timer: str  # deploy/<timer>
    calendar: str  # the timer's OnCalendar=
    why: str


DUTIES = (
    Duty(
        "expire_certificates",
        "ocop-expire-certificates.timer",
        "*-*-* 00:20:00",
        "Decision 26/2026 Art. 4.3: certificates lapse after 36 months",
    ),
    Duty(
        "send_reevaluation_reminders",
        "ocop-reevaluation-reminders.timer",
        "*-*-* 07:00:00",
        "Art. 7.6: re-evaluation is filed 180 to 120 days before expiry",
    ),
    Duty(
        "send_outbox",
        "ocop-send-outbox.timer",
        "*:0/5",
        "notices whose first send failed are tried again; none is lost if the queue was down",
    ),
    Duty(
        "purge_form_tokens",
        "ocop-purge-form-tokens.timer",
        "Sun *-*-* 03:30:00",
        "spent one-time form tokens",
    ),
)
# A duty not heard from for this many hours is shown late on the self-check page.
LATE_AFTER_HOURS = {"purge_form_tokens": 8 * 24, "send_outbox": 1}
DEFAULT_LATE_AFTER_HOURS = 26


@contextlib.contextmanager
def ran(command: str):
    """Record one run of ``command``: its start, and its end with success or the error."""
    from .models import ScheduledRun

    ScheduledRun.objects.update_or_create(
        command=command, defaults={"last_started_at": timezone.now()}
    )
    try:
        yield
    except Exception as error:
        ScheduledRun.objects.filter(command=command).update(
            last_finished_at=timezone.now(), last_ok=False, last_message=str(error)[:500]
        )
        raise
    ScheduledRun.objects.filter(command=command).update(
        last_finished_at=timezone.now(), last_ok=True, last_message=""
    )


def status(now=None) -> list[dict]:
    """Each duty with its last run, for the self-check page."""
    from .models import ScheduledRun

    now = now or timezone.now()
    runs = {run.command: run for run in ScheduledRun.objects.all()}
    rows = []
    for duty in DUTIES:
        run = runs.get(duty.command)
        hours = LATE_AFTER_HOURS.get(duty.command, DEFAULT_LATE_AFTER_HOURS)
        late = (
            run is None
            or run.last_finished_at is None
            or ((now - run.last_finished_at).total_seconds() > hours * 3600)
        )
        rows.append({"duty": duty, "run": run, "late": late})
    return rows
