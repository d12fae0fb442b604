#!/bin/bash
# The stand-in postgres image's entrypoint: what the official postgres image's entrypoint does,
# as far as this project uses it. On an empty PGDATA it initialises a cluster for POSTGRES_USER
# (default postgres) with POSTGRES_PASSWORD, starts a temporary server to create POSTGRES_DB and
# run /docker-entrypoint-initdb.d/*.sh|*.sql, stops it, then runs the real server. Each server logs
# "database system is ready to accept connections", which Testcontainers waits to see twice.
set -euo pipefail

if [ "${1:-postgres}" != postgres ] && [ "${1#-}" = "$1" ]; then exec "$@"; fi
[ "${1:-}" = postgres ] && shift

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" postgres "$@"
fi

user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
    echo "Database is uninitialized and superuser password is not specified: set POSTGRES_PASSWORD." >&2
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
  initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >/dev/null
  rm -f "$pwfile"
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf 'host all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"

  # The temporary server listens on the socket only, so nothing connects before it is ready.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w -t 60 start
  export PGUSER=$user PGHOST=/var/run/postgresql
  if [ "$db" != postgres ]; then psql -v ON_ERROR_STOP=1 -d postgres -q -c "CREATE DATABASE \"$db\""; fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) echo "running $f"; . "$f" ;;
      *.sql) echo "running $f"; psql -v ON_ERROR_STOP=1 -d "$db" -q -f "$f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGUSER PGHOST
  echo "PostgreSQL init process complete; ready for start up."
fi
exec postgres "$@"
