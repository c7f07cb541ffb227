"""Helpers for the deployment tests: scratch PostgreSQL databases and a private Redis database.

They need the real services, so they skip unless DATABASE_URL points at PostgreSQL (as in CI) and,
for Redis, a server answers at OCOP_TEST_REDIS_URL or 127.0.0.1:6379.
"""

import os
import secrets
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest

from tests.subprocesses import clean_env, manage


def database_url_for(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


@pytest.fixture
def postgres_server():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL (CI sets it)")
    try:
        psycopg2.connect(database_url_for("postgres"), connect_timeout=3).close()
    except psycopg2.OperationalError as error:
        pytest.skip(f"PostgreSQL does not answer: {error}")
    return database_url_for


@pytest.fixture
def scratch_databases(postgres_server):
    """make(prefix) -> URL of a new, empty database; every one made is dropped afterwards."""
    made: list[str] = []

    def admin(sql: str) -> None:
        connection = psycopg2.connect(postgres_server("postgres"), connect_timeout=5)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def make(prefix: str, *, create: bool = True) -> str:
        name = f"{prefix}_{secrets.token_hex(4)}"
        made.append(name)
        if create:
            admin(f'CREATE DATABASE "{name}"')
        return postgres_server(name)

    yield make
    for name in made:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis_db():
    """URL of a Redis database no one else is using, flushed before and after; skip without one."""
    redis = pytest.importorskip("redis")
    # Not REDIS_URL: the test process itself runs without Redis ([tool.pytest_env]).
    base = os.environ.get("OCOP_TEST_REDIS_URL") or "redis://127.0.0.1:6379/0"
    parts = urlsplit(base)
    lock = "ocop-tests-lock"  # one name: of two runs that find the same empty database, one wins
    for number in range(15, 0, -1):
        url = urlunsplit((parts.scheme, parts.netloc, f"/{number}", "", ""))
        client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        try:
            if client.dbsize() == 0 and client.set(lock, os.getpid(), nx=True, ex=600):
                break
        except redis.exceptions.ConnectionError as error:
            pytest.skip(f"Redis does not answer at {base}: {error}")
    else:
        pytest.skip("no empty Redis database (1-15) to use")
    yield url
    client.flushdb()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT filled by collectstatic with the production (hashed, compressed) storage."""
    static_root = tmp_path_factory.mktemp("static")
    env = clean_env(
        SECRET_KEY="collectstatic-only",
        DATABASE_URL=f"sqlite:///{static_root / 'unused.sqlite3'}",
        STATIC_ROOT=str(static_root),
    )
    result = manage("collectstatic", "--no-input", "-v", "0", env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return static_root
