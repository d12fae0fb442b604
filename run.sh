#!/usr/bin/env bash
# Serve the API on http://127.0.0.1:${PORT:-8080} with the committed seed data.
#   ./run.sh        start (or reuse) the private PostgreSQL cluster in .data/postgres, migrate,
#                   import seed-data/, then serve in the foreground (Ctrl-C stops the API).
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

require_dotnet
if [ -z "${JUDGEMENTS_DB:-}" ]; then
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

dotnet build api/JudgementsApi.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dll="$root/api/bin/Release/net10.0/JudgementsApi.dll"
dotnet "$dll" import "$root/seed-data"

export ASPNETCORE_URLS="http://127.0.0.1:${PORT:-8080}"
echo "Serving on $ASPNETCORE_URLS (Swagger UI at $ASPNETCORE_URLS/swagger)"
cd "$(dirname "$dll")"   # the content root, where appsettings.json is
exec dotnet "$dll"
