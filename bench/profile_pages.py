"""Time each key page inside one process and count its queries (a script, not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench \
        python bench/profile_pages.py [label…] [-v] [--cprofile [tottime]]

Where bench/run.py and bench/load.sh measure the served portal under load, this shows where one
request's time goes: the median wall and CPU time of 21 requests (then one more, whose queries
are counted), the number of queries, the time spent in SQL, and the CPU PostgreSQL's backend
spent on a request (its mean over the 21, read from /proc in clock ticks: ±0.5 ms). Every
request renders its page: no signed-in page is kept between requests (only the public
catalogue's parts and the criteria text of the score sheets are).
With --cprofile it also prints the functions where those requests spent their time.
"""

import cProfile
import gc
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cpu_split
import run  # before Django: the production-like environment
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

REPEAT = 21


def backend_seconds() -> float | None:
    """CPU seconds spent so far by this process's PostgreSQL backend (on this machine), or
    None where it cannot be read (SQLite, another host)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        times = cpu_split.process_times(cursor.fetchone()[0])
    return None if times is None else times[0]


def profile(label: str, path: str, cookie: str | None) -> None:
    client = Client(SERVER_NAME="127.0.0.1", HTTP_HOST="127.0.0.1")
    if cookie:
        client.cookies.load(cookie)
    client.get(path)  # warm caches, as a running worker would be
    # As deploy/gunicorn.conf.py does before forking its workers: what is built by now lives as
    # long as the process, so the collector's full scans skip it and a request pays only for the
    # objects it makes.
    gc.collect()
    gc.freeze()
    walls, cpus = [], []
    postgres_started = backend_seconds()
    profiler = cProfile.Profile() if "--cprofile" in sys.argv else None
    if profiler:
        profiler.enable()
    # Timed without capturing the queries: capturing logs each query's SQL with its parameters
    # filled in, 0.2 to 0.4 ms a query that a served page does not spend.
    for _ in range(REPEAT):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(path)
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu_started) * 1000)
    if profiler:
        profiler.disable()
    postgres_ended = backend_seconds()
    postgres = (
        "   ?"
        if postgres_started is None or postgres_ended is None
        else f"{(postgres_ended - postgres_started) / REPEAT * 1000:4.1f}"
    )
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default=None)
    print(
        f"{label:<20} {response.status_code} median {statistics.median(walls):7.1f} ms  "
        f"cpu {statistics.median(cpus):6.1f} ms (best {min(cpus):5.1f})  "
        f"queries {len(queries):3}  sql {sql_ms:7.1f} ms  postgres cpu {postgres} ms",
        flush=True,
    )
    if slowest is not None and "-v" in sys.argv:
        print(f"    slowest {float(slowest['time']) * 1000:.1f} ms: {slowest['sql'][:400]}")
    if profiler:
        order = "tottime" if "tottime" in sys.argv else "cumulative"
        pstats.Stats(profiler).sort_stats(order).print_stats(45)


def heavier_pages() -> list[tuple[str, str, str]]:
    """Two pages of the load test's mix outside the targets' five, its heaviest: a council
    member's list of sheets (a round in session: a hundred dossiers to score) and the province's
    list of dossiers with its filter bar."""
    return [
        ("my sheets", reverse("evaluations:my-sheets"), run.session_cookie("council33-2@bench.vn")),
        (
            "province dossiers",
            reverse("evaluations:dossier-list"),
            run.session_cookie("office33@bench.vn"),
        ),
    ]


def main() -> None:
    call_command("collectstatic", "--no-input", verbosity=0)
    wanted = {arg for arg in sys.argv[1:] if not arg.startswith("-")}
    for label, path, cookie in [*run.pages(), *heavier_pages()]:
        if not wanted or label in wanted:
            profile(label, path, cookie)


if __name__ == "__main__":
    main()
