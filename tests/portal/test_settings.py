import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "production-secret-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "ocop.example.vn",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def _manage(*args, env):
    inherited = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_settings_load_with_vietnamese_first():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert settings.AUTH_USER_MODEL == "accounts.User"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", env={"ALLOWED_HOSTS": "ocop.example.vn"})

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.fixture
def signing_env(tmp_path):
    """The province's signing certificate, as production configures it (deploy/README.md)."""
    from evaluations.management.commands.create_demo_signing_certificate import make_pkcs12

    path = tmp_path / "tinh.p12"
    path.write_bytes(make_pkcs12("bi-mat"))
    return {"SIGNING_PKCS12_PATH": str(path), "SIGNING_PKCS12_PASSPHRASE": "bi-mat"}


def test_deploy_check_is_clean_with_production_variables(signing_env):
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, **signing_env}
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_when_documents_would_be_issued_unsigned():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode != 0
    assert "evaluations.W010" in result.stderr


def test_deploy_check_warns_when_each_process_would_keep_its_own_cache():
    without_redis = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}

    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=without_redis)

    assert result.returncode != 0
    assert "ocop_portal.W001" in result.stderr


def test_bad_boolean_in_the_environment_is_refused():
    result = _manage("check", env={**PRODUCTION_ENV, "DEBUG": "maybe"})

    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_database_url_selects_the_database():
    engine = settings.DATABASES["default"]["ENGINE"]

    expected = "postgresql" if "postgres" in os.environ.get("DATABASE_URL", "") else "sqlite3"
    assert engine.endswith(expected)
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_migrations_apply_on_a_fresh_sqlite_database(tmp_path):
    env = {"DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}

    migrate = _manage("migrate", "--no-input", env=env)
    count = _manage(
        "shell", "-c", "from regions.models import Commune; print(Commune.objects.count())", env=env
    )

    assert migrate.returncode == 0, migrate.stderr
    assert count.stdout.strip().splitlines()[-1] == "3321"
