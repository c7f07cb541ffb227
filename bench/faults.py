"""Fault experiments against a running portal (a script, not a test). Writes to RESULTS.md.

    bash bench/faults.sh

1. PostgreSQL stopped for 8 s under load: pages should answer 503 (not 500) while it is down and
   200 again by themselves once it is back.
2. Gunicorn workers killed (SIGKILL) one after another under load: the master replaces them and
   the portal keeps answering.
3. A process killed (SIGKILL) in the middle of a dossier transition, after the transition has
   written the new state and its audit row but before the commit, as a worker killed
   mid-request would be: the dossier must be unchanged, with no audit row and no lock left.
After each, the audit invariant is checked on the whole database: every dossier's state is the
`to_state` of its last audit row (a half-applied transition would break it).

Bounded: 127.0.0.1 only, 8 client threads, about 25 s per experiment.
"""

import collections
import datetime
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = os.environ.get("BENCH_BASE", "http://127.0.0.1:8765")
# The catalogue list and a certificate's verification page are served from the cache (the
# certificate is chosen in main()); /healthz and a search never made before need the database.
PATHS = ["/healthz", "/catalogue/", "/catalogue/verify/{number}/", "/catalogue/?q=mat+ong+{n}"]
CACHED = {"/catalogue/"}
CLUSTER = os.environ.get("PG_CLUSTER", "15 main")


def hammer(stop: threading.Event, log: list, started: float) -> None:
    index = 0
    while not stop.is_set():
        path = PATHS[index % len(PATHS)].format(n=index)
        index += 1
        try:
            with urllib.request.urlopen(BASE + path, timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = "connection error"
        log.append((time.monotonic() - started, path, status))


def run_load(seconds: float, during) -> list:
    log, stop, started = [], threading.Event(), time.monotonic()
    threads = [threading.Thread(target=hammer, args=(stop, log, started)) for _ in range(8)]
    for thread in threads:
        thread.start()
    during(started)
    while time.monotonic() - started < seconds:
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join(timeout=15)
    return log


def invariant_violations() -> int:
    query = """
        select count(*) from evaluations_dossier d
        join lateral (select to_state from evaluations_dossierevent e where e.dossier_id = d.id
                      order by e.created_at desc, e.id desc limit 1) last on true
        where last.to_state <> d.state and last.to_state <> ''
    """
    database = os.environ["DATABASE_URL"]
    out = subprocess.run(["psql", database, "-tAc", query], capture_output=True, text=True)
    return int(out.stdout.strip() or -1)


def summarise(log, phases) -> list[str]:
    lines = []
    for label, start, end in phases:
        for kind, keep in [
            ("pages needing the database", lambda path: path not in CACHED),
            ("cached catalogue pages", lambda path: path in CACHED),
        ]:
            counts = collections.Counter(
                status for t, path, status in log if start <= t < end and keep(path)
            )
            shown = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items(), key=str))
            lines.append(f"- {label} ({start:.0f}-{end:.0f} s), {kind}: {shown or 'none'}")
    return lines


def postgres_restart() -> list[str]:
    events = {}

    def during(started):
        time.sleep(5)
        events["down"] = time.monotonic() - started
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", *CLUSTER.split(), "stop", "-m", "fast"],
            check=True,
        )
        time.sleep(8)
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", *CLUSTER.split(), "start"], check=True
        )
        events["up"] = time.monotonic() - started

    log = run_load(25, during)
    first_ok = min(
        (t for t, p, s in log if t > events["up"] and s == 200 and p not in CACHED), default=None
    )
    lines = ["### PostgreSQL stopped for 8 s under load", ""]
    lines += summarise(
        log,
        [
            ("before", 0, events["down"]),
            ("down", events["down"], events["up"]),
            ("after", events["up"], 25),
        ],
    )
    lines.append(
        f"- first database-backed 200 after PostgreSQL was back: {first_ok - events['up']:.1f} s"
        if first_ok
        else "- no 200 after restart"
    )
    lines.append(f"- 500 responses: {sum(1 for *_x, s in log if s == 500)}")
    lines.append(
        f"- dossiers whose state differs from their last audit row: {invariant_violations()}"
    )
    return lines


