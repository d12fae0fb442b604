#!/bin/bash
# The read replica's entrypoint (runs as postgres): on an empty data folder, copy the primary with
# pg_basebackup (-R: start as a standby streaming from it), then run the server. Hot standby serves
# reads and refuses writes.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  for attempt in $(seq 1 30); do
    rm -rf "${PGDATA:?}"/*
    if PGPASSWORD=$REPLICATION_PASSWORD pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" \
         -R -X stream --checkpoint=fast; then break; fi
    [ "$attempt" -lt 30 ] || { echo "replica: cannot copy the primary at $PRIMARY_HOST" >&2; exit 1; }
    sleep 2
  done
  chmod 700 "$PGDATA"
fi
exec postgres "$@"
