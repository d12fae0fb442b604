#!/usr/bin/env bash
# Load benchmark of the API against nginx serving the same bytes (see tests/load/README.md):
#   tests/load/bench.sh                 the committed seed data (1x)
#   tests/load/bench.sh --scale 100     1x, then a synthetic dataset 100 times larger, and the ratios
#   tests/load/bench.sh --scale 100 --scale-only   the synthetic dataset only
#   tests/load/bench.sh --stack         1x, then cached reads through deploy/compose.yaml's nginx
#                                       (Docker) against nginx serving the same bytes in a container
#   tests/load/bench.sh --stack-only    only the part through the compose stack
#   tests/load/bench.sh --pages         1x, then each page type uncached with one client, and the home
#                                       page's weight (HTML + CSS + JS as sent for gzip and br)
#   tests/load/bench.sh --pages-only    only the pages part
# Builds the API (Release), starts a throwaway PostgreSQL cluster, imports the data with the
# service's own importer (timed), starts the API (cold start timed to the first 200 from
# /health/ready) and a second API with its output cache off, saves each endpoint's body and serves
# those files from nginx, then drives each endpoint with wrk over 127.0.0.1: the API (cached),
# nginx, the uncached API, and the uncached API with one client, one after the other per endpoint;
# a third API with its telemetry on (metrics port, one log line per request) is driven cached too.
# Everything it starts is stopped on exit, Ctrl-C included (the compose stack of --stack too).
# Settings (environment): BENCH_DURATION (s per run, 15), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_WARMUP (s before each run but the one-client one, 3), BENCH_TIMEOUT
# (wrk request timeout, s, 30), BENCH_MIX_URLS (distinct heavy timelines requested before the
# peak RSS is read, 240), BENCH_OUT (also write the report there as markdown), BENCH_SEED_DIR
# (seed-data/), BENCH_NO_BUILD=1 (use the existing Release build of api/ instead of building),
# BENCH_DB_OPTIONS (appended to the connection string, e.g. "Max Auto Prepare=0"). The API also
# takes its own settings from the environment (e.g. Judgements__SourceGeneratedJson=false).
# --stack starts Docker (deploy/docker-engine.sh) and builds the stand-in images
# (deploy/offline-images.sh) if needed, and the API image (judgements-api:bench).
set -euo pipefail
caller=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() { sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
scale=1
scale_only=0
stack=0
stack_only=0
pages=0
pages_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) [ $# -ge 2 ] || usage; scale=$2; shift 2 ;;
    --scale=*) scale=${1#--scale=}; shift ;;
    --scale-only) scale_only=1; shift ;;
    --stack) stack=1; shift ;;
    --stack-only) stack=1; stack_only=1; shift ;;
    --pages) pages=1; shift ;;
    --pages-only) pages=1; pages_only=1; shift ;;
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
if [ "$connections" -lt "$threads" ] || [ "$threads" -lt 1 ]; then
  echo "bench: need BENCH_CONNECTIONS >= BENCH_THREADS >= 1" >&2; exit 2
fi
ls "$seed_dir"/councils.csv "$seed_dir"/inspections.csv >/dev/null 2>&1 ||
  { echo "bench: no seed data in $seed_dir (set BENCH_SEED_DIR to a folder in seed-data/FORMAT.md's format)" >&2; exit 1; }

