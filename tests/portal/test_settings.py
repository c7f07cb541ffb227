"""The settings as production loads them, and the deployment check with production variables.

The test run's own settings prove little about the defaults: pytest-env ([tool.pytest_env]) and
tests/conftest.py set some of them. So the settings module is executed afresh here from an
environment the test controls, and ``check --deploy`` runs in a process of its own, its clock
pinned (the holiday-calendar check depends on the date).
"""

import datetime
import importlib.util
import os
import sys
import zoneinfo
from unittest import mock

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from tests.subprocesses import ROOT, clean_env, manage

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SECRET = "k" * 20 + "production-secret-for-the-deploy-check-0123456789"
PRODUCTION_ENV = {
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "ocop.example.vn",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "TRUSTED_PROXY_COUNT": "1",
}


def load_settings(**env):
    """ocop_portal/settings.py executed afresh with exactly ``env`` as the environment."""
    spec = importlib.util.spec_from_file_location(
        "settings_under_test", ROOT / "ocop_portal" / "settings.py"
    )
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, env, clear=True):
        spec.loader.exec_module(module)
    return module


def test_defaults_are_vietnamese_first():
    loaded = load_settings(SECRET_KEY=SECRET)

    assert loaded.LANGUAGE_CODE == "vi"
    assert [code for code, _ in loaded.LANGUAGES] == ["vi", "en"]
    assert loaded.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert loaded.USE_TZ is True
    assert loaded.AUTH_USER_MODEL == "accounts.User"
    assert loaded.OCOP_PROVINCE_CODE == 33


def test_defaults_are_the_safe_production_ones():
    loaded = load_settings(SECRET_KEY=SECRET)

    assert loaded.DEBUG is False
    assert loaded.ALLOWED_HOSTS == []
    assert loaded.SECURE_SSL_REDIRECT is True
    assert (loaded.SESSION_COOKIE_SECURE, loaded.CSRF_COOKIE_SECURE) == (True, True)
    assert loaded.SECURE_HSTS_SECONDS == 31536000
    assert (loaded.SECURE_HSTS_INCLUDE_SUBDOMAINS, loaded.SECURE_HSTS_PRELOAD) == (True, True)
    assert loaded.X_FRAME_OPTIONS == "DENY"
    assert loaded.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    # whitenoise's compressed, hashed copies (each URL worked out once per process)
    static = loaded.STORAGES["staticfiles"]["BACKEND"]
    assert static == "ocop_portal.static_storage.StaticFilesStorage"
    assert loaded.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_debug_gives_a_laptop_its_development_defaults():
    loaded = load_settings(DEBUG="1")

    assert loaded.SECRET_KEY == "insecure-development-key-never-use-in-production"
    assert loaded.ALLOWED_HOSTS == ["127.0.0.1", "localhost"]
    assert loaded.SECURE_SSL_REDIRECT is False
    assert loaded.SECURE_HSTS_SECONDS == 0
    assert loaded.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"


def test_production_refuses_to_start_without_a_secret_key():
    # pytest is loaded in this very process: the settings have no test switch to look for it.
    assert "pytest" in sys.modules

    with pytest.raises(ImproperlyConfigured, match="Set SECRET_KEY"):
        load_settings(ALLOWED_HOSTS="ocop.example.vn")


def test_bad_boolean_in_the_environment_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        load_settings(**PRODUCTION_ENV, DEBUG="maybe")


def test_the_test_run_keeps_the_production_defaults():
    """The test run sets a secret and hosts, not DEBUG: what it tests is what production runs."""
    assert settings.DEBUG is False
    assert (settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE) == (True, True)
    assert settings.SECURE_HSTS_SECONDS == 31536000
    assert settings.EMAIL_BACKEND != "django.core.mail.backends.console.EmailBackend"


@pytest.fixture
def signing_env(tmp_path):
    """The province's signing certificate, as production configures it (deploy/README.md)."""
    from certificates.management.commands.create_demo_signing_certificate import make_pkcs12

    path = tmp_path / "tinh.p12"
    path.write_bytes(make_pkcs12("bi-mat"))
    return {"SIGNING_PKCS12_PATH": str(path), "SIGNING_PKCS12_PASSPHRASE": "bi-mat"}


def test_deploy_check_is_clean_with_production_variables(today, signing_env):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env=clean_env(**PRODUCTION_ENV, **signing_env), at=timezone.now(),
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_passes_in_december_without_next_years_days_off(signing_env):
    # 3 December 2026: 2026's announcements are recorded, 2027's not yet: information only.
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env=clean_env(**PRODUCTION_ENV, **signing_env),
        at=datetime.datetime(2026, 12, 3, 9, 0, tzinfo=VN),
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "evaluations.I001" in result.stderr


def test_deploy_check_fails_in_a_year_whose_days_off_are_not_recorded(signing_env):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env=clean_env(**PRODUCTION_ENV, **signing_env),
        at=datetime.datetime(2027, 1, 4, 9, 0, tzinfo=VN),
    )  # fmt: skip

    assert result.returncode != 0
    assert "evaluations.W001" in result.stderr


def test_deploy_check_warns_when_documents_would_be_issued_unsigned(today):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env=clean_env(**PRODUCTION_ENV), at=timezone.now(),
    )  # fmt: skip

    assert result.returncode != 0
    assert "evaluations.W010" in result.stderr


def test_deploy_check_warns_when_each_process_would_keep_its_own_cache(today):
    without_redis = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}

    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env=clean_env(**without_redis), at=timezone.now(),
    )  # fmt: skip

    assert result.returncode != 0
    assert "ocop_portal.W001" in result.stderr
    assert "evaluations.W001" not in result.stderr  # the holidays of the pinned year are known


def test_database_url_selects_the_database():
    engine = settings.DATABASES["default"]["ENGINE"]

    expected = "postgresql" if "postgres" in os.environ.get("DATABASE_URL", "") else "sqlite3"
    assert engine.endswith(expected)
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_migrations_apply_on_a_fresh_sqlite_database(tmp_path):
    env = clean_env(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")

    migrate = manage("migrate", "--no-input", env=env)
    count = manage(
        "shell", "-c", "from regions.models import Commune; print(Commune.objects.count())", env=env
    )

    assert migrate.returncode == 0, migrate.stderr
    assert count.stdout.strip().splitlines()[-1] == "3321"
