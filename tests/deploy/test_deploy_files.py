"""The files in deploy/ say what deploy/README.md says they do. No Docker engine runs here, so the
compose file is parsed, not started."""

import configparser
import json
import multiprocessing
import re
import runpy
import shutil
import subprocess

import pytest

from tests.subprocesses import ROOT

DEPLOY = ROOT / "deploy"


def _compose():
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def _unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_compose_runs_postgres_redis_two_app_servers_and_nginx_and_no_worker():
    services = _compose()["services"]

    assert {"postgres", "redis", "app1", "app2", "nginx"} <= set(services)
    assert "worker" not in services
    assert services["postgres"]["image"] == "postgres:15"
    assert services["redis"]["image"] == "redis:7"
    assert services["app1"] == services["app2"]
    assert services["app1"]["build"]["dockerfile"] == "deploy/Dockerfile"


def test_compose_app_servers_keep_no_state_of_their_own():
    services = _compose()["services"]

    for name in ("app1", "app2"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://ocop:")
        assert env["DATABASE_URL"].endswith("@postgres:5432/ocop")
        assert env["REDIS_URL"] == "redis://redis:6379/0"
        assert services[name]["volumes"] == ["media:/app/var/media"]
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_compose_nginx_balances_both_app_servers():
    config = (DEPLOY / "nginx-compose.conf").read_text()

    assert re.search(r"server app1:8000", config)
    assert re.search(r"server app2:8000", config)
    assert (
        "./nginx-compose.conf:/etc/nginx/conf.d/default.conf:ro"
        in (_compose()["services"]["nginx"]["volumes"])
    )


@pytest.mark.parametrize("name", ["nginx.conf", "nginx-compose.conf"])
def test_nginx_never_serves_uploads_and_accepts_12_mb(name):
    config = (DEPLOY / name).read_text()
    directives = "\n".join(line.split("#")[0] for line in config.splitlines())

    assert "/media" not in directives
    assert "client_max_body_size 12m;" in directives
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in directives


def test_nginx_site_caches_hashed_static_files_for_a_year():
    config = (DEPLOY / "nginx.conf").read_text()

    assert "root /srv/ocop-portal/var;" in config
    assert 'add_header Cache-Control "public, max-age=31536000, immutable";' in config
    assert "server 127.0.0.1:8001" in config


@pytest.mark.skipif(not shutil.which("nginx") or not shutil.which("openssl"), reason="no nginx")
def test_nginx_site_passes_nginx_t(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
         "-keyout", tmp_path / "k.pem", "-out", tmp_path / "c.pem"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (
        (DEPLOY / "nginx.conf")
        .read_text()
        .replace("/etc/letsencrypt/live/ocop.example.vn/fullchain.pem", str(tmp_path / "c.pem"))
        .replace("/etc/letsencrypt/live/ocop.example.vn/privkey.pem", str(tmp_path / "k.pem"))
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "main.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )

    result = subprocess.run(
        ["nginx", "-t", "-c", tmp_path / "main.conf", "-p", tmp_path],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr


def test_gunicorn_defaults(monkeypatch):
    for name in ("GUNICORN_WORKERS", "GUNICORN_BIND", "GUNICORN_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)

    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))

    assert config["workers"] == 2 * multiprocessing.cpu_count() + 1
    assert config["bind"] == "127.0.0.1:8001"
    assert config["preload_app"] is True
    assert (config["max_requests"], config["max_requests_jitter"]) == (1000, 100)
    assert config["timeout"] == 30
    assert "%(D)s" in config["access_log_format"]


def test_gunicorn_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:8000")

    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))

    assert (config["workers"], config["bind"]) == (3, "0.0.0.0:8000")


def test_systemd_app_server_unit():
    service = _unit("ocop-portal.service")["Service"]

    assert service["EnvironmentFile"] == "/etc/ocop-portal.env"
    assert "--bind 127.0.0.1:8001" in service["ExecStart"]
    assert "deploy/gunicorn.conf.py" in service["ExecStart"]
    assert service["Restart"] == "on-failure"
    assert service["User"] == "ocop"
    assert (service["NoNewPrivileges"], service["ProtectSystem"]) == ("yes", "strict")


def test_systemd_backup_units_and_no_worker():
    backup = _unit("ocop-backup.service")["Service"]
    timer = _unit("ocop-backup.timer")["Timer"]

    assert not (DEPLOY / "ocop-worker.service").exists()
    assert backup["ExecStart"] == "/srv/ocop-portal/deploy/backup.sh"
    assert timer["OnCalendar"] == "*-*-* 02:30:00"
    assert timer["Persistent"] == "true"


@pytest.mark.parametrize("script", ["backup.sh", "restore.sh"])
def test_shell_scripts_parse(script):
    result = subprocess.run(["bash", "-n", DEPLOY / script], capture_output=True, timeout=10)

    assert result.returncode == 0, result.stderr


def test_dockerfile_builds_static_files_and_runs_gunicorn():
    dockerfile = (DEPLOY / "Dockerfile").read_text()

    assert "FROM python:3.11-slim" in dockerfile
    assert "libpango-1.0-0" in dockerfile
    assert "fonts-dejavu-core" in dockerfile
    assert "manage.py collectstatic" in dockerfile
    assert 'CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py"' in dockerfile


def test_collectstatic_as_the_dockerfile_runs_it(collected_static):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())

    assert manifest["paths"]["css/portal.css"].startswith("css/portal.")
    assert (collected_static / manifest["paths"]["admin/css/base.css"]).exists()
    assert (collected_static / (manifest["paths"]["vendor/htmx/htmx.min.js"] + ".br")).exists()
