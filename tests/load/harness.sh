# Shared by tests/load/import-under-load.sh and tests/load/bloat.sh (sourced, not run): a Release
# build of the API run from a private copy, a throwaway PostgreSQL cluster in a temporary folder,
# the data imported with the service's own importer, and the API started with the rate limits off
# (every wrk connection or curl loop is one client). Everything started here is stopped, and the
# folder removed, on exit, failure or Ctrl-C. Settings: LOAD_NO_BUILD=1 (or BENCH_NO_BUILD=1) uses
# the existing api/bin/Release build.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
. db/cluster.sh

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }
# load1: the machine's 1-minute load average (the machine is shared: every figure is read beside it).
load1() { cut -d' ' -f1 /proc/loadavg; }
# rss_mb PID [VmRSS|VmHWM]
rss_mb() { awk -v k="${2:-VmRSS}:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

tmp=""
pg_started=0
harness_pids=()
harness_stop_pid() {
  if kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
  fi
  wait "$1" 2>/dev/null || true
}
harness_cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  for p in "${harness_pids[@]}"; do harness_stop_pid "$p"; done
  if [ "$rc" -ne 0 ] && [ -n "$tmp" ] && [ -s "$tmp/api.log" ]; then log "the API's last log lines:"; tail -n 30 "$tmp/api.log" >&2; fi
  if [ "$pg_started" = 1 ]; then pg_stop "$tmp/postgres"; fi
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
  exit "$rc"
}
trap harness_cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'exit 143' TERM

# harness_setup: tools, the build, the temporary folder and the cluster. Sets bin, dll, tmp, pg_port.
harness_setup() {
  require_dotnet
  command -v wrk >/dev/null 2>&1 && command -v curl >/dev/null 2>&1 ||
    { log "needs wrk and curl (apt-get install wrk curl)"; exit 1; }
  if [ "${LOAD_NO_BUILD:-${BENCH_NO_BUILD:-0}}" = 1 ] && [ -f api/bin/Release/net10.0/JudgementsApi.dll ]; then
    log "using the existing build in api/bin/Release/net10.0"
  else
    log "building the API (Release)…"
    dotnet build api/JudgementsApi.csproj -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers >&2
  fi
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/judgements-load.XXXXXX")
  chmod 755 "$tmp"   # the postgres user must reach the cluster's folder
  cp -a api/bin/Release/net10.0 "$tmp/api"   # a concurrent build of api/ cannot replace the running files
  bin="$tmp/api"
  dll="$bin/JudgementsApi.dll"
  pg_find_bin
  pg_port=$(pg_free_port 55700)
  pg_started=1
  pg_start "$tmp/postgres" "$pg_port"
  pg_roles "$tmp/postgres" "$pg_port"
  pg_create_db "$pg_port" judgements
  conn=$(pg_connstr_reader "$pg_port" judgements)
  owner=$(pg_connstr_owner "$pg_port" judgements)
}

# harness_import DIR LOGFILE: the service's importer on DIR (as ./run.sh import does), timed; sets import_ms.
harness_import() {
  local start
  start=$(now_ns)
  JUDGEMENTS_DB=$conn JUDGEMENTS_OWNER_DB=$owner Logging__LogLevel__Default=Warning dotnet "$dll" import "$1" >"$2" 2>&1 ||
    { tail -n 30 "$2" >&2; log "the import of $1 failed"; return 1; }
  import_ms=$(ms_since "$start")
}

# harness_start_api [VAR=VALUE…]: the API on a free port of 127.0.0.1 (log in $tmp/api.log), ready
# (200 from /health/ready) within 120 s. Sets api_pid and base.
harness_start_api() {
  local port start code
  port=$(pg_free_port 18280)
  base="http://127.0.0.1:$port"
  start=$(now_ns)
  (cd "$bin" && exec env -u JUDGEMENTS_SEED_DIR JUDGEMENTS_DB="$conn" JUDGEMENTS_OWNER_DB="$owner" \
      Judgements__RateLimits__Enabled=false ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
      DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "$@" dotnet "$dll") >"$tmp/api.log" 2>&1 &
  api_pid=$!
  harness_pids+=("$api_pid")
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/health/ready" || true)
    [ "$code" = 200 ] && break
    kill -0 "$api_pid" 2>/dev/null || { log "the API exited before it was ready"; return 1; }
    [ $(( $(ms_since "$start") / 1000 )) -lt 120 ] || { log "the API was not ready within 120 s"; return 1; }
    sleep 0.05
  done
  log "API ready on $base after $(ms_since "$start") ms (pid $api_pid)"
}
