#!/usr/bin/env bash
# Serve the API on http://127.0.0.1:${PORT:-8080} with the committed seed data.
#   ./run.sh        start (or reuse) the private PostgreSQL cluster in .data/postgres, migrate,
#                   import seed-data/, then serve in the foreground (Ctrl-C stops the API).
#   ./run.sh import [FOLDER|ZIP]   migrate and import FOLDER (default seed-data/), or the zip from
#                   /v1/dataset/download (or the folder it unzips to), into the same database and
#                   exit: a server already running picks the new version up by itself.
#   ./run.sh stop   stop the private cluster.
# Set JUDGEMENTS_DB (the read-only serving role) and JUDGEMENTS_OWNER_DB (the role owning the
# tables, for migrations and imports) to use your own PostgreSQL instead of the private cluster.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
. db/cluster.sh

data="$root/.data/postgres"
pg_port_default=${JUDGEMENTS_PG_PORT:-54329}

if [ "${1:-}" = "stop" ]; then
  pg_find_bin
  pg_stop "$data"
  echo "Stopped the cluster in $data."
  exit 0
fi

mode=serve seed="$root/seed-data"
if [ "${1:-}" = "import" ]; then mode=import; seed=$(realpath -e "${2:-$root/seed-data}"); fi

require_dotnet
if [ -z "${JUDGEMENTS_DB:-}" ]; then
  step "PostgreSQL: the private cluster in $data"
  pg_find_bin
  pg_start "$data" "$pg_port_default"
  port=$(pg_port "$data"); port=${port:-$pg_port_default}
  pg_roles "$data" "$port"
  pg_create_db "$port" judgements
  export JUDGEMENTS_DB JUDGEMENTS_OWNER_DB
  JUDGEMENTS_DB=$(pg_connstr_reader "$port" judgements)
  JUDGEMENTS_OWNER_DB=$(pg_connstr_owner "$port" judgements)
  echo "PostgreSQL: 127.0.0.1:$port, database judgements, roles judgements_owner and judgements_reader (data in $data; './run.sh stop' stops it)"
fi

step "Building the API (Release; the first build restores NuGet packages and takes a few minutes)"
dotnet_build api/JudgementsApi.csproj
dll="$root/api/bin/Release/net10.0/JudgementsApi.dll"
step "Migrating and importing $seed (a no-op when that data is already loaded)"
dotnet "$dll" import "$seed"
[ "$mode" = import ] && exit 0

export ASPNETCORE_URLS="http://127.0.0.1:${PORT:-8080}"
step "Serving on $ASPNETCORE_URLS (Swagger UI at $ASPNETCORE_URLS/swagger; Ctrl-C stops)"
cd "$(dirname "$dll")"   # the content root, where appsettings.json is
exec dotnet "$dll"
