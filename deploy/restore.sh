#!/usr/bin/env bash
# Restore a backup made by backup.sh into a NEW, empty database (never over a live one).
#
#   deploy/restore.sh /var/backups/ocop-portal/ocop-20261129T023000Z.dump \
#       postgres://postgres@127.0.0.1:5432/ocop_restored
#
# Creates the target database when it does not exist (connecting to the "postgres" database of
# the same server), refuses one that already has tables, and restores in a single transaction:
# either everything is restored or nothing is. Then point DATABASE_URL at it (deploy/README.md).
set -euo pipefail

dump=${1:?usage: restore.sh DUMP_FILE TARGET_DATABASE_URL}
target=${2:?usage: restore.sh DUMP_FILE TARGET_DATABASE_URL}
[[ -r $dump ]] || { echo "cannot read $dump" >&2; exit 2; }
[[ $target != *\?* ]] || { echo "give TARGET_DATABASE_URL without ?options" >&2; exit 2; }

dbname=${target##*/}
[[ $dbname =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "unusual database name: $dbname" >&2; exit 2; }
server=${target%/*}

exists=$(psql "$server/postgres" -XAtq -c "SELECT 1 FROM pg_database WHERE datname = '$dbname'")
if [[ -z $exists ]]; then
    psql "$server/postgres" -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$dbname\""
    echo "created database $dbname"
fi
tables=$(psql "$target" -XAtq -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [[ $tables != 0 ]]; then
    echo "database $dbname already has $tables tables: restore into a new database" >&2
    exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$target" "$dump"
echo "restored $dump into $dbname"

# Pages cached from the database this one replaces must never be shown: a certificate's status
# (valid, revoked, replaced) could be stale. Bump every cache version (needs the portal's
# settings, e.g. /etc/ocop-portal.env loaded); the restore itself has succeeded either way.
here=$(cd "$(dirname "$0")/.." && pwd)
python=${OCOP_PYTHON:-$here/.venv/bin/python}
if DATABASE_URL="$target" "$python" "$here/manage.py" retire_cached_pages; then
    :
else
    echo "warning: could not retire the cached pages; run: manage.py retire_cached_pages" >&2
fi
