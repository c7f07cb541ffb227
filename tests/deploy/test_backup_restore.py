"""deploy/backup.sh and deploy/restore.sh against the PostgreSQL server of the test run."""

import os
import shutil
import subprocess

import psycopg2
import pytest

from tests.subprocesses import ROOT

pytestmark = pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")),
    reason="needs the PostgreSQL client programs (pg_dump, pg_restore, psql)",
)


def _run(*args, env=None):
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _query(url, sql):
    connection = psycopg2.connect(url, connect_timeout=5)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def test_backup_then_restore_into_a_new_database_keeps_every_row(scratch_databases, tmp_path):
    source = scratch_databases("ocop_backup")
    _query(source, "CREATE TABLE product (id serial PRIMARY KEY, name text NOT NULL)")
    _query(source, "INSERT INTO product (name) VALUES ('Mật ong'), ('Nhãn lồng'), ('Gạo nếp')")
    old = tmp_path / "ocop-20200101T000000Z.dump"
    old.write_bytes(b"an old dump")
    # From the file system's own clock, which backup.sh's `find -mtime` reads: the test's pinned
    # clock does not reach that process.
    a_month_ago = old.stat().st_mtime - 30 * 86400
    os.utime(old, (a_month_ago, a_month_ago))
    env = {"DATABASE_URL": source, "BACKUP_DIR": str(tmp_path), "RETENTION_DAYS": "14"}

    backup = _run("deploy/backup.sh", env=env)
    dump = backup.stdout.splitlines()[0]
    target = scratch_databases("ocop_restored", create=False)
    restore = _run("deploy/restore.sh", dump, target)

    assert backup.returncode == 0, backup.stderr
    assert f"deleted {old}" in backup.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [os.path.basename(dump)]
    assert oct(os.stat(dump).st_mode & 0o777) == "0o600"
    assert restore.returncode == 0, restore.stderr
    assert _query(target, "SELECT name FROM product ORDER BY id") == [
        ("Mật ong",),
        ("Nhãn lồng",),
        ("Gạo nếp",),
    ]


def test_restore_refuses_a_database_that_has_tables(scratch_databases, tmp_path):
    source = scratch_databases("ocop_backup")
    _query(source, "CREATE TABLE product (id serial PRIMARY KEY)")
    dump = _run(
        "deploy/backup.sh", env={"DATABASE_URL": source, "BACKUP_DIR": str(tmp_path)}
    ).stdout.strip()

    restore = _run("deploy/restore.sh", dump, source)

    assert restore.returncode == 1
    assert "already has 1 tables" in restore.stderr


def test_backup_without_a_database_url_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}

    result = subprocess.run(
        ["deploy/backup.sh"],
        cwd=ROOT, env={**env, "BACKUP_DIR": str(tmp_path)}, capture_output=True, text=True,
        timeout=30,
    )  # fmt: skip

    assert result.returncode != 0
    assert "Set DATABASE_URL" in result.stderr
