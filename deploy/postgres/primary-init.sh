#!/bin/bash
# Runs once, when the primary's data folder is first initialised (postgres image's
# /docker-entrypoint-initdb.d): the read-only role the API serves through, and a role for
# streaming replication with its pg_hba.conf line. POSTGRES_USER owns the tables (migrations and
# imports); every table it creates is readable by the serving role, by default privileges.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner="$POSTGRES_USER" -v reader="$READER_USER" -v reader_pw="$READER_PASSWORD" \
  -v repl_pw="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE :"reader" WITH LOGIN PASSWORD :'reader_pw';
GRANT USAGE ON SCHEMA public TO :"reader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO :"reader";
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'repl_pw';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
