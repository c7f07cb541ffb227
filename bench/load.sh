#!/usr/bin/env bash
# Mixed load test with Locust: simulated people of every role on a dedicated PostgreSQL database
# (seeded once by bench/seed_national.py; BENCH_PRODUCERS for smaller data), Redis for cache and
# sessions, gunicorn as in deploy/, all on 127.0.0.1 and bounded (BENCH_USERS people,
# BENCH_SECONDS seconds). Prints the figures; `bash bench/load.sh --write` also prepends them to
# bench/RESULTS.md (with BENCH_NOTE saying what the machine was doing). Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ocop_bench}
.venv/bin/python -c "import locust" 2>/dev/null || .venv/bin/pip install --quiet ".[bench]"
db=${DATABASE_URL##*/}
if ! psql "${DATABASE_URL%/*}/postgres" -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    createdb -h 127.0.0.1 -U postgres "$db"
fi
DEBUG=1 .venv/bin/python manage.py migrate --no-input -v0
if [[ $(DEBUG=1 .venv/bin/python manage.py shell -c "from producers.models import Producer; print(Producer.objects.count())" | tail -n1) == 0 ]]; then
    .venv/bin/python bench/seed_national.py
fi
exec .venv/bin/python bench/load.py "$@"