def workers_killed(master_pid: int) -> list[str]:
    killed = []

    def during(started):
        for _ in range(4):
            time.sleep(3)
            children = subprocess.run(
                ["pgrep", "-P", str(master_pid)], capture_output=True, text=True
            ).stdout.split()
            if children:
                os.kill(int(children[0]), signal.SIGKILL)
                killed.append(time.monotonic() - started)

    log = run_load(20, during)
    lines = ["### Gunicorn workers killed with SIGKILL under load", ""]
    lines += summarise(log, [("whole run", 0, 20), ("last 5 s", 15, 20)])
    lines.append(
        f"- workers killed: {len(killed)}; 500 responses: {sum(1 for *_x, s in log if s == 500)}"
    )
    lines.append(
        f"- dossiers whose state differs from their last audit row: {invariant_violations()}"
    )
    return lines


WRITER = r"""
import os, sys, time
sys.path.insert(0, ".")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")
import django
django.setup()
from django.db import transaction
from accounts.models import User
from evaluations.models import Dossier, DossierState
from evaluations.transitions import send_back_to_council
approver = User.objects.get(email="approver33@bench.vn")
dossier = Dossier.objects.filter(state=DossierState.SCORED, round__province_id=33).first()
if dossier is None:
    print("none", flush=True)
    sys.exit(0)
with transaction.atomic():
    send_back_to_council(dossier, by=approver, reason="Fault experiment: never committed")
    print(dossier.pk, flush=True)
    time.sleep(60)
"""


def psql(query: str) -> str:
    database = os.environ["DATABASE_URL"]
    out = subprocess.run(["psql", database, "-tAc", query], capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip()


def writer_killed() -> list[str]:
    lines = ["### A transition killed between its writes and its commit", ""]
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    pk = writer.stdout.readline().strip()
    if not pk.isdigit():
        writer.wait()
        return [*lines, "- skipped: no scored dossier in province 33"]
    seen_during = psql(f"select state from evaluations_dossier where id = {pk}")
    signed = (
        "select count(*) from evaluations_scoresheet "
        f"where dossier_id = {pk} and submitted_at is not null"
    )
    signed_before = psql(signed)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    time.sleep(1)  # PostgreSQL notices the closed connection and rolls its transaction back
    state = psql(f"select state from evaluations_dossier where id = {pk}")
    events = psql(
        f"select count(*) from evaluations_dossierevent where dossier_id = {pk} "
        "and comment = 'Fault experiment: never committed'"
    )
    lock = psql(
        f"begin; select state from evaluations_dossier where id = {pk} for update nowait; commit;"
    )
    lines += [
        f"- dossier {pk}: “send back to the council” had saved the new state, reopened "
        f"{signed_before} signed score sheets and written its audit row, all uncommitted; other "
        f"sessions meanwhile read “{seen_during}”",
        f"- after SIGKILL: state “{state}”, signed sheets {psql(signed)}, audit rows of the "
        f"killed transition: {events}, "
        f"row lock free: {'yes' if 'could not obtain lock' not in lock else 'NO'}",
        f"- dossiers whose state differs from their last audit row: {invariant_violations()}",
    ]
    return lines


def main() -> None:
    master = int(os.environ["GUNICORN_PID"])
    number = psql("select number from evaluations_certificate order by id limit 1")
    PATHS[2] = PATHS[2].format(number=number)
    CACHED.add(PATHS[2])
    lines = [f"## Fault experiments of {datetime.date.today():%d/%m/%Y}", ""]
    lines += [*postgres_restart(), "", *workers_killed(master), "", *writer_killed(), ""]
    text = "\n".join(lines)
    print(text)
    results = ROOT / "bench" / "RESULTS.md"
    results.write_text(
        results.read_text(encoding="utf-8").rstrip() + "\n\n" + text, encoding="utf-8"
    )


if __name__ == "__main__":
    main()
