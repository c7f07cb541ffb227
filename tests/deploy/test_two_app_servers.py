"""Scale-out, for real: two gunicorn app servers on two ports, on the same PostgreSQL database and
Redis. A person signed in on one server is signed in on the other, and each server's self-check
reaches the shared database, cache and file storage.

Skips unless DATABASE_URL points at PostgreSQL (as in CI) and Redis answers (OCOP_TEST_REDIS_URL
or 127.0.0.1:6379). Every wait is bounded; the processes and the database go away in any case.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import redis

from tests.subprocesses import ROOT, clean_env, manage

EMAIL, PASSWORD = "vanhanh@ocop.test", "hai-may-chu-OCOP-2026"
STARTUP_SECONDS, REQUEST_SECONDS = 60, 10


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's browser: one cookie jar, redirects not followed, every request time-bounded."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect
        )

    def request(self, url, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=REQUEST_SECONDS) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:  # 3xx and 4xx land here without redirects
            return error.code, dict(error.headers), error.read().decode()

    def post_form(self, url, data):
        """GET the page with the form for its CSRF token, then POST it back."""
        status, _, page = self.request(url)
        assert status == 200, page[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(url, {**data, "csrfmiddlewaretoken": token})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(base, process, log):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{base} exited:\n{log.read_text()[-3000:]}"
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{base} did not answer /healthz within {STARTUP_SECONDS} s")


def _stop(process):
    """End a process started here, with everything it forked (its own process group)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def test_two_app_servers_share_sessions_cache_and_storage(
    scratch_databases, redis_db, tmp_path, request
):
    # Asked for only now, so that a missing PostgreSQL or Redis skips before collectstatic.
    collected_static = request.getfixturevalue("collected_static")
    env = clean_env(
        DATABASE_URL=scratch_databases("ocop_two_servers"),
        REDIS_URL=redis_db,
        SECRET_KEY="two-servers-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(collected_static),
        MEDIA_ROOT=str(tmp_path / "media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        GUNICORN_WORKERS="1",
        GUNICORN_ACCESS_LOG="",
        LOG_LEVEL="WARNING",
    )
    migrate = manage("migrate", "--no-input", "-v", "0", env=env, timeout=300)
    assert migrate.returncode == 0, migrate.stderr
    create = manage(
        "shell",
        "-c",
        "from accounts.models import User; User.objects.create_user("
        f"email={EMAIL!r}, password={PASSWORD!r}, full_name='Người Vận Hành', is_staff=True)",
        env=env,
    )
    assert create.returncode == 0, create.stderr

    ports = [_free_port(), _free_port()]
    commands = {
        f"app-{port}": [
            sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py",
            "--bind", f"127.0.0.1:{port}", "ocop_portal.wsgi:application",
        ]
        for port in ports
    }  # fmt: skip
    processes, logs = {}, {}
    try:
        for name, command in commands.items():
            logs[name] = tmp_path / f"{name}.log"
            with logs[name].open("wb") as log:
                processes[name] = subprocess.Popen(
                    command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip
        server_a, server_b = (f"http://127.0.0.1:{port}" for port in ports)
        for port, base in zip(ports, (server_a, server_b), strict=True):
            _wait_until_up(base, processes[f"app-{port}"], logs[f"app-{port}"])
        browser = Browser()

        # Signed in on A, signed in on B.
        before, headers_before, _ = browser.request(f"{server_b}/accounts/password/change/")
        signed_in, headers_sign_in, page = browser.post_form(
            f"{server_a}/accounts/sign-in/", {"username": EMAIL, "password": PASSWORD}
        )
        after, _, page_on_b = browser.request(f"{server_b}/accounts/password/change/")

        assert (before, headers_before["Location"].split("?")[0]) == (302, "/accounts/sign-in/")
        assert signed_in == 302, page[:2000]
        assert headers_sign_in["Location"] == "/start/"  # each role's own landing page
        assert after == 200
        assert 'name="old_password"' in page_on_b
        assert "Người Vận Hành" in page_on_b
        sessions = redis.Redis.from_url(redis_db).keys("*django.contrib.sessions.cached_db*")
        assert len(sessions) == 1  # the session B read lives in the shared Redis

        # Each server checks, in its own process, the database, cache and storage they share.
        for base in (server_a, server_b):
            checked, _, report = browser.post_form(f"{base}/selfcheck/", {})

            assert checked == 200, report[:2000]
            assert 'data-role="selfcheck-report"' in report, report[:2000]
            assert "<code>postgresql</code>" in report
            assert "<code>RedisCache</code>" in report
    finally:
        for process in processes.values():
            _stop(process)