# The endpoints, the baseline first. Paths only; the host is always 127.0.0.1. nginx matches them
# literally (no quotes, backslashes, dollars or spaces).
endpoints=(
  "/health/live"
  "/v1/councils/E06000051"
  "/v1/councils?region=E12000005"
  "/v1/councils/E06000051/inspections"
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
baseline=${endpoints[0]}   # the pipeline alone: in the tables, not held to the goals

# --pages: one address of each page type (issue #25: each renders in <= 200 ms server time uncached at
# the real data size; the home page is <= 60 KB of HTML + CSS + JS compressed).
page_types=(
  "/"
  "/councils/shropshire"
  "/statistics"
  "/compare?councils=shropshire,telford-and-wrekin,herefordshire,bcp"
  "/councils"
  "/focused-visits"
  "/search?q=North"
  "/about"
  "/embed/councils/E06000051"
)
goal_page_ms=200            # --pages: uncached p99 for one client, at most
goal_home_kb=60             # --pages: the home page's HTML + CSS + JS as sent for gzip, and for br, at most

# The goals of issue #27, checked in the report.
goal_cached_ratio=0.8       # cached req/s at least this × nginx's for the same bytes
goal_p99_ratio=2            # cached p99 at most this × nginx's
goal_uncached_rps=5000      # uncached req/s (BENCH_CONNECTIONS connections); full CSV exports over 1 MB exempt
goal_uncached_p50_ms=1      # uncached p50 for one client, at most
goal_scale_p50_ratio=2      # with --scale: uncached one-client p50 at most this × 1x's
goal_rss_mb=512             # peak RSS of the API at each scale, strictly under
goal_cold_ms=5000           # cold start to ready, at most
goal_telemetry_ratio=0.95   # cached req/s with telemetry on at least this × with it off (issue #28)
goal_stack_ratio=0.9        # --stack: cached req/s through the stack's nginx at least this × nginx static

log() { printf '[bench] %s\n' "$*" >&2; }
now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

. db/cluster.sh

# --- Everything started here is stopped on exit (normal, failure, Ctrl-C) -----------------------
tmp=""
pg_started=0
api_pid=""
uncached_pid=""
telemetry_pid=""
nginx_pid=""
stack_project=""
static_container=""
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
stop_servers() {
  if [ -n "$api_pid" ]; then stop_pid "$api_pid"; api_pid=""; fi
  if [ -n "$uncached_pid" ]; then stop_pid "$uncached_pid"; uncached_pid=""; fi
  if [ -n "$telemetry_pid" ]; then stop_pid "$telemetry_pid"; telemetry_pid=""; fi
  # nginx's master stops its workers on SIGTERM.
  if [ -n "$nginx_pid" ]; then stop_pid "$nginx_pid"; nginx_pid=""; fi
}
# stop_stack: the compose project and the static nginx container of --stack, if started.
stop_stack() {
  if [ -n "$static_container" ]; then docker rm -f "$static_container" >/dev/null 2>&1 || true; static_container=""; fi
  if [ -n "$stack_project" ]; then
    stack_compose down -v --remove-orphans -t 10 >/dev/null 2>&1 || log "could not remove the compose project $stack_project"
    # A busy engine sometimes leaves the network behind; its fixed subnet would block the next stack.
    docker network rm "${stack_project}_default" >/dev/null 2>&1 || true
    stack_project=""
  fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$child" ]; then stop_pid "$child"; fi
  if [ "$rc" -ne 0 ] && [ -n "$tmp" ]; then
    local f
    for f in api uncached telemetry; do
      if [ -s "$tmp/$f.log" ]; then log "the last log lines of $tmp/$f.log:"; tail -n 40 "$tmp/$f.log" >&2; fi
    done
    if [ -s "$tmp/nginx/error.log" ]; then log "nginx's error log:"; tail -n 20 "$tmp/nginx/error.log" >&2; fi
  fi
  stop_servers
  stop_stack
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
run_start=$(now_ns)
require_dotnet
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=""
command -v wrk >/dev/null 2>&1 || missing="wrk"
command -v curl >/dev/null 2>&1 || missing="$missing curl"
nginx_bin=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || missing="$missing nginx"
if [ -n "$missing" ]; then
  log "installing$missing (Debian packages)…"
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null 2>&1; then
    log "missing:$missing, and there is no sudo: apt-get install$missing"; exit 1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq $missing >&2
  case "$missing" in
    # The package starts a system nginx on port 80 that we do not use; stop it so it holds no port.
    *nginx*) $sudo service nginx stop >/dev/null 2>&1 || true ;;
  esac
  nginx_bin=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
fi

if [ "${BENCH_NO_BUILD:-0}" = 1 ] && [ -f api/bin/Release/net10.0/JudgementsApi.dll ]; then
  log "using the existing build in api/bin/Release/net10.0 (BENCH_NO_BUILD=1)"
else
  log "building the API (Release)…"
  run - dotnet build api/JudgementsApi.csproj -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/judgements-bench.XXXXXX")
chmod 755 "$tmp"   # the postgres user (and nginx, as nobody) must reach the folders inside
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

# start_api NAME PORT CONN OWNER [VAR=VALUE…]: starts the API in the background (its log in
# $tmp/NAME.log), sets started_pid, and waits for the first 200 from /health/ready.
started_pid=""
start_api() {
  local name=$1 port=$2 conn=$3 owner=$4 start code; shift 4
  start=$(now_ns)
  # One wrk client is one IP: the per-client rate limits would measure themselves, so they are off.
  (cd "$bin" && exec env -u JUDGEMENTS_SEED_DIR JUDGEMENTS_DB="$conn" JUDGEMENTS_OWNER_DB="$owner" Judgements__RateLimits__Enabled=false ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "$@" \
      dotnet "$dll") >"$tmp/$name.log" 2>&1 &
  started_pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health/ready" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$started_pid" 2>/dev/null; then
      tail -n 30 "$tmp/$name.log" >&2; log "[$name] the API exited before it was ready"; return 1
    fi
    if [ $(( ($(now_ns) - start) / 1000000000 )) -ge 120 ]; then
      tail -n 30 "$tmp/$name.log" >&2; log "[$name] the API was not ready within 120 s"; return 1
    fi
    sleep 0.02
  done
}

# start_nginx DIR PORT: nginx serving DIR/www as configured in DIR/nginx.conf, in the foreground
# of its own process (so its pid is ours to stop), as an unprivileged user: nobody when we are root.
start_nginx() {
  local dir=$1 port=$2 i
  local -a as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody "$dir"
    as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
  fi
  "${as[@]}" "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' >"$dir/stdout.log" 2>&1 &
  nginx_pid=$!
  for i in $(seq 250); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$nginx_pid" 2>/dev/null || break
    [ "$i" -lt 250 ] && sleep 0.02
  done
  cat "$dir/stdout.log" "$dir/error.log" >&2 2>/dev/null || true
  log "nginx did not start on 127.0.0.1:$port"; return 1
}

# write_nginx_conf DIR PORT LABEL: one exact match of the request URI (path and query, as wrk sends
# it) per endpoint, mapped to its saved body; the content type from a per-file extension, so each
# body goes out with the Content-Type the API sent. A `location =` cannot tell queries apart.
write_nginx_conf() {
  local dir=$1 port=$2 label=$3 i ext d
  mkdir -p "$dir/temp"
  {
    echo "worker_processes auto;"
    echo "pid $dir/nginx.pid;"
    echo "error_log $dir/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    # Debian's defaults for a static site, without logging; keepalive as long as wrk's run.
    echo "  access_log off; sendfile on; tcp_nopush on; server_tokens off;"
    echo "  keepalive_requests 100000000; keepalive_timeout 600s;"
    for d in client_body proxy fastcgi uwsgi scgi; do echo "  ${d}_temp_path $dir/temp/$d;"; done
    echo "  map_hash_bucket_size 256;"
    echo "  default_type application/octet-stream;"
    echo "  types {"
    awk -F'\t' '{ print "    \"" $1 "\" " $2 ";" }' "$tmp/$label.types"
    echo "  }"
    echo "  map \$request_uri \$bench_file {"
    echo "    default \"\";"
    for i in "${!endpoints[@]}"; do
      ext=$(awk -F'\t' -v i="$i" '$1 == i { print $2 }' "$tmp/$label.files")
      echo "    \"${endpoints[$i]}\" \"/$i.$ext\";"
    done
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$port;"
    echo "    root $dir/www;"
    echo "    location / { try_files \$bench_file =404; }"
    echo "  }"
    echo "}"
  } >"$dir/nginx.conf"
}

# wrk_figures URL CONNECTIONS THREADS WARMUP: a warm-up (if WARMUP > 0), then the measured run;
# prints "req/s<TAB>p50 ms<TAB>p99 ms<TAB>non-2xx<TAB>socket errors".
wrk_figures() {
  local url=$1 c=$2 t=$3 w=$4 out="$tmp/wrk.out"
  if [ "$w" -gt 0 ]; then
    run /dev/null wrk -t "$t" -c "$c" -d "${w}s" --timeout "${timeout}s" "$url" || true
  fi
  run "$out" wrk -t "$t" -c "$c" -d "${duration}s" --timeout "${timeout}s" -s "$here/report.lua" "$url" ||
    { cat "$out" >&2; log "wrk failed on $url"; return 1; }
  awk '/^BENCH /{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        secs = v["duration_us"] / 1e6
        printf "%.1f\t%.2f\t%.2f\t%d\t%d\n", (secs > 0 ? v["requests"] / secs : 0), v["p50_us"] / 1000, v["p99_us"] / 1000,
               v["status"], v["connect"] + v["read"] + v["write"] + v["timeout"]; found = 1 }
       END { if (!found) exit 1 }' "$out" || { cat "$out" >&2; log "no figures from wrk on $url"; return 1; }
}
say() { awk -F'\t' '{ printf "%s req/s, p50 %s ms, p99 %s ms, non-2xx %s, socket errors %s", $1, $2, $3, $4, $5 }' <<<"$1"; }

