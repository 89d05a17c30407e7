#!/bin/sh
# Restores a backup written by backup.sh: checks its checksums, restores the database into PGDATABASE (which must
# exist; whatever it holds of the same tables is dropped first) in one transaction, and unpacks the evidence files
# into EVIDENCE_FOLDER. Stop the application first (docker compose stop app) and start it after: Flyway and Camunda
# then find their schema as it was at backup time.
#
# Usage: ops/backup/restore.sh BACKUP_FOLDER
# Connection: PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE (defaults 127.0.0.1 5432 cocrea - cocrea).
# Evidence: EVIDENCE_FOLDER (default data/evidence). To try a backup without touching production, point PGDATABASE
# at a scratch database (createdb cocrea_restore) and EVIDENCE_FOLDER at a scratch folder.
set -eu

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: restore.sh BACKUP_FOLDER (a folder written by backup.sh)" >&2
    exit 2
fi
dir=$1
evidence=${EVIDENCE_FOLDER:-data/evidence}
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-cocrea}" \
    PGDATABASE="${PGDATABASE:-cocrea}"

(cd "$dir" && sha256sum --check --quiet SHA256SUMS)

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$PGDATABASE" "$dir/database.dump"

mkdir -p "$evidence"
tar -C "$evidence" -xzf "$dir/evidence.tar.gz"
echo "restored $dir into database $PGDATABASE and $evidence"
