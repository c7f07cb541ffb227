#!/usr/bin/env bash
# Serve the seeded benchmark database with gunicorn and run bench/faults.py against it.
# Stops and starts the local PostgreSQL cluster: never run it beside the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ocop_bench}
static=$(mktemp -d)
export SECRET_KEY=$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT=$static \
    SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 LOG_LEVEL=ERROR
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/python -m gunicorn ocop_portal.wsgi -b 127.0.0.1:8765 -w 3 --access-logfile /dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$static"' EXIT
for _ in $(seq 30); do curl -fs http://127.0.0.1:8765/healthz >/dev/null && break; sleep 1; done
GUNICORN_PID=$pid .venv/bin/python bench/faults.py