# encoded_size URL ENCODING: the bytes the API sends for Accept-Encoding: ENCODING, or "-" when it
# answers without that Content-Encoding.
encoded_size() {
  local hdr="$tmp/enc.h" size
  : >"$hdr"
  size=$(curl -s -o /dev/null -D "$hdr" -H "Accept-Encoding: $2" -w '%{size_download}' --max-time "$timeout" "$1" || echo "")
  if tr -d '\r' <"$hdr" | grep -qi "^content-encoding: *$2\$"; then echo "${size:--}"; else echo "-"; fi
}

# --- One mode: import, cold start, every endpoint ----------------------------------------------
# run_mode LABEL SEED_DIR DATABASE: writes $tmp/LABEL.tsv (one row per endpoint) and $tmp/LABEL.env.
run_mode() {
  local label=$1 dir=$2 db=$3 conn owner start import_ms port uport nport cold_ms
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
  start_api api "$port" "$conn" "$owner"
  api_pid=$started_pid
  cold_ms=$(ms_since "$start")
  log "[$label] ready after ${cold_ms} ms"

  # The first request of each endpoint (nothing cached for that URL yet: handler, SQL and, for the
  # first endpoint of a kind, JIT), whose body and Content-Type nginx will serve; then what the API
  # sends to a client asking for gzip, and for Brotli.
  local ngx="$tmp/nginx-$label" i path url status first_ms size ctype ext gz br
  mkdir -p "$ngx/www"
  : >"$tmp/$label.types"; : >"$tmp/$label.files"; : >"$tmp/$label.first"
  for i in "${!endpoints[@]}"; do
    path=${endpoints[$i]}
    case "$path" in /*[\"\\\$\ ]*|[!/]*) log "bench: endpoint '$path' cannot be matched by nginx"; return 1 ;; esac
    url="http://127.0.0.1:$port$path"
    run "$tmp/first" curl -s -D "$tmp/first.h" -o "$ngx/www/$i.body" -w '%{http_code} %{time_total} %{size_download}' --max-time "$timeout" "$url" ||
      echo "000 0 0" >"$tmp/first"
    read -r status first_ms size <"$tmp/first" || true   # curl's -w output has no newline
    first_ms=$(awk -v t="$first_ms" 'BEGIN { printf "%.1f", t * 1000 }')
    ctype=$(tr -d '\r' <"$tmp/first.h" | awk 'tolower($0) ~ /^content-type:/ { sub(/^[^:]*: */, ""); print; exit }')
    ctype=${ctype:-application/octet-stream}
    ctype=${ctype//\"/}
    # One extension per distinct Content-Type, for nginx's types {}.
    ext=$(awk -F'\t' -v t="$ctype" '$1 == t { print $2; exit }' "$tmp/$label.types")
    if [ -z "$ext" ]; then
      ext="t$(wc -l <"$tmp/$label.types" | tr -d ' ')"
      printf '%s\t%s\n' "$ctype" "$ext" >>"$tmp/$label.types"
    fi
    mv "$ngx/www/$i.body" "$ngx/www/$i.$ext"
    printf '%s\t%s\n' "$i" "$ext" >>"$tmp/$label.files"
    gz=$(encoded_size "$url" gzip)
    br=$(encoded_size "$url" br)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$path" "$status" "$first_ms" "$size" "$gz" "$br" "$ctype" >>"$tmp/$label.first"
    log "[$label] $path: first $status in $first_ms ms ($ctype); bytes: identity $size, gzip $gz, br $br"
  done
  chmod -R a+rX "$ngx"

  nport=$(pg_free_port 18480)
  write_nginx_conf "$ngx" "$nport" "$label"
  start_nginx "$ngx" "$nport"
  log "[$label] nginx on 127.0.0.1:$nport serving the saved bodies"
  # nginx must send exactly the bytes the API sent, with the same Content-Type.
  for i in "${!endpoints[@]}"; do
    ext=$(awk -F'\t' -v i="$i" '$1 == i { print $2 }' "$tmp/$label.files")
    curl -s -D "$tmp/ng.h" -o "$tmp/ng.body" --max-time "$timeout" "http://127.0.0.1:$nport${endpoints[$i]}" ||
      { log "[$label] nginx did not answer ${endpoints[$i]}"; return 1; }
    cmp -s "$tmp/ng.body" "$ngx/www/$i.$ext" || { log "[$label] nginx's body for ${endpoints[$i]} differs from the API's"; return 1; }
    ctype=$(awk -F'\t' -v i="$((i + 1))" 'NR == i { print $7 }' "$tmp/$label.first")
    tr -d '\r' <"$tmp/ng.h" | grep -qiF "content-type: $ctype" ||
      { log "[$label] nginx's Content-Type for ${endpoints[$i]} is not '$ctype'"; return 1; }
  done

  uport=$(pg_free_port $((port + 1)))
  log "[$label] starting a second API, its output cache off, on 127.0.0.1:$uport…"
  start_api uncached "$uport" "$conn" "$owner" Judgements__OutputCache=false
  uncached_pid=$started_pid
  # Telemetry as the monitoring overlay runs it: the Prometheus port, and the per-request log line.
  local tport mport
  tport=$(pg_free_port $((uport + 1)))
  mport=$(pg_free_port $((tport + 1)))
  log "[$label] starting a third API, its telemetry on (metrics on port $mport, a log line per request), on 127.0.0.1:$tport…"
  start_api telemetry "$tport" "$conn" "$owner" Judgements__MetricsPort="$mport" Logging__LogLevel__JudgementsApi.Requests=Information
  telemetry_pid=$started_pid

  # Per endpoint, one run after the other so that each compares with nginx in the same state of
  # the machine: the API (cached after the first request and the warm-up), nginx, the uncached API,
  # and the uncached API with one client (its p50 is the latency of one request alone).
  local cached nginx uncached one telemetry
  : >"$tmp/$label.tsv"
  for i in "${!endpoints[@]}"; do
    path=${endpoints[$i]}
    cached=$(wrk_figures "http://127.0.0.1:$port$path" "$connections" "$threads" "$warmup")
    kill -0 "$api_pid" 2>/dev/null || { log "[$label] the API died under load on $path"; return 1; }
    log "[$label] $path cached: $(say "$cached")"
    telemetry=$(wrk_figures "http://127.0.0.1:$tport$path" "$connections" "$threads" "$warmup")
    log "[$label] $path cached, telemetry on: $(say "$telemetry")"
    nginx=$(wrk_figures "http://127.0.0.1:$nport$path" "$connections" "$threads" "$warmup")
    log "[$label] $path nginx: $(say "$nginx")"
    uncached=$(wrk_figures "http://127.0.0.1:$uport$path" "$connections" "$threads" "$warmup")
    one=$(wrk_figures "http://127.0.0.1:$uport$path" 1 1 0)
    kill -0 "$uncached_pid" 2>/dev/null || { log "[$label] the uncached API died under load on $path"; return 1; }
    log "[$label] $path uncached: $(say "$uncached"); one client: $(say "$one")"
    # path, first status, first ms, identity B, gzip B, br B, content type, then 5 × the wrk figures.
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(sed -n "$((i + 1))p" "$tmp/$label.first")" "$cached" "$nginx" "$uncached" "$one" \
      "$telemetry" >>"$tmp/$label.tsv"
  done
  stop_pid "$nginx_pid"; nginx_pid=""
  stop_pid "$uncached_pid"; uncached_pid=""
  local metrics
  metrics=$(curl -s --max-time 10 "http://127.0.0.1:$mport/metrics" | grep -c '^judgements_' || true)
  log "[$label] the telemetry API's /metrics: $metrics judgements_* samples"
  printf '%s\n' "$metrics" >"$tmp/$label.metrics"
  stop_pid "$telemetry_pid"; telemetry_pid=""

  local rss_endpoints hwm_endpoints
  rss_endpoints=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status" 2>/dev/null || echo "?")
  hwm_endpoints=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status" 2>/dev/null || echo "?")
  # The heaviest mix: distinct weekly timelines by region (up to 600 points each, ~1.8 MB), none
  # of them cached yet, 4 at a time; the peak RSS read next includes it.
  local day
  log "[$label] memory mix: $mix_urls distinct weekly timelines by region"
  for ((i = 0; i < mix_urls; i++)); do
    day=$(date -d "2014-06-01 + $i days" +%F)
    echo "http://127.0.0.1:$port/v1/statistics/timeline?interval=week&groupBy=region&from=$day&to=$(date -d "$day + 11 years" +%F)"
  done | xargs -P 4 -n 1 curl -s -o /dev/null --max-time "$timeout" || true
  kill -0 "$api_pid" 2>/dev/null || { log "[$label] the API died under the memory mix"; return 1; }
  local rss
  rss=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status" 2>/dev/null || echo "?")
  stop_pid "$api_pid"; api_pid=""
  printf 'import_ms=%s\ncold_ms=%s\nrss_mb=%s\nrss_endpoints_mb=%s\nhwm_endpoints_mb=%s\nimport_line=%q\n' \
    "$import_ms" "$cold_ms" "$rss" "$rss_endpoints" "$hwm_endpoints" "$(import_line "$label")" >"$tmp/$label.env"
}

