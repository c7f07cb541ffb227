"""Running the portal's own commands in a subprocess, as production would run them.

A subprocess sees neither the test run's variables ([tool.pytest_env]) nor the developer's
shell's settings: only what the test hands it. And since no clock pin of the test process reaches
it, a command whose outcome depends on the date is run with ``at=``: its clock pinned there.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Every variable ocop_portal/settings.py reads (dj-database-url reads DATABASE_URL itself).
_SETTINGS_VARIABLES = frozenset(
    re.findall(
        r'(?:envbool|envint|envlist|os\.environ\.get|os\.environ\[)\(?\s*"([A-Z0-9_]+)"',
        (ROOT / "ocop_portal" / "settings.py").read_text(),
    )
) | {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
_PREFIXES_OUT = ("AWS_", "GUNICORN_", "SECURE_", "PYTEST_", "OCOP_")

# manage.py with the clock pinned first (time-machine patches this process only).
_PINNED_MANAGE = """
import os, sys, time_machine
time_machine.travel(float(sys.argv.pop(1)), tick=True).start()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", *sys.argv[1:]])
"""


def clean_env(**env: str) -> dict[str, str]:
    """The environment for a subprocess: this one without the portal's own settings, plus env."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in _SETTINGS_VARIABLES and not k.startswith(_PREFIXES_OUT)
    }
    return {**base, **env}


def manage(
    *args: str, env: dict[str, str], timeout: int = 180, at=None
) -> subprocess.CompletedProcess:
    """``manage.py *args`` with exactly ``env``; with ``at`` (a datetime) its clock starts there."""
    if at is None:
        command = [sys.executable, "manage.py", *args]
    else:
        command = [sys.executable, "-c", _PINNED_MANAGE, str(at.timestamp()), *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
