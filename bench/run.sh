#!/usr/bin/env bash
# National-scale benchmark: a dedicated PostgreSQL database, seeded once, served by gunicorn and
# driven by wrk on 127.0.0.1 (bounded: 16 connections, 10 s per page). Prints figures and appends
# them to bench/RESULTS.md. Not a test: run it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ocop_bench}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
db=${DATABASE_URL##*/}
if ! psql "${DATABASE_URL%/*}/postgres" -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    createdb -h 127.0.0.1 -U postgres "$db"
fi
DEBUG=1 .venv/bin/python manage.py migrate --no-input -v0
if [[ $(DEBUG=1 .venv/bin/python manage.py shell -c "from producers.models import Producer; print(Producer.objects.count())" | tail -n1) == 0 ]]; then
    .venv/bin/python bench/seed_national.py
fi
.venv/bin/python bench/run.py