# --- --pages: each page type uncached, one client; the home page's weight --------------------------
# run_pages DIR DATABASE: serves DIR (imported unless loaded already) from an API with its output cache
# off; per page type the first request, then one client (a warm-up, then the measured run), into
# $tmp/pages.tsv: path, first status, first ms, 1-minute load average, then the wrk figures (req/s,
# p50 ms, p99 ms, non-2xx, socket errors). Then the home page's weight (page_weight).
run_pages() {
  local dir=$1 db=$2 conn owner port path url status first_ms figures load
  pg_create_db "$pg_port" "$db"
  conn=$(pg_connstr_reader "$pg_port" "$db")${BENCH_DB_OPTIONS:+;$BENCH_DB_OPTIONS}
  owner=$(pg_connstr_owner "$pg_port" "$db")
  log "[pages] importing $dir (a no-op when it is loaded already)…"
  JUDGEMENTS_DB=$conn JUDGEMENTS_OWNER_DB=$owner Logging__LogLevel__Default=Warning run "$tmp/pages.import.log" dotnet "$dll" import "$dir" ||
    { cat "$tmp/pages.import.log" >&2; log "[pages] import failed"; return 1; }
  port=$(pg_free_port 18080)
  log "[pages] starting the API, its output cache off, on 127.0.0.1:$port…"
  start_api pages "$port" "$conn" "$owner" Judgements__OutputCache=false
  uncached_pid=$started_pid
  : >"$tmp/pages.tsv"
  for path in "${page_types[@]}"; do
    url="http://127.0.0.1:$port$path"
    run "$tmp/first" curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time "$timeout" "$url" || echo "000 0" >"$tmp/first"
    read -r status first_ms <"$tmp/first" || true
    first_ms=$(awk -v t="$first_ms" 'BEGIN { printf "%.1f", t * 1000 }')
    load=$(cut -d' ' -f1 /proc/loadavg)
    figures=$(wrk_figures "$url" 1 1 "$warmup")
    kill -0 "$uncached_pid" 2>/dev/null || { log "[pages] the API died on $path"; return 1; }
    log "[pages] $path: first $status in $first_ms ms; one client: $(say "$figures") (load $load)"
    printf '%s\t%s\t%s\t%s\t%s\n' "$path" "$status" "$first_ms" "$load" "$figures" >>"$tmp/pages.tsv"
  done
  page_weight "http://127.0.0.1:$port"
  stop_pid "$uncached_pid"; uncached_pid=""
}

