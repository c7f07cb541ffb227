#!/usr/bin/env bash
# One PostgreSQL backup of the OCOP portal: pg_dump in custom format (-Fc: compressed, restorable
# table by table), checked, then kept for RETENTION_DAYS days.
#
#   DATABASE_URL=postgres://user@host:5432/ocop BACKUP_DIR=/var/backups/ocop-portal deploy/backup.sh
#
# Prints the file it wrote. Run daily by ocop-backup.timer. Uploaded files are not in the
# database: back up MEDIA_ROOT (or version the S3 bucket) as well — see deploy/README.md.
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the database to back up}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/ocop-portal}
RETENTION_DAYS=${RETENTION_DAYS:-14}
PREFIX=${BACKUP_PREFIX:-ocop}

[[ $RETENTION_DAYS =~ ^[0-9]+$ ]] || { echo "RETENTION_DAYS must be a whole number" >&2; exit 2; }
mkdir -p "$BACKUP_DIR"
umask 077

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$BACKUP_DIR/$PREFIX-$stamp.dump"
partial="$target.partial"
trap 'rm -f "$partial"' EXIT

# dj-database-url's postgres:// URLs are libpq connection URIs as they stand.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial" "$DATABASE_URL"
# A dump that pg_restore cannot list is no backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$target"
echo "$target"

# Retention: delete dumps older than RETENTION_DAYS days (never the one just written).
find "$BACKUP_DIR" -maxdepth 1 -type f -name "$PREFIX-*.dump" -mtime +"$RETENTION_DAYS" \
    ! -path "$target" -print -delete | sed 's/^/deleted /'
