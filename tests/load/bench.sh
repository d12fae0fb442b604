#!/usr/bin/env bash
# Load benchmark of the API (see tests/load/README.md):
#   tests/load/bench.sh                 the committed seed data (1x)
#   tests/load/bench.sh --scale 100     1x, then a synthetic dataset 100 times larger, and the ratios
#   tests/load/bench.sh --scale 100 --scale-only   the synthetic dataset only
# Builds the API (Release), starts a throwaway PostgreSQL cluster, imports the data with the
# service's own importer (timed), starts the API (cold start timed to the first 200 from
# /health/ready), then warms up and drives each endpoint with wrk over 127.0.0.1. Everything it
# starts is stopped on exit, Ctrl-C included.
# Settings (environment): BENCH_DURATION (s per endpoint, 15), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_WARMUP (s per endpoint, 3), BENCH_TIMEOUT (wrk request timeout, s, 30),
# BENCH_MIX_URLS (distinct heavy timelines requested before the peak RSS is read, 240),
# BENCH_OUT (also write the report there as markdown), BENCH_SEED_DIR (seed-data/),
# BENCH_NO_BUILD=1 (use the existing Release build of api/ instead of building), BENCH_DB_OPTIONS
# (appended to the connection string, e.g. "Max Auto Prepare=0"). The API also takes its own
# settings from the environment (e.g. Judgements__OutputCache=false).
set -euo pipefail
caller=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
scale=1
scale_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) [ $# -ge 2 ] || usage; scale=$2; shift 2 ;;
    --scale=*) scale=${1#--scale=}; shift ;;
    --scale-only) scale_only=1; shift ;;
    -h|--help) usage ;;
    *) echo "bench: unknown argument '$1'" >&2; usage ;;
  esac
done
case "$scale" in ''|*[!0-9]*) echo "bench: --scale needs a whole number" >&2; exit 2 ;; esac
[ "$scale" -ge 1 ] || { echo "bench: --scale must be at least 1" >&2; exit 2; }
[ "$scale" -gt 1 ] || scale_only=0

