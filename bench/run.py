"""Drive the portal under a bounded load on 127.0.0.1 and print figures per key page.

    bash bench/run.sh      # seeds if needed, then runs this; writes bench/RESULTS.md

Serves the portal with gunicorn against the PostgreSQL database in DATABASE_URL (seeded by
bench/seed_national.py), warms each page once, then runs wrk for DURATION seconds at 16
connections per page and reports requests per second and p50/p95/p99 latency beside /healthz.
Targets (2-core machine): p95 < 100 ms and throughput ≥ 1/4 of /healthz's. Every signed-in page
is rendered afresh for each request (no page is kept): this is one page's ceiling; bench/load.sh
measures the mix of every role's pages and writes.
"""

import datetime
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = int(os.environ.get("BENCH_PORT", 8765))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
DURATION = int(os.environ.get("BENCH_SECONDS", 10))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1) + 1))
BASE = f"http://127.0.0.1:{PORT}"
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="ocop-bench-static-"))

ENV = {
    **os.environ,
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
    "STATIC_ROOT": str(STATIC_ROOT),
    "LOG_LEVEL": "WARNING",
    "CONN_MAX_AGE": "600",
    # As in production: sessions and caches in Redis, shared by the workers.
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
}
ENV.pop("DEBUG", None)
os.environ.update(ENV)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.two_factor import role_requires_two_factor  # noqa: E402
from certificates.models import Certificate  # noqa: E402
from councils.models import ScoreSheet  # noqa: E402
from dossiers.models import Dossier, DossierState  # noqa: E402
from producers.models import Producer  # noqa: E402


def session_cookie(email: str) -> str:
    user = User.objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if role_requires_two_factor(user):
        # As after the authenticator code: without it these roles are sent to the second step.
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="bench", defaults={"confirmed": True}
        )
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    # A browser sends back the CSRF cookie it was given with its first page.
    return f"sessionid={session.session_key}; csrftoken={get_random_string(32)}"


def reopen_sheet(dossier, member) -> None:
    ScoreSheet.objects.filter(dossier=dossier, member=member).update(submitted_at=None, total=None)


def pages() -> list[tuple[str, str, str | None]]:
    """(label, path, cookie) for every key page, with realistic objects from the seeded data."""
    officer = User.objects.get(email="officer@bench.vn")
    member = User.objects.get(email="council33-2@bench.vn")
    certificate = Certificate.objects.current().filter(dossier__round__province_id=33).first()
    dossier = Dossier.objects.visible_to(officer).exclude(state=DossierState.DRAFT).first()
    in_scoring = Dossier.objects.filter(
        state=DossierState.IN_SCORING, council__members__user=member
    ).first()
    # The sheet as a member in session sees it, open for answers (the seed submits every sheet).
    reopen_sheet(in_scoring, member)
    officer_cookie = session_cookie(officer.email)
    return [
        ("healthz", "/healthz", None),
        ("catalogue", reverse("catalogue:list"), None),
        ("catalogue search", reverse("catalogue:list") + "?q=mat+ong", None),
        ("product page", reverse("catalogue:product", args=[certificate.product_id]), None),
        ("verification page", reverse("catalogue:verify", args=[certificate.number]), None),
        ("officer queue", reverse("evaluations:queue"), officer_cookie),
        ("dossier", reverse("evaluations:dossier-detail", args=[dossier.pk]), officer_cookie),
        (
            "score sheet",
            reverse("evaluations:sheet", args=[in_scoring.pk]),
            session_cookie(member.email),
        ),
        (
            "admin results list",
            reverse("admin:councils_councilresult_changelist"),
            session_cookie("approver33@bench.vn"),
        ),
        ("dashboard", reverse("reports:dashboard"), session_cookie("office33@bench.vn")),
    ]


def fetch(path: str, cookie: str | None) -> int:
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(path: str, cookie: str | None) -> dict[str, float]:
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{DURATION}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "percentiles.lua"),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, BASE + path], capture_output=True, text=True, timeout=DURATION + 60
    ).stdout
    match = re.search(r"RESULT (.*)", output)
    if not match:
        raise RuntimeError(f"wrk printed no result for {path}:\n{output}")
    return {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", match.group(1))}


def measure(targets, env) -> list:
    """Serve the portal with ``env`` and drive each target in turn.

    Returns (label, path, status, figures) per target."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "ocop_portal.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(WORKERS),
            "--access-logfile",
            "/dev/null",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(60):
            try:
                if fetch("/healthz", None) == 200:
                    break
            except OSError:
                time.sleep(0.5)
        rows = []
        for label, path, cookie in targets:
            status = fetch(path, cookie)
            for _ in range(3):
                fetch(path, cookie)  # warm every worker's connection and caches a little
            figures = wrk(path, cookie)
            rows.append((label, path, status, figures))
            print(
                f"{label:<20} {status} {figures['rps']:>8.1f} req/s  p50 {figures['p50']:6.1f} ms"
                f"  p95 {figures['p95']:6.1f} ms  errors {int(figures['errors'])}",
                flush=True,
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return rows


def main() -> int:
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=ENV,
        check=True,
    )
    targets = pages()
    try:
        rows = measure(targets, ENV)
    finally:
        shutil.rmtree(STATIC_ROOT, ignore_errors=True)
    write_results(rows)
    return 0


def _table(rows) -> list[str]:
    healthz_rps = rows[0][3]["rps"]
    lines = [
        "| page | status | req/s | p50 ms | p95 ms | p99 ms | errors | p95 < 100 ms "
        "| ≥ ¼ healthz |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, _path, status, f in rows:
        lines.append(
            f"| {label} | {status} | {f['rps']:.1f} | {f['p50']:.1f} | {f['p95']:.1f} | "
            f"{f['p99']:.1f} | {int(f['errors'])} | {'yes' if f['p95'] < 100 else 'NO'} | "
            f"{'yes' if f['rps'] >= healthz_rps / 4 else 'NO'} |"
        )
    return lines


def write_results(rows) -> None:
    counts = {
        "producers": Producer.objects.count(),
        "dossiers": Dossier.objects.count(),
        "certificates": Certificate.objects.count(),
    }
    lines = [
        f"## Run of {datetime.date.today():%d/%m/%Y}",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.platform()}; gunicorn {WORKERS} sync workers; "
        f"wrk {CONNECTIONS} connections for {DURATION} s per page on 127.0.0.1; PostgreSQL.",
        "Data: " + ", ".join(f"{n:,} {k}".replace(",", ".") for k, n in counts.items()) + ".",
        "",
        *_table(rows),
    ]
    results = ROOT / "bench" / "RESULTS.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    head, _, rest = previous.partition("\n## ")
    results.write_text(
        head.rstrip() + "\n\n" + "\n".join(lines) + "\n" + (("\n## " + rest) if rest else ""),
        encoding="utf-8",
    )
    print(f"Wrote {results}")


if __name__ == "__main__":
    sys.exit(main())