# served_size URL ENCODING: the bytes sent for Accept-Encoding: ENCODING (identity: none), and the
# Content-Encoding they came with ("-": none).
served_size() {
  local hdr="$tmp/served.h" size coding
  : >"$hdr"
  if [ "$2" = identity ]; then size=$(curl -s -o /dev/null -D "$hdr" -w '%{size_download}' --max-time "$timeout" "$1" || echo 0)
  else size=$(curl -s -o /dev/null -D "$hdr" -H "Accept-Encoding: $2" -w '%{size_download}' --max-time "$timeout" "$1" || echo 0); fi
  coding=$(tr -d '\r' <"$hdr" | awk 'tolower($1) == "content-encoding:" { print $2; exit }')
  echo "$size ${coding:--}"
}

# page_weight BASE: the home page and what it loads (its stylesheets, its scripts and the modules they
# import), each as sent with no Accept-Encoding, with gzip and with br, into $tmp/weight.tsv: URL,
# identity B, gzip B, gzip's coding, br B, br's coding. Fonts and images are not counted.
page_weight() {
  local base=$1 u i js from dirpart
  local -a queue=(/)
  curl -s -o "$tmp/home.html" --max-time "$timeout" "$base/"
  mapfile -t -O 1 queue < <(grep -oE '<link[^>]*rel="stylesheet"[^>]*>' "$tmp/home.html" | grep -oE 'href="[^"]*"' | cut -d'"' -f2
                            grep -oE '<script[^>]*src="[^"]*"' "$tmp/home.html" | grep -oE 'src="[^"]*"' | cut -d'"' -f2)
  : >"$tmp/weight.tsv"
  for ((i = 0; i < ${#queue[@]}; i++)); do
    u=${queue[$i]}
    if [[ "$u" == *.js ]]; then
      # Static imports of a module script: absolute, or relative to the script.
      curl -s -o "$tmp/weight.js" --max-time "$timeout" "$base$u"
      dirpart=${u%/*}
      while read -r from; do
        case "$from" in /*) js=$from ;; ./*) js="$dirpart/${from#./}" ;; *) continue ;; esac
        [[ " ${queue[*]} " == *" $js "* ]] || queue+=("$js")
      done < <(grep -oE "(from|import)[[:space:]]*[\"'][^\"']+[\"']" "$tmp/weight.js" | grep -oE "[\"'][^\"']+[\"']" | tr -d "\"'")
    fi
    printf '%s\t%s\t%s\t%s\n' "$u" "$(served_size "$base$u" identity | cut -d' ' -f1)" \
      "$(served_size "$base$u" gzip | tr ' ' '\t')" "$(served_size "$base$u" br | tr ' ' '\t')" >>"$tmp/weight.tsv"
  done
  log "[pages] the home page's weight: $(awk -F'\t' '{ i += $2; g += $3; b += $5 } END { print i " B, gzip " g " B, br " b " B" }' "$tmp/weight.tsv")"
}

# table_pages: each page type, uncached, one client, with the goal.
table_pages() {
  awk -F'\t' -v g="$goal_page_ms" '
    BEGIN { printf "| page | first status | first (ms) | req/s | p50 (ms) | p99 (ms) | p99 <= %s ms | load (1 min) |\n", g
            print "|---|--:|--:|--:|--:|--:|---|--:|" }
    { e = ($2 !~ /^2/ || $8 > 0 || $9 > 0); m = e ? "not met (errors)" : ($5 > 0 ? ($7 <= g ? "met" : "not met") : "not measured")
      n++; met += (m == "met")
      printf "| `%s` | %s | %s | %.0f | %.2f | %.2f | %s | %s |\n", $1, $2, $3, $5, $6, $7, m, $4 }
    END { printf "| **pages meeting the goal** | | | | | | %d of %d | |\n", met, n }' "$tmp/pages.tsv"
}

# table_weight: the home page's resources and their total against the goal.
table_weight() {
  awk -F'\t' -v g="$goal_home_kb" '
    function as(b, c) { return c == "-" ? b " (as it is)" : b }
    BEGIN { print "| resource | identity (B) | gzip (B) | br (B) |"; print "|---|--:|--:|--:|" }
    { printf "| `%s` | %d | %s | %s |\n", $1, $2, as($3, $4), as($5, $6); i += $2; gz += $3; br += $5 }
    END { lim = g * 1024
          printf "| **total** | %d | %d | %d |\n", i, gz, br
          printf "| **<= %s KB (%d B)** | | %s | %s |\n", g, lim, (gz <= lim ? "met" : "not met"), (br <= lim ? "met" : "not met") }' "$tmp/weight.tsv"
}

# The columns of LABEL.tsv, for awk: 1 path, 2 first status, 3 first ms, 4 identity B, 5 gzip B,
# 6 br B, 7 content type; then req/s, p50, p99, non-2xx, socket errors of: 8-12 the cached API,
# 13-17 nginx, 18-22 the uncached API, 23-27 the uncached API with one client, 28-32 the cached API
# with its telemetry on.
# state(R): of the run whose req/s is column R, "ok", "errors" (the first request was not 2xx, or
# the run had non-2xx or socket errors) or "none" (no request completed: no latency to compare).
# ms(R, V): the latency in column V, or "-" when the run completed nothing.
# shellcheck disable=SC2016
awk_goals='
  function state(r) { return $2 !~ /^2/ || $(r + 3) > 0 || $(r + 4) > 0 ? "errors" : ($(r) > 0 ? "ok" : "none") }
  function worst(a, b) { return a == "errors" || b == "errors" ? "errors" : (a == "none" || b == "none" ? "none" : "ok") }
  function mark(ok, st) { return st == "errors" ? "not met (errors)" : (st == "none" ? "not measured" : (ok ? "met" : "not met")) }
  function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
  function ms(r, v) { return $(r) > 0 ? sprintf("%.2f", $(v)) : "-" }
'

# table_cached LABEL: the API from its output cache beside nginx serving the same bytes.
table_cached() {
  awk -F'\t' "$awk_goals"'
    BEGIN { print "| endpoint | API req/s | nginx req/s | ratio | API p50 (ms) | API p99 (ms) | nginx p99 (ms) | p99 ratio | API non-2xx | socket errors (API/nginx) |"
            print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|" }
    { printf "| `%s` | %.0f | %.0f | %s | %s | %s | %s | %s | %d | %d/%d |\n", $1, $8, $13, ratio($8, $13),
             ms(8, 9), ms(8, 10), ms(13, 15), ($8 > 0 ? ratio($10, $15) : "-"), $11, $12, $17 }' "$tmp/$1.tsv"
}

# table_uncached LABEL: the API with its output cache off.
table_uncached() {
  awk -F'\t' "$awk_goals"'
    BEGIN { print "| endpoint | req/s | p50 (ms) | p99 (ms) | one client: req/s | one client: p50 (ms) | one client: p99 (ms) | non-2xx | socket errors |"
            print "|---|--:|--:|--:|--:|--:|--:|--:|--:|" }
    { printf "| `%s` | %.0f | %s | %s | %.0f | %s | %s | %d | %d |\n", $1, $18, ms(18, 19), ms(18, 20), $23, ms(23, 24), ms(23, 25),
             $21 + $26, $22 + $27 }' "$tmp/$1.tsv"
}

# table_telemetry LABEL: the cached API with telemetry off (the first API) and on (the third).
table_telemetry() {
  awk -F'\t' "$awk_goals"'
    BEGIN { print "| endpoint | off req/s | on req/s | on/off | off p99 (ms) | on p99 (ms) | on non-2xx |"
            print "|---|--:|--:|--:|--:|--:|--:|" }
    { printf "| `%s` | %.0f | %.0f | %s | %s | %s | %d |\n", $1, $8, $28, ratio($28, $8), ms(8, 10), ms(28, 30), $31 }' "$tmp/$1.tsv"
}

# table_responses LABEL: the first request and the sizes of the response.
table_responses() {
  awk -F'\t' '
    BEGIN { print "| endpoint | first status | first (ms) | identity (B) | gzip (B) | br (B) | Content-Type |"
            print "|---|--:|--:|--:|--:|--:|---|" }
    { printf "| `%s` | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$tmp/$1.tsv"
}

# table_goals LABEL: each endpoint but the baseline against the goals, then how many meet each.
table_goals() {
  awk -F'\t' -v base="$baseline" -v gc="$goal_cached_ratio" -v gp="$goal_p99_ratio" -v gr="$goal_uncached_rps" \
      -v gl="$goal_uncached_p50_ms" -v gt="$goal_telemetry_ratio" "$awk_goals"'
    BEGIN { printf "| endpoint | cached >= %s× nginx | p99 <= %s× nginx | uncached >= %s req/s | uncached p50 <= %s ms (one client) | telemetry on >= %s× off |\n", gc, gp, gr, gl, gt
            print "|---|---|---|---|---|---|" }
    $1 == base { next }
    { n++
      # No request completed is 0 req/s (not met) for the API, but leaves nginx nothing to compare with.
      a = mark($8 >= gc * $13, worst(state(8) == "none" ? "ok" : state(8), state(13))); b = mark($10 <= gp * $15, worst(state(8), state(13)))
      # A full CSV export over 1 MB is exempt from the uncached rate (issue #27).
      if ($7 ~ /^text\/csv/ && $4 > 1048576) { c = "exempt (CSV over 1 MB)"; n3-- } else c = mark($18 >= gr, state(18) == "none" ? "ok" : state(18))
      d = mark($24 <= gl, state(23)); e = mark($28 >= gt * $8, worst(state(28), state(8)))
      ma += (a == "met"); mb += (b == "met"); mc += (c == "met"); md += (d == "met"); me += (e == "met")
      printf "| `%s` | %s | %s | %s | %s | %s |\n", $1, a, b, c, d, e }
    END { printf "| **endpoints meeting the goal** | %d of %d | %d of %d | %d of %d | %d of %d | %d of %d |\n", ma, n, mb, n, mc, n + n3, md, n, me, n }' "$tmp/$1.tsv"
}

# compare BASE SCALED: the scaled run against the 1x run, endpoint by endpoint.
compare() {
  awk -F'\t' -v n="$scale" -v base="$baseline" -v g="$goal_scale_p50_ratio" "$awk_goals"'
    BEGIN { printf "| endpoint | 1x uncached p50, one client (ms) | x%s (ms) | ratio | within %s× | 1x cached req/s | x%s cached req/s | 1x first (ms) | x%s first (ms) | first ratio |\n", n, g, n, n
            print "|---|--:|--:|--:|---|--:|--:|--:|--:|--:|" }
    FNR == NR { p50[$1] = $24; shown[$1] = ms(23, 24); st[$1] = state(23); rps[$1] = $8; first[$1] = $3; next }
    ($1 in p50) { s = worst(st[$1], state(23)); m = ($1 == base ? "-" : mark($24 <= g * p50[$1], s))
                  if ($1 != base) { t++; met += (m == "met") }
                  printf "| `%s` | %s | %s | %s | %s | %.0f | %.0f | %s | %s | %s |\n", $1, shown[$1], ms(23, 24),
                    (s == "none" ? "-" : ratio($24, p50[$1])), m, rps[$1], $8, first[$1], $3, ratio($3, first[$1]) }
    END { printf "\nUncached p50 (one client) at x%s within %s× of 1x: %d of %d endpoints.\n", n, g, met, t }' "$tmp/$1.tsv" "$tmp/$2.tsv"
}

summary() {
  local label=$1 what=$2 rss_goal cold_goal import_ms="" cold_ms="" rss_mb="" rss_endpoints_mb="" hwm_endpoints_mb="" import_line=""
  # shellcheck disable=SC1090
  . "$tmp/$label.env"
  if [ "$rss_mb" != "?" ] && [ "$rss_mb" -lt "$goal_rss_mb" ]; then rss_goal=" (goal: < $goal_rss_mb MB, met)"
  else rss_goal=" (goal: < $goal_rss_mb MB, not met)"; fi
  if [ "$cold_ms" -le "$goal_cold_ms" ]; then cold_goal=" (goal: <= $goal_cold_ms ms, met)"; else cold_goal=" (goal: <= $goal_cold_ms ms, not met)"; fi
  echo "### $what"
  echo
  echo "- full import: ${import_ms} ms ($import_line)"
  echo "- cold start (process start to the first 200 from /health/ready): ${cold_ms} ms$cold_goal"
  echo "- API RSS after the endpoints: ${rss_endpoints_mb} MB (peak so far ${hwm_endpoints_mb} MB)"
  echo "- API peak RSS after the full run, a mix of $mix_urls distinct heavy timelines included: ${rss_mb} MB$rss_goal"
  echo
  echo "Cached (the API's output cache) against nginx serving the same bytes:"
  echo
  table_cached "$label"
  echo
  echo "Uncached (a second API process, Judgements__OutputCache=false):"
  echo
  table_uncached "$label"
  echo
  echo "Telemetry off (the cached API above) and on (a third API with \`Judgements__MetricsPort\` and the per-request"
  echo "log line at Information, as the monitoring overlay runs it; its /metrics then had $(cat "$tmp/$label.metrics") \`judgements_*\` samples):"
  echo
  table_telemetry "$label"
  echo
  echo "Responses (the first request, before any warm-up; sizes as sent for each Accept-Encoding, \"-\": not compressed):"
  echo
  table_responses "$label"
  echo
  echo "Goals (issue #27, and #28 for telemetry; \`$baseline\` is the baseline, not held to them):"
  echo
  table_goals "$label"
  echo
}


# --- --stack: the compose stack's nginx against nginx serving the same bytes ----------------------
docker() { if [ -n "$sudo" ]; then sudo docker "$@"; else command docker "$@"; fi; }
stack_compose() {
  local -a dc
  if command docker compose version >/dev/null 2>&1; then dc=(docker compose); else dc=(docker-compose); fi
  [ -z "$sudo" ] || dc=(sudo "${dc[@]}")
  timeout 900 "${dc[@]}" -p "$stack_project" -f deploy/compose.yaml -f deploy/compose.no-dns.yaml "$@"
}

# run_stack: writes $tmp/stack.tsv: path, X-Cache-Status of the second request, content type, then
# the wrk figures through the stack's nginx (8-12 as in LABEL.tsv: 4-8 here) and of nginx static.
run_stack() {
  local start sport nport i path url ctype ext cache sdir="$tmp/nginx-stack" deadline
  log "[stack] Docker and the stand-in images…"
  run - timeout 600 deploy/docker-engine.sh
  run - timeout 1800 deploy/offline-images.sh
  export POSTGRES_IMAGE=judgements-standin/postgres:15 NGINX_IMAGE=judgements-standin/nginx \
         SDK_IMAGE=judgements-standin/dotnet-sdk:10.0 RUNTIME_IMAGE=judgements-standin/aspnet:10.0 \
         JUDGEMENTS_API_IMAGE=judgements-api:bench
  start=$(now_ns)
  log "[stack] building $JUDGEMENTS_API_IMAGE…"
  run - $sudo env DOCKER_BUILDKIT=0 timeout 1800 docker build -q --build-arg "SDK_IMAGE=$SDK_IMAGE" \
    --build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE" -t "$JUDGEMENTS_API_IMAGE" .
  log "[stack] image built in $(( $(ms_since "$start") / 1000 )) s"
  sport=$(pg_free_port 18680)
  export JUDGEMENTS_HTTP_PORT=$sport
  stack_project=judgements-bench-$$
  start=$(now_ns)
  run - stack_compose up -d --no-build
  deadline=$((SECONDS + 300))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$sport/health/ready" || true)" = 200 ]; do
    [ $SECONDS -lt $deadline ] || { stack_compose ps >&2 || true; log "[stack] not ready within 300 s"; return 1; }
    sleep 1
  done
  log "[stack] ready through nginx on 127.0.0.1:$sport after $(( $(ms_since "$start") / 1000 )) s"

  # Each endpoint once through the stack (stored by nginx, unless no-store), its body saved for the
  # static nginx, then again to see where the answer comes from.
  mkdir -p "$sdir/www"
  : >"$tmp/stack.types"; : >"$tmp/stack.files"; : >"$tmp/stack.first"
  for i in "${!endpoints[@]}"; do
    path=${endpoints[$i]}
    url="http://127.0.0.1:$sport$path"
    curl -s -D "$tmp/first.h" -o "$sdir/www/$i.body" --max-time "$timeout" "$url" || true
    ctype=$(tr -d '\r' <"$tmp/first.h" | awk 'tolower($0) ~ /^content-type:/ { sub(/^[^:]*: */, ""); print; exit }')
    ctype=${ctype:-application/octet-stream}; ctype=${ctype//\"/}
    ext=$(awk -F'\t' -v t="$ctype" '$1 == t { print $2; exit }' "$tmp/stack.types")
    if [ -z "$ext" ]; then ext="t$(wc -l <"$tmp/stack.types" | tr -d ' ')"; printf '%s\t%s\n' "$ctype" "$ext" >>"$tmp/stack.types"; fi
    mv "$sdir/www/$i.body" "$sdir/www/$i.$ext"
    printf '%s\t%s\n' "$i" "$ext" >>"$tmp/stack.files"
    cache=$(curl -s -D - -o /dev/null --max-time "$timeout" "$url" | tr -d '\r' |
            awk 'tolower($0) ~ /^x-cache-status:/ { print $2; exit }')
    printf '%s\t%s\t%s\n' "$path" "${cache:-none}" "$ctype" >>"$tmp/stack.first"
    log "[stack] $path: second request ${cache:-not cached} ($ctype)"
  done
  # The static nginx: the same image, the same configuration as the host's static nginx, in a
  # container published on 127.0.0.1 like the stack's nginx (both behind Docker's port forwarding).
  nport=$(pg_free_port $((sport + 1)))
  write_nginx_conf "$sdir" 80 stack
  sed -i -e "s#$sdir#/srv#g" -e 's#listen 127.0.0.1:80;#listen 80;#' "$sdir/nginx.conf"
  chmod -R a+rX "$sdir"
  static_container=$(docker run -d --name "judgements-bench-static-$$" -p "127.0.0.1:$nport:80" -v "$sdir:/srv" \
    "$NGINX_IMAGE" nginx -c /srv/nginx.conf -g 'daemon off;')
  deadline=$((SECONDS + 60))
  until curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$nport${endpoints[1]}"; do
    [ $SECONDS -lt $deadline ] || { docker logs "$static_container" >&2 || true; log "[stack] static nginx did not start"; return 1; }
    sleep 0.5
  done
  for i in "${!endpoints[@]}"; do
    ext=$(awk -F'\t' -v i="$i" '$1 == i { print $2 }' "$tmp/stack.files")
    curl -s -o "$tmp/ng.body" --max-time "$timeout" "http://127.0.0.1:$nport${endpoints[$i]}" &&
      cmp -s "$tmp/ng.body" "$sdir/www/$i.$ext" || { log "[stack] static nginx's body for ${endpoints[$i]} differs"; return 1; }
  done
  log "[stack] nginx static on 127.0.0.1:$nport serving the same bytes"

  local through static
  : >"$tmp/stack.tsv"
  for i in "${!endpoints[@]}"; do
    path=${endpoints[$i]}
    through=$(wrk_figures "http://127.0.0.1:$sport$path" "$connections" "$threads" "$warmup")
    log "[stack] $path through the stack: $(say "$through")"
    static=$(wrk_figures "http://127.0.0.1:$nport$path" "$connections" "$threads" "$warmup")
    log "[stack] $path nginx static: $(say "$static")"
    printf '%s\t%s\t%s\n' "$(sed -n "$((i + 1))p" "$tmp/stack.first")" "$through" "$static" >>"$tmp/stack.tsv"
  done
  stop_stack
}

# table_stack: the stack's nginx (cached) against nginx static, with the goal.
table_stack() {
  awk -F'\t' -v base="$baseline" -v g="$goal_stack_ratio" '
    function mark(ok, e) { return e > 0 ? "not met (errors)" : (ok ? "met" : "not met") }
    BEGIN { printf "| endpoint | answered from | stack req/s | static req/s | ratio | stack p99 (ms) | static p99 (ms) | stack >= %s× static |\n", g
            print "|---|---|--:|--:|--:|--:|--:|---|" }
    { r = $9 > 0 ? $4 / $9 : 0
      m = ($1 == base ? "- (baseline)" : mark(r >= g, $7 + $8 + $12 + $13)); if ($1 != base) { n++; met += (m == "met") }
      printf "| `%s` | %s | %.0f | %.0f | %.2f | %.2f | %.2f | %s |\n", $1, $2, $4, $9, r, $6, $11, m }
    END { printf "| **endpoints meeting the goal** | | | | | | | %d of %d |\n", met, n }' "$tmp/stack.tsv"
}

# --- Run -------------------------------------------------------------------------------------------
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
modes=()
if [ "$scale_only" = 0 ] && [ "$stack_only" = 0 ] && [ "$pages_only" = 0 ]; then
  run_mode x1 "$seed_dir" bench_x1
  modes+=(x1)
fi
gen_ms=""
if [ "$scale" -gt 1 ] && [ "$pages_only" = 0 ]; then
  log "building the synthetic data generator…"
  run - dotnet build "$here/SyntheticData/SyntheticData.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers
  start=$(now_ns)
  run - dotnet "$here/SyntheticData/bin/Release/net10.0/SyntheticData.dll" "$seed_dir" "$tmp/seed-x$scale" "$scale"
  gen_ms=$(ms_since "$start")
  run_mode "x$scale" "$tmp/seed-x$scale" "bench_x$scale"
  modes+=("x$scale")
fi
if [ "$pages" = 1 ]; then run_pages "$seed_dir" bench_x1; fi

report="$tmp/report.md"
{
  echo "## JudgementsApi load benchmark"
  echo
  echo "$started; commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)');" \
       "$(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)); .NET $(dotnet --version);" \
       "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'); $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //');" \
       "wrk $threads threads, $connections connections (one client: 1 and 1), ${duration} s per run after a ${warmup} s warm-up" \
       "(none before the one-client run), all on 127.0.0.1; the whole run, build included, took $(( $(ms_since "$run_start") / 1000 )) s."
  echo
  echo "req/s, p50 and p99 are wrk's over the measured run; non-2xx is wrk's count of responses with"
  echo "status >= 400. \"Cached\" is the API after the first request and the warm-up (so cacheable responses"
  echo "come from its output cache); nginx serves the body the API sent on the first request, as a static"
  echo "file with the same Content-Type, driven with the same wrk settings right after the API; ratios are"
  echo "API/nginx. \"Uncached\" is a second API process with its output cache off; \"one client\" is that"
  echo "process under one connection. \"first\" is one request before the warm-up (nothing cached for that"
  echo "URL yet: handler, SQL and, for the first endpoint of a kind, JIT)."
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
  if [ "$pages" = 1 ]; then
    echo "### Pages: each page type uncached, one client (1x, $seed_dir)"
    echo
    echo "An API process with its output cache off (every request renders the page); one connection, a"
    echo "${warmup} s warm-up, then ${duration} s measured; over 127.0.0.1, so the latency is the server's time"
    echo "plus the loopback. Goal (issue #25): p99 <= $goal_page_ms ms. The load average is read before each page's runs."
    echo
    table_pages
    echo
    echo "The home page's weight: the page, its stylesheets, its scripts and the modules they import, as sent"
    echo "for each Accept-Encoding (\"as it is\": sent without compression). Fonts and images not counted."
    echo
    table_weight
    echo
  fi
} >"$report"

echo
cat "$report"
if [ -n "$out_file" ]; then
  cp "$report" "$out_file"
  log "report written to $out_file"
fi

# The stack last, its section appended: the figures above are printed (and written) even if it fails.
if [ "$stack" = 1 ]; then
  run_stack
  {
    echo "### Through the compose stack's nginx (1x)"
    echo
    echo "deploy/compose.yaml (stand-in images, two API replicas, nginx caching by the API's headers) on"
    echo "127.0.0.1:PORT against nginx serving the bytes the stack sent, in a container of the same image"
    echo "published the same way (both behind Docker's port forwarding); wrk as above. \"answered from\" is"
    echo "nginx's X-Cache-Status for the second request (HIT: nginx's cache; MISS: not stored, no-store)."
    echo
    table_stack
    echo
  } >"$tmp/stack.md"
  cat "$tmp/stack.md"
  if [ -n "$out_file" ]; then cat "$tmp/stack.md" >>"$out_file"; fi
fi