duration=${BENCH_DURATION:-15}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
warmup=${BENCH_WARMUP:-3}
timeout=${BENCH_TIMEOUT:-30}
mix_urls=${BENCH_MIX_URLS:-240}
seed_dir=${BENCH_SEED_DIR:-$root/seed-data}
seed_dir=$(cd "$caller" && cd "$seed_dir" 2>/dev/null && pwd) || { echo "bench: no folder ${BENCH_SEED_DIR:-}" >&2; exit 1; }
out_file=""
if [ -n "${BENCH_OUT:-}" ]; then case "$BENCH_OUT" in /*) out_file=$BENCH_OUT ;; *) out_file="$caller/$BENCH_OUT" ;; esac; fi
cd "$root"
for v in duration connections threads warmup timeout mix_urls; do
  case "${!v}" in ''|*[!0-9]*) echo "bench: BENCH_${v^^} must be a whole number of seconds/connections" >&2; exit 2 ;; esac
done
[ "$duration" -ge 1 ] || { echo "bench: BENCH_DURATION must be at least 1" >&2; exit 2; }
[ "$connections" -ge "$threads" ] && [ "$threads" -ge 1 ] ||
  { echo "bench: need BENCH_CONNECTIONS >= BENCH_THREADS >= 1" >&2; exit 2; }
ls "$seed_dir"/councils.csv "$seed_dir"/inspections.csv >/dev/null 2>&1 ||
  { echo "bench: no seed data in $seed_dir (set BENCH_SEED_DIR to a folder in seed-data/FORMAT.md's format)" >&2; exit 1; }

# The endpoints, the baseline first. Paths only; the host is always 127.0.0.1.
endpoints=(
  "/health/live"
  "/v1/councils/E06000051"
  "/v1/councils?region=E12000005"
  "/v1/inspections/shropshire-2017-11-24"
  "/v1/inspections?region=E12000005&publishedFrom=2020-01-01&limit=50"
  "/v1/councils/E06000051/neighbours"
  "/v1/statistics/distribution?asOf=2024-03-31&groupBy=region"
  "/v1/statistics/transitions?fromGrade=requires_improvement&toGrade=outstanding"
  "/v1/inspections?format=csv"
  "/v1/councils/E06000051/badge.svg"
  "/v1/feed.atom"
  "/embed/councils/E06000051"
)

log() { printf '[bench] %s\n' "$*" >&2; }
now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

. db/cluster.sh

# --- Everything started here is stopped on exit (normal, failure, Ctrl-C) -----------------------
tmp=""
pg_started=0
api_pid=""
child=""
# run OUT CMD…: runs a command in the background, its stdout and stderr to the file OUT (- for our
# stderr), and waits for it, so that Ctrl-C reaches the traps at once (wrk, for one, catches SIGINT
# and exits 0, which a foreground wait would take as handled). The redirection is inside, not on
# the call, so that traps running meanwhile still print to our stderr.
run() {
  local out=$1; shift
  if [ "$out" = - ]; then "$@" >&2 & else "$@" >"$out" 2>&1 & fi
  child=$!
  local rc=0
  wait "$child" || rc=$?
  child=""
  return "$rc"
}
# stop_pid PID: SIGTERM, up to 10 s to exit, then SIGKILL. Only ever a process started here.
stop_pid() {
  if kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
  fi
  wait "$1" 2>/dev/null || true
}
stop_api() {
  [ -n "$api_pid" ] || return 0
  stop_pid "$api_pid"
  api_pid=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$child" ]; then stop_pid "$child"; fi
  if [ "$rc" -ne 0 ] && [ -n "$api_pid" ] && [ -s "$tmp/api.log" ]; then
    log "the API's last log lines ($tmp/api.log):"; tail -n 40 "$tmp/api.log" >&2
  fi
  stop_api
  if [ "$pg_started" = 1 ]; then pg_stop "$tmp/postgres"; fi
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
set -E
trap 'log "failed (status $?) at line $LINENO: $BASH_COMMAND"' ERR
trap 'log "interrupted"; exit 130' INT
trap 'exit 143' TERM

# --- Tools ---------------------------------------------------------------------------------------
require_dotnet
missing=""
command -v wrk >/dev/null 2>&1 || missing="wrk"
command -v curl >/dev/null 2>&1 || missing="$missing curl"
if [ -n "$missing" ]; then
  log "installing$missing (Debian packages)…"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "missing:$missing, and there is no sudo: apt-get install$missing"; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq $missing >&2
fi

if [ "${BENCH_NO_BUILD:-0}" = 1 ] && [ -f api/bin/Release/net10.0/JudgementsApi.dll ]; then
  log "using the existing build in api/bin/Release/net10.0 (BENCH_NO_BUILD=1)"
else
  log "building the API (Release)…"
  run - dotnet build api/JudgementsApi.csproj -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/judgements-bench.XXXXXX")
chmod 755 "$tmp"   # the postgres user must reach the cluster folder inside
# Run a private copy of the build output (appsettings.json included), so that another build of
# api/ during the run cannot overwrite the files under the running service.
cp -a "$root/api/bin/Release/net10.0" "$tmp/api"
bin="$tmp/api"
dll="$bin/JudgementsApi.dll"
pg_find_bin
pg_port=$(pg_free_port 55600)
pg_started=1
pg_start "$tmp/postgres" "$pg_port"
pg_roles "$tmp/postgres" "$pg_port"
log "PostgreSQL on 127.0.0.1:$pg_port ($tmp/postgres)"

# import_line LABEL: the importer's closing line (what it loaded).
import_line() { grep -E '^(Imported dataset|Dataset .* already loaded)' "$tmp/$1.import.log" | tail -n 1 || true; }

# --- One mode: import, cold start, every endpoint ----------------------------------------------
# run_mode LABEL SEED_DIR DATABASE: writes $tmp/LABEL.tsv (one row per endpoint) and $tmp/LABEL.env.
run_mode() {
  local label=$1 dir=$2 db=$3 conn owner start import_ms port cold_ms code out
  pg_create_db "$pg_port" "$db"
  # Served through the read-only role, migrated and imported by the owner, as in production.
  conn=$(pg_connstr_reader "$pg_port" "$db")${BENCH_DB_OPTIONS:+;$BENCH_DB_OPTIONS}
  owner=$(pg_connstr_owner "$pg_port" "$db")

  log "[$label] importing $dir…"
  start=$(now_ns)
  JUDGEMENTS_DB=$conn JUDGEMENTS_OWNER_DB=$owner Logging__LogLevel__Default=Warning run "$tmp/$label.import.log" dotnet "$dll" import "$dir" ||
    { cat "$tmp/$label.import.log" >&2; log "[$label] import failed"; return 1; }
  import_ms=$(ms_since "$start")
  log "[$label] $(import_line "$label") (${import_ms} ms)"

  port=$(pg_free_port 18080)
  log "[$label] starting the API on 127.0.0.1:$port…"
  start=$(now_ns)
  # One wrk client is one IP: the per-client rate limits would measure themselves, so they are off.
  (cd "$bin" && exec env -u JUDGEMENTS_SEED_DIR JUDGEMENTS_DB="$conn" JUDGEMENTS_OWNER_DB="$owner" Judgements__RateLimits__Enabled=false ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
      dotnet "$dll") >"$tmp/api.log" 2>&1 &
  api_pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health/ready" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$api_pid" 2>/dev/null; then
      tail -n 30 "$tmp/api.log" >&2; log "[$label] the API exited before it was ready"; return 1
    fi
    if [ $(( ($(now_ns) - start) / 1000000000 )) -ge 120 ]; then
      tail -n 30 "$tmp/api.log" >&2; log "[$label] the API was not ready within 120 s"; return 1
    fi
    sleep 0.02
  done
  cold_ms=$(ms_since "$start")
  log "[$label] ready after ${cold_ms} ms"

  : >"$tmp/$label.tsv"
  local path url first status first_ms size r
  for path in "${endpoints[@]}"; do
    url="http://127.0.0.1:$port$path"
    # The first request: nothing cached for this URL yet, so it runs the handler and its SQL.
    run "$tmp/first" curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' --max-time "$timeout" "$url" ||
      echo "000 0 0" >"$tmp/first"
    read -r status first_ms size <"$tmp/first" || true   # curl's -w output has no newline
    first_ms=$(awk -v t="$first_ms" 'BEGIN { printf "%.1f", t * 1000 }')
    if [ "$warmup" -gt 0 ]; then
      run /dev/null wrk -t "$threads" -c "$connections" -d "${warmup}s" --timeout "${timeout}s" "$url" || true
    fi
    out="$tmp/$label.wrk.out"
    run "$out" wrk -t "$threads" -c "$connections" -d "${duration}s" --timeout "${timeout}s" -s "$here/report.lua" "$url" ||
      { cat "$out" >&2; log "[$label] wrk failed on $path"; return 1; }
    kill -0 "$api_pid" 2>/dev/null || { log "[$label] the API died under load on $path"; return 1; }
    # endpoint, first status, first ms, bytes of the first response, then the wrk figures.
    r=$(awk '/^BENCH /{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
          secs = v["duration_us"] / 1e6
          printf "%.1f\t%.2f\t%.2f\t%d\t%d", (secs > 0 ? v["requests"] / secs : 0), v["p50_us"] / 1000, v["p99_us"] / 1000,
                 v["status"], v["connect"] + v["read"] + v["write"] + v["timeout"] }' "$out")
    [ -n "$r" ] || { cat "$out" >&2; log "[$label] no figures from wrk on $path"; return 1; }
    printf '%s\t%s\t%s\t%s\t%s\n' "$path" "$status" "$first_ms" "$size" "$r" >>"$tmp/$label.tsv"
    log "[$label] $path: $(awk -F'\t' '{ printf "%s req/s, p50 %s ms, p99 %s ms, non-2xx %s, socket errors %s", $1, $2, $3, $4, $5 }' <<<"$r") (first: $status in $first_ms ms)"
  done
  # The heaviest mix: distinct weekly timelines by region (up to 600 points each, ~1.8 MB), none
  # of them cached yet, 4 at a time; the peak RSS read next includes it (the 512 MB bound).
  local i day
  log "[$label] memory mix: $mix_urls distinct weekly timelines by region"
  for ((i = 0; i < mix_urls; i++)); do
    day=$(date -d "2014-06-01 + $i days" +%F)
    echo "http://127.0.0.1:$port/v1/statistics/timeline?interval=week&groupBy=region&from=$day&to=$(date -d "$day + 11 years" +%F)"
  done | xargs -P 4 -n 1 curl -s -o /dev/null --max-time "$timeout" || true
  kill -0 "$api_pid" 2>/dev/null || { log "[$label] the API died under the memory mix"; return 1; }
  local rss
  rss=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status" 2>/dev/null || echo "?")
  stop_api
  printf 'import_ms=%s\ncold_ms=%s\nrss_mb=%s\nimport_line=%q\n' "$import_ms" "$cold_ms" "$rss" \
    "$(import_line "$label")" >"$tmp/$label.env"
}

# table LABEL: the markdown table of one mode.
table() {
  awk -F'\t' '
    BEGIN { print "| endpoint | req/s | p50 (ms) | p99 (ms) | non-2xx | vs /health/live | socket errors | first status | first (ms) | first size (B) |"
            print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|" }
    NR == 1 { live = $5 }
    { printf "| `%s` | %.0f | %.2f | %.2f | %d | %s | %d | %s | %s | %s |\n", $1, $5, $6, $7, $8,
             (live > 0 ? sprintf("%.3f", $5 / live) : "-"), $9, $2, $3, $4 }' "$tmp/$1.tsv"
}

# compare BASE SCALED: the scaled run against the 1x run, endpoint by endpoint.
compare() {
  awk -F'\t' -v n="$scale" '
    BEGIN { printf "| endpoint | 1x p50 (ms) | x%s p50 (ms) | p50 ratio | 1x req/s | x%s req/s | 1x first (ms) | x%s first (ms) | first ratio |\n", n, n, n
            print "|---|--:|--:|--:|--:|--:|--:|--:|--:|" }
    FNR == NR { p50[$1] = $6; rps[$1] = $5; first[$1] = $3; next }
    ($1 in p50) { printf "| `%s` | %.2f | %.2f | %s | %.0f | %.0f | %s | %s | %s |\n", $1, p50[$1], $6,
                    (p50[$1] > 0 ? sprintf("%.2f", $6 / p50[$1]) : "-"), rps[$1], $5, first[$1], $3,
                    (first[$1] > 0 ? sprintf("%.2f", $3 / first[$1]) : "-") }' "$tmp/$1.tsv" "$tmp/$2.tsv"
}

summary() {
  local label=$1 what=$2
  # shellcheck disable=SC1090
  . "$tmp/$label.env"
  echo "### $what"
  echo
  echo "- full import: ${import_ms} ms ($import_line)"
  echo "- cold start (process start to the first 200 from /health/ready): ${cold_ms} ms"
  echo "- API peak RSS, after the endpoints and a mix of distinct heavy timelines (BENCH_MIX_URLS): ${rss_mb} MB (bound: 512 MB)"
  echo
  table "$label"
  echo
}

# --- Run -------------------------------------------------------------------------------------------
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
modes=()
if [ "$scale_only" = 0 ]; then
  run_mode x1 "$seed_dir" bench_x1
  modes+=(x1)
fi
gen_ms=""
if [ "$scale" -gt 1 ]; then
  log "building the synthetic data generator…"
  run - dotnet build "$here/SyntheticData/SyntheticData.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers
  start=$(now_ns)
  run - dotnet "$here/SyntheticData/bin/Release/net10.0/SyntheticData.dll" "$seed_dir" "$tmp/seed-x$scale" "$scale"
  gen_ms=$(ms_since "$start")
  run_mode "x$scale" "$tmp/seed-x$scale" "bench_x$scale"
  modes+=("x$scale")
fi

report="$tmp/report.md"
{
  echo "## JudgementsApi load benchmark"
  echo
  echo "$started; commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)');" \
       "$(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)); .NET $(dotnet --version);" \
       "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'); wrk $threads threads, $connections connections," \
       "${duration} s per endpoint after a ${warmup} s warm-up, all on 127.0.0.1."
  echo
  echo "req/s, p50 and p99 are wrk's over the measured run, after the warm-up (so cacheable responses come"
  echo "from the output cache); non-2xx is wrk's count of responses with status >= 400; \"vs /health/live\" is"
  echo "the endpoint's req/s over the baseline's in the same run; \"first\" is one request before the warm-up"
  echo "(nothing cached for that URL yet: handler, SQL and, for the first endpoint of a kind, JIT)."
  echo
  for m in "${modes[@]}"; do
    if [ "$m" = x1 ]; then summary x1 "1x: the committed seed data ($seed_dir)"
    else summary "$m" "x$scale: synthetic data, $scale copies of each council and its history (generated in ${gen_ms} ms)"; fi
  done
  if [ "${#modes[@]}" -eq 2 ]; then
    echo "### x$scale against 1x"
    echo
    compare x1 "x$scale"
    echo
  fi
} >"$report"

echo
cat "$report"
if [ -n "$out_file" ]; then
  cp "$report" "$out_file"
  log "report written to $out_file"
fi
