"""A mixed load like a province's traffic, with Locust (a script, not a test).

    bash bench/load.sh       # seeds if needed, then runs this

Signs in simulated people of every role, each with a session of their own (producers, local
officers, council members autosaving their sheets every few seconds, the provincial office, the
approver, the public), serves the portal with gunicorn as deploy/ does (deploy/gunicorn.conf.py,
Redis for cache and sessions, PostgreSQL from DATABASE_URL), runs them all for BENCH_SECONDS on
127.0.0.1, then asks /healthz as hard as the same number of users can on the same server. Prints
p50/p95/p99 per page type and per role, errors and throughput beside /healthz's, and where each
phase's CPU went, a request (bench/cpu_split.py): the gunicorn workers, PostgreSQL and Locust.

Bounded: BENCH_USERS (16) people, BENCH_SECONDS (180) seconds, BENCH_HEALTHZ_SECONDS (20).
BENCH_PAUSE_SCALE (1) scales every role's pauses; 0 has everyone ask without pause, the mix's
ceiling on this server, to compare with /healthz's. Locust's own log: locust.log in the run's
temporary folder (printed).
With --write, prepends the tables to bench/RESULTS.md under BENCH_NOTE (say what the machine
was doing: figures from a busy machine are not the portal's).
"""

import datetime
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cpu_split
import run  # before Django: the production-like environment
from django.db import connection
from django.db.models import Count
from django.urls import reverse

from accounts.models import Role, User
from certificates.models import Certificate
from councils.models import CouncilMember
from criteria import scoring
from dossiers.models import Dossier, DossierState
from producers.models import Membership, Producer

ROOT = run.ROOT
USERS = int(os.environ.get("BENCH_USERS", 16))
SECONDS = int(os.environ.get("BENCH_SECONDS", 180))
HEALTHZ_SECONDS = int(os.environ.get("BENCH_HEALTHZ_SECONDS", 20))
PROVINCE = 33
ROLES = ("Producer", "Officer", "CouncilMember", "Office", "Approver", "Public")


def _cookies(email: str) -> dict[str, str]:
    pairs = (part.split("=", 1) for part in run.session_cookie(email).split("; "))
    return dict(pairs)


def _dossier_urls(dossiers) -> list[str]:
    return [reverse("evaluations:dossier-detail", args=[d.pk]) for d in dossiers]


