"""The settings pick shared services from the environment (one settings module, USE_X flags)."""

import json
import subprocess
import sys

from tests.subprocesses import ROOT, clean_env

PRINT = """
import json
from django.conf import settings
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "location": settings.CACHES["default"].get("LOCATION"),
    "sessions": settings.SESSION_ENGINE,
    "media": settings.STORAGES["default"],
}))
"""


def _settings(**env):
    result = subprocess.run(
        [sys.executable, "-c", PRINT],
        cwd=ROOT,
        env=clean_env(DJANGO_SETTINGS_MODULE="ocop_portal.settings", DEBUG="1", **env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def test_without_redis_the_portal_keeps_everything_in_one_process():
    result = _settings()

    values = json.loads(result.stdout)
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["sessions"] == "django.contrib.sessions.backends.db"
    assert values["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_redis_url_shares_cache_and_sessions():
    result = _settings(REDIS_URL="redis://cache.internal:6379/2")

    values = json.loads(result.stdout)
    assert values["cache"] == "ocop_portal.redis_cache.RedisCache"
    assert values["location"] == "redis://cache.internal:6379/2"
    assert values["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_use_s3_keeps_uploads_in_a_private_bucket_streamed_by_the_portal():
    result = _settings(
        USE_S3="1",
        AWS_STORAGE_BUCKET_NAME="ocop-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.vn",
        AWS_S3_REGION_NAME="hn-1",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )

    media = json.loads(result.stdout)["media"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"] == {
        "bucket_name": "ocop-media",
        "endpoint_url": "https://s3.example.vn",
        "region_name": "hn-1",
        "access_key": "key",
        "secret_key": "secret",
        "default_acl": "private",
        "querystring_auth": False,
        "file_overwrite": False,
    }


def test_use_s3_without_a_bucket_is_refused():
    result = _settings(USE_S3="1")

    assert result.returncode != 0
    assert "USE_S3=1 needs AWS_STORAGE_BUCKET_NAME" in result.stderr
