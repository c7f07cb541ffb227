"""Where a load run's CPU went, read from Linux's /proc (bench/load.py; not a test).

A run's throughput alone does not say whose work filled the two cores: the portal's gunicorn
workers, PostgreSQL's backends, or Locust, which runs on the same machine. This counts each one's
CPU seconds over a phase so that load.py can print them per request.

- gunicorn: the master and its live workers, plus the workers it reaped during the phase (a worker
  is recycled every thousand requests: its time lands in the master's children's time).
- PostgreSQL: the backends serving the benchmark's database, plus those that ended during the
  phase (a recycled worker's connection), counted in the postmaster's children's time. The
  postmaster's children also include autovacuum workers that ended: a small overcount.
- Locust: the time of the child processes this process waited for during the phase.
- The machine: every core's busy time (/proc/stat), whoever spent it.

Elsewhere than Linux, or where /proc of PostgreSQL's processes cannot be read, the figures it
cannot read are None.
"""

import os
import resource
from dataclasses import dataclass
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_times(pid: int) -> tuple[float, float] | None:
    """(own, reaped children's) CPU seconds of a process, or None once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command's closing parenthesis: state is field 0, utime 11, stime 12, cutime 13,
    # cstime 14 (proc(5) numbers them from 3, the state).
    own = (int(fields[11]) + int(fields[12])) / TICK
    reaped = (int(fields[13]) + int(fields[14])) / TICK
    return own, reaped


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _children(parent: int) -> list[int]:
    return [
        int(p.name)
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and _parent(int(p.name)) == parent
    ]


def _busy_seconds() -> float | None:
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    # user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    values = [int(v) for v in first[:8]]
    return (sum(values) - values[3] - values[4]) / TICK


@dataclass
class Snapshot:
    gunicorn: dict[int, float]  # pid → own seconds (master: own + reaped)
    backends: dict[int, float] | None
    postmaster_reaped: float | None
    locust: float
    machine: float | None


def _backend_pids(connection) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def snapshot(server_pid: int, connection) -> Snapshot:
    gunicorn = {}
    master = process_times(server_pid)
    if master is not None:
        gunicorn[server_pid] = sum(master)
        for pid in _children(server_pid):
            times = process_times(pid)
            if times is not None:
                gunicorn[pid] = times[0]
    backends, postmaster_reaped = None, None
    if connection.vendor == "postgresql":
        pids = _backend_pids(connection)
        read = {pid: process_times(pid) for pid in pids}
        postmaster = _parent(pids[0]) if pids else None
        reaped = process_times(postmaster) if postmaster else None
        if pids and all(t is not None for t in read.values()) and reaped is not None:
            backends = {pid: t[0] for pid, t in read.items()}
            postmaster_reaped = reaped[1]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Snapshot(
        gunicorn,
        backends,
        postmaster_reaped,
        children.ru_utime + children.ru_stime,
        _busy_seconds(),
    )


@dataclass
class Split:
    gunicorn: float
    postgresql: float | None
    locust: float
    machine: float | None

    def per_request(self, requests: int) -> str:
        def ms(seconds):
            return "?" if seconds is None else f"{seconds / max(requests, 1) * 1000:.2f}"

        return (
            f"gunicorn {ms(self.gunicorn)} ms, PostgreSQL {ms(self.postgresql)} ms, Locust "
            f"{ms(self.locust)} ms; the whole machine {ms(self.machine)} ms"
        )


def between(before: Snapshot, after: Snapshot) -> Split:
    # A worker or backend alive at both ends counts its difference, one born during the phase all
    # of its time, and one that ended during it its whole life through its parent's reaped
    # children, less what it had spent before: every case is the sums' difference.
    gunicorn = sum(after.gunicorn.values()) - sum(before.gunicorn.values())
    postgresql = None
    if before.backends is not None and after.backends is not None:
        postgresql = (
            sum(after.backends.values())
            + after.postmaster_reaped
            - sum(before.backends.values())
            - before.postmaster_reaped
        )
    machine = None
    if before.machine is not None and after.machine is not None:
        machine = after.machine - before.machine
    return Split(gunicorn, postgresql, after.locust - before.locust, machine)