def people() -> dict:
    """Every simulated person's session and the addresses they visit, from the seeded data. A
    person per role-seat gets a session of their own, as separate browsers would."""
    officer = User.objects.get(email="officer@bench.vn")
    producers = []
    for index, producer in enumerate(
        Producer.objects.filter(commune__province_id=PROVINCE)
        .annotate(n=Count("products__dossiers"))
        .filter(n__gt=0)
        .order_by("pk")[:8]
    ):
        user, _ = User.objects.get_or_create(
            email=f"producer{index}@bench.vn",
            defaults={"full_name": f"Chủ thể {index}", "role": Role.PRODUCER},
        )
        Membership.objects.get_or_create(producer=producer, user=user, defaults={"is_owner": True})
        dossiers = Dossier.objects.filter(product__producer=producer).order_by("pk")[:5]
        producers.append({"cookies": _cookies(user.email), "dossiers": _dossier_urls(dossiers)})
    officer_dossiers = _dossier_urls(
        Dossier.objects.visible_to(officer).exclude(state=DossierState.DRAFT).order_by("pk")[:50]
    )
    members = []
    seats = CouncilMember.objects.filter(
        council__dossiers__state=DossierState.IN_SCORING, user__province_id=PROVINCE
    ).select_related("user")
    for seat in seats.distinct().order_by("user__email")[:10]:
        dossier = (
            Dossier.objects.filter(state=DossierState.IN_SCORING, council=seat.council_id)
            .select_related("product")
            .order_by("?")
            .first()
        )
        run.reopen_sheet(dossier, seat.user)  # in session: answering, not yet submitted
        criteria = scoring.load_criteria_set(
            dossier.criteria_decision, dossier.product.criteria_set
        )
        members.append(
            {
                "cookies": _cookies(seat.user.email),
                "sheet": reverse("evaluations:sheet", args=[dossier.pk]),
                "autosave": reverse("evaluations:sheet-autosave", args=[dossier.pk]),
                "criteria": [(c.code, len(c.options)) for c in criteria.leaf_criteria()],
            }
        )
    province_dossiers = _dossier_urls(
        Dossier.objects.filter(round__province_id=PROVINCE)
        .exclude(state=DossierState.DRAFT)
        .order_by("?")[:50]
    )
    certificates = list(
        Certificate.objects.current().filter(dossier__round__province_id=PROVINCE)[:50]
    )
    return {
        "people": {
            "producer": producers,
            "officer": [
                {"cookies": _cookies(officer.email), "dossiers": officer_dossiers} for _ in range(4)
            ],
            "member": members,
            "office": [{"cookies": _cookies(f"office{PROVINCE}@bench.vn")} for _ in range(2)],
            "approver": [
                {"cookies": _cookies(f"approver{PROVINCE}@bench.vn"), "dossiers": province_dossiers}
                for _ in range(2)
            ],
            "public": [{"cookies": {}} for _ in range(4)],
        },
        "urls": {
            "my_dossiers": reverse("evaluations:my-dossiers"),
            "my_products": reverse("products:list"),
            "queue": reverse("evaluations:queue"),
            "my_sheets": reverse("evaluations:my-sheets"),
            "dashboard": reverse("reports:dashboard"),
            "province_dossiers": reverse("evaluations:dossier-list"),
            "results_admin": reverse("admin:councils_councilresult_changelist"),
            "catalogue": reverse("catalogue:list"),
        },
        "products": [reverse("catalogue:product", args=[c.product_id]) for c in certificates],
        "verifications": [reverse("catalogue:verify", args=[c.number]) for c in certificates],
        "words": ["mat+ong", "gao", "tra", "nhan", "tuong"],
    }


