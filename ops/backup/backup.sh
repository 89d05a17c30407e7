#!/bin/sh
# Backs up Cocrea: the PostgreSQL database (application tables and Camunda's, one consistent pg_dump snapshot) and the
# evidence files of follow-up reports (EVIDENCE_FOLDER), into a new folder DEST/cocrea-<UTC timestamp>/ holding
#   database.dump      pg_dump custom format (restore with restore.sh, or pg_restore)
#   evidence.tar.gz    the evidence folder
#   SHA256SUMS         checksums, verified by restore.sh
# The database is dumped first and the files archived after it, so every file a row of the dump refers to is in the
# archive (files are written before their row is committed); a file added in between is just an extra.
#
# Usage: ops/backup/backup.sh [DEST]            (DEST defaults to ./backups; prints the folder it wrote)
# Connection: libpq's variables PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE (defaults 127.0.0.1 5432 cocrea - cocrea).
# Evidence: EVIDENCE_FOLDER (default data/evidence, as the application). Needs pg_dump of the server's major version
# or newer, tar, gzip and sha256sum. With Docker Compose: docker compose run --rm backup (see README, Operators).
set -eu

dest=${1:-backups}
evidence=${EVIDENCE_FOLDER:-data/evidence}
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-cocrea}" \
    PGDATABASE="${PGDATABASE:-cocrea}"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="$dest/cocrea-$stamp"
if [ -e "$dir" ]; then
    echo "backup.sh: $dir already exists" >&2
    exit 1
fi
mkdir -p "$dir"

# One transaction snapshot of the whole database; no owners or grants, so it restores under any role.
pg_dump --format=custom --no-owner --no-privileges --file="$dir/database.dump"

if [ -d "$evidence" ]; then
    tar -C "$evidence" -czf "$dir/evidence.tar.gz" .
else
    echo "backup.sh: no evidence folder at $evidence; archiving none" >&2
    empty=$(mktemp -d)
    tar -C "$empty" -czf "$dir/evidence.tar.gz" .
    rmdir "$empty"
fi

(cd "$dir" && sha256sum database.dump evidence.tar.gz > SHA256SUMS)
echo "$dir"