def serve():
    env = {
        **run.ENV,
        "GUNICORN_BIND": f"127.0.0.1:{run.PORT}",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "ocop_portal.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(120):
        try:
            if run.fetch("/healthz", None) == 200:
                return server
        except OSError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit("gunicorn did not answer /healthz")


def locust(classes, seconds: int, files: dict, server) -> tuple[list, cpu_split.Split]:
    """The requests' (role, page, ms, failed) and where the phase's CPU went."""
    times = Path(files["dir"]) / f"times-{classes[0]}.json"
    env = {**os.environ, "BENCH_PEOPLE": files["people"], "BENCH_TIMES": str(times)}
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"),
        "--headless", "--only-summary", "--loglevel", "WARNING",
        "-u", str(USERS), "-r", str(max(1, USERS // 4)), "-t", f"{seconds}s",
        "--stop-timeout", "10", "--host", run.BASE, *classes,
    ]  # fmt: skip
    before = cpu_split.snapshot(server.pid, connection)
    with open(Path(files["dir"]) / "locust.log", "a", encoding="utf-8") as log:
        subprocess.run(command, cwd=ROOT, env=env, check=False, stdout=log, stderr=log)
    spent = cpu_split.between(before, cpu_split.snapshot(server.pid, connection))
    return json.loads(times.read_text(encoding="utf-8")), spent


def _row(label: str, samples: list, seconds: float) -> str:
    ms = sorted(t for _r, _p, t, _f in samples)
    errors = sum(1 for *_x, failed in samples if failed)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return (
        f"| {label} | {len(ms)} | {len(ms) / seconds:.1f} | {q[49]:.0f} | {q[94]:.0f} | "
        f"{q[98]:.0f} | {errors} |"
    )


def table(samples, seconds, key) -> list[str]:
    groups: dict[str, list] = {}
    for sample in samples:
        groups.setdefault(key(sample), []).append(sample)
    lines = [
        "| | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [_row(name, groups[name], seconds) for name in sorted(groups)]
    return lines


def cpu_lines(mixed: cpu_split.Split, n_mixed: int, healthz: cpu_split.Split, n_healthz: int):
    """CPU a request in each phase, and what the portal (its workers and their database) spends
    on a request of the mix against one of /healthz."""
    lines = [
        f"CPU a request (bench/cpu_split.py), the mix: {mixed.per_request(n_mixed)}. "
        f"/healthz: {healthz.per_request(n_healthz)}.",
    ]
    if mixed.postgresql is not None and healthz.postgresql is not None and n_mixed and n_healthz:
        portal_mixed = (mixed.gunicorn + mixed.postgresql) / n_mixed
        portal_healthz = (healthz.gunicorn + healthz.postgresql) / n_healthz
        lines[0] += (
            f" The portal (gunicorn and PostgreSQL) spends {portal_mixed * 1000:.2f} ms on a "
            f"request of the mix, {portal_mixed / portal_healthz:.1f} times a /healthz request's "
            f"{portal_healthz * 1000:.2f} ms."
        )
    return lines


def main() -> int:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT, env=run.ENV, check=True,
    )  # fmt: skip
    random.seed(2026)
    workdir = tempfile.mkdtemp(prefix="ocop-load-")
    files = {"dir": workdir, "people": str(Path(workdir) / "people.json")}
    Path(files["people"]).write_text(json.dumps(people()), encoding="utf-8")
    print(f"Locust's log: {workdir}/locust.log", flush=True)
    server = serve()
    try:
        print(f"Mixed run: {USERS} people for {SECONDS} s…", flush=True)
        mixed, mixed_cpu = locust(list(ROLES), SECONDS, files, server)
        print(f"/healthz: {USERS} users for {HEALTHZ_SECONDS} s…", flush=True)
        healthz, healthz_cpu = locust(["Healthz"], HEALTHZ_SECONDS, files, server)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    healthz_rps = len(healthz) / HEALTHZ_SECONDS
    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.platform()}; gunicorn as "
        "deploy/gunicorn.conf.py; PostgreSQL, Redis; 127.0.0.1. "
        f"Data: {Producer.objects.count():,} producers, "
        f"{Dossier.objects.count():,} dossiers. Mix: {USERS} people (producers, officers, council "
        f"members autosaving every 2 to 5 s, office, approver, public) for {SECONDS} s, "
        f"pauses scaled by {os.environ.get('BENCH_PAUSE_SCALE', '1')}.",
        "",
        "By page:",
        "",
        *table(mixed, SECONDS, lambda s: s[1]),
        "",
        "By role:",
        "",
        *table(mixed, SECONDS, lambda s: s[0]),
        "",
        f"All pages: {len(mixed) / SECONDS:.1f} req/s. /healthz on the same server, {USERS} users "
        f"without pause: {healthz_rps:.1f} req/s (¼ of it: {healthz_rps / 4:.1f}).",
        "",
        *cpu_lines(mixed_cpu, len(mixed), healthz_cpu, len(healthz)),
    ]
    print("\n".join(lines))
    if "--write" in sys.argv:
        note = os.environ.get("BENCH_NOTE", "")
        if not note:
            sys.exit("--write needs BENCH_NOTE: what the machine was doing during the run")
        results = ROOT / "bench" / "RESULTS.md"
        head, _, rest = results.read_text(encoding="utf-8").partition("\n## ")
        block = [f"## Load test of {datetime.date.today():%d/%m/%Y} ({note})", "", *lines]
        results.write_text(
            head.rstrip() + "\n\n" + "\n".join(block) + "\n" + ("\n## " + rest if rest else ""),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
