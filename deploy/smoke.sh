#!/usr/bin/env bash
# Smoke test of deploy/compose.yaml: builds the API image, starts the whole stack, and checks it
# through nginx on 127.0.0.1 only: answers; nginx's cache stores them by the API's headers (Vary,
# Age, If-None-Match) and headless Chromium on another origin fetch()es stored and fresh answers
# (CORS); answers go on while one API replica is killed; the API
# reports not-ready while the read replica is stopped and recovers when it returns. Tears everything
# down on any exit. Ends with "smoke: N passed, N failed"; non-zero exit on any failure.
#   deploy/smoke.sh
# JUDGEMENTS_IMAGES=registry uses the registry images (postgres:15, nginx, Microsoft's .NET) instead
# of the stand-ins built by deploy/offline-images.sh; JUDGEMENTS_COMPOSE_DNS=1 leaves out
# compose.no-dns.yaml (fixed addresses, for engines whose embedded DNS does not answer);
# JUDGEMENTS_SMOKE_PORT is where nginx listens (the first free port from it; 18080 by default).
# The stack includes deploy/compose.monitoring.yaml (Prometheus and the PostgreSQL exporters, image
# from deploy/monitoring-images.sh): at the end the test checks that Prometheus has every target up
# and that stopping the primary fires PostgresDown. JUDGEMENTS_SMOKE_MONITORING=0 leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."

tier=smoke
. deploy/tally.sh  # log, docker, passed/failed, tally
if command docker compose version >/dev/null 2>&1; then dc=(docker compose); else dc=(docker-compose); fi
[ -z "$sudo" ] || dc=(sudo "${dc[@]}")

project=judgements-smoke-$$
files=(-f deploy/compose.yaml)
[ "${JUDGEMENTS_COMPOSE_DNS:-0}" = 1 ] || files+=(-f deploy/compose.no-dns.yaml)
monitoring=${JUDGEMENTS_SMOKE_MONITORING:-1}
if [ "$monitoring" = 1 ]; then
  files+=(-f deploy/compose.monitoring.yaml)
  [ "${JUDGEMENTS_COMPOSE_DNS:-0}" = 1 ] || files+=(-f deploy/compose.monitoring.no-dns.yaml)
fi
compose() { timeout 600 "${dc[@]}" -p "$project" "${files[@]}" "$@"; }

# The first free port from JUDGEMENTS_SMOKE_PORT (18080 unless set).
port=${JUDGEMENTS_SMOKE_PORT:-18080}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
export JUDGEMENTS_HTTP_PORT=$port JUDGEMENTS_API_IMAGE=judgements-api:smoke
base="http://127.0.0.1:$port"

pass() { passed=$((passed + 1)); log "ok: $*"; }
fail() { failed=$((failed + 1)); log "FAILED: $*"; }
page_pid=""
finish() {
  local rc=$?
  [ -z "$page_pid" ] || kill "$page_pid" 2>/dev/null || true
  if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then
    log "stack state at failure:"; compose ps >&2 || true; compose logs --no-color --tail=40 >&2 || true
  fi
  log "tearing down…"
  compose down -v --remove-orphans -t 10 >/dev/null 2>&1 || log "teardown failed: remove project $project by hand"
  # A busy engine sometimes leaves the network behind; its fixed subnet would block the next stack.
  docker network rm "${project}_default" >/dev/null 2>&1 || true
  tally "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$base$1" || true; }
# wait_status PATH CODE SECONDS: true once PATH answers CODE through nginx.
wait_status() {
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do [ "$(status "$1")" = "$2" ] && return 0; sleep 1; done
  return 1
}
container() { compose ps -q "$1"; }
wait_healthy() {
  local id deadline=$((SECONDS + $2))
  id=$(container "$1")
  while [ $SECONDS -lt $deadline ]; do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null)" = healthy ] && return 0; sleep 2
  done
  return 1
}

# Images
if [ "${JUDGEMENTS_IMAGES:-standin}" = registry ]; then
  build_args=()
else
  deploy/offline-images.sh
  export POSTGRES_IMAGE=judgements-standin/postgres:15 NGINX_IMAGE=judgements-standin/nginx \
         SDK_IMAGE=judgements-standin/dotnet-sdk:10.0 RUNTIME_IMAGE=judgements-standin/aspnet:10.0
  build_args=(--build-arg "SDK_IMAGE=$SDK_IMAGE" --build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE")
fi
if [ "$monitoring" = 1 ]; then
  deploy/monitoring-images.sh
  prom_port=19090
  while (exec 3<>"/dev/tcp/127.0.0.1/$prom_port") 2>/dev/null; do prom_port=$((prom_port + 1)); done
  export JUDGEMENTS_PROMETHEUS_PORT=$prom_port
fi
t=$SECONDS
log "building $JUDGEMENTS_API_IMAGE…"
# The classic builder: Debian's engine has no BuildKit plugin for a newer client.
$sudo env DOCKER_BUILDKIT=0 timeout 1200 docker build -q "${build_args[@]}" -t "$JUDGEMENTS_API_IMAGE" . >/dev/null ||
  { fail "docker build"; exit 1; }
pass "image built in $((SECONDS - t)) s"

# Start: compose waits for each dependency's health (primary → replica, migrate job → API → nginx).
t=$SECONDS
log "starting the stack on 127.0.0.1:$port…"
compose up -d --no-build >&2 || { fail "compose up"; exit 1; }
if wait_status /health/ready 200 180; then pass "stack ready through nginx in $((SECONDS - t)) s"; else fail "not ready within 180 s"; exit 1; fi

body=$(curl -s -m 10 "$base/v1/councils/shropshire")
if grep -qE '"name": *"Shropshire"' <<<"$body"; then pass "GET /v1/councils/shropshire"; else fail "council answer: ${body:0:200}"; fi
[ "$(status '/v1/inspections?limit=5')" = 200 ] && pass "GET /v1/inspections" || fail "GET /v1/inspections"
[ "$(status /v1/nothing-here)" = 404 ] && pass "unknown path is 404" || fail "unknown path not 404"
# The chart PNG is drawn by SkiaSharp's native library: it must load inside the image too.
# (Every stage reads its whole input: an early exit would be a SIGPIPE, and this script runs under pipefail.)
png=$(curl -s -m 30 "$base/statistics/timeline.png" | od -An -tx1 -v | tr -d ' \n' | cut -c1-16 || true)
[ "$png" = 89504e470d0a1a0a ] && pass "a chart renders as PNG in the image (SkiaSharp)" || fail "chart PNG starts ${png:-with nothing}"
recovery=$(compose exec -T db-replica psql -U judgements -d judgements -tAc "SELECT pg_is_in_recovery()" 2>/dev/null | tr -d '[:space:]' || true)
[ "$recovery" = t ] && pass "the API's database is a standby (read replica)" || fail "db-replica is not in recovery ($recovery)"
denied=$(compose exec -T db-primary psql -U judgements_reader -d judgements -tAc "DELETE FROM councils" 2>&1 || true)
grep -q "permission denied" <<<"$denied" && pass "the serving role cannot write, even on the primary" || fail "serving role wrote or: ${denied:0:200}"
if wait_healthy api1 60 && wait_healthy api2 60; then pass "both API replicas healthy"; else fail "API replicas not healthy"; fi

# The shared cache (deploy/nginx/default.conf) and CORS through it (issue #23): nginx stores the
# API's answers by their own headers; a stored answer serves a browser on another origin.
# hdrs PATH [CURL ARGS…]: the response's status line and headers, CR removed.
hdrs() { local p=$1; shift; curl -s -D - -o /dev/null -m 10 "$@" "$base$p" 2>/dev/null | tr -d '\r' || true; }
# field NAME: that header's value in hdrs' output on stdin ("" when absent).
field() { awk -v n="$(tr 'A-Z' 'a-z' <<<"$1")" 'index(tolower($0), n ":") == 1 { sub(/^[^:]*: */, ""); print; exit }'; }
code_of() { awk 'NR == 1 { print $2 }'; }
cached=/v1/councils/E06000051/inspections
first=$(hdrs "$cached"); again=$(hdrs "$cached")
if [ "$(field X-Cache-Status <<<"$first")" = MISS ] && [ "$(field X-Cache-Status <<<"$again")" = HIT ] &&
   [ "$(field Cache-Control <<<"$again")" = "public, max-age=300" ]; then
  pass "nginx stores an API answer (MISS, then HIT; public, max-age=300)"
else fail "cache: first ${first:0:300} / again ${again:0:300}"; fi
if [ "$(field Access-Control-Allow-Origin <<<"$first")" = "*" ] && [ "$(field Access-Control-Allow-Origin <<<"$again")" = "*" ] &&
   ! field Vary <<<"$again" | grep -qi origin; then
  pass "CORS on a miss and a hit, for a request without Origin (Vary: $(field Vary <<<"$again"))"
else fail "CORS headers: miss '$(field Access-Control-Allow-Origin <<<"$first")', hit '$(field Access-Control-Allow-Origin <<<"$again")', Vary '$(field Vary <<<"$again")'"; fi
[ -z "$(field Age <<<"$first")" ] && pass "a first-hand answer has no Age" || fail "a miss says Age $(field Age <<<"$first")"
# A replayed entry: Age > 0 (polled: the entry must be a second old) and its Date, the API's, not after now.
age="" deadline=$((SECONDS + 15))
while [ $SECONDS -lt $deadline ]; do
  again=$(hdrs "$cached"); age=$(field Age <<<"$again")
  [ -n "$age" ] && [ "$age" -gt 0 ] 2>/dev/null && break
  sleep 0.5
done
dated=$(date -d "$(field Date <<<"$again")" +%s 2>/dev/null || echo "")
if [ -n "$age" ] && [ "$age" -gt 0 ] 2>/dev/null && [ "$age" -le 300 ] && [ -n "$dated" ] && [ "$dated" -le "$(date +%s)" ]; then
  pass "a replayed entry: Age $age, Date $(field Date <<<"$again") (not after now)"
else fail "replayed entry: Age '${age}', Date '$(field Date <<<"$again")'"; fi
etag=$(field ETag <<<"$again")
nm=$(hdrs "$cached" -H "If-None-Match: $etag")
if [ "$(code_of <<<"$nm")" = 304 ] && [ "$(field X-Cache-Status <<<"$nm")" = HIT ] && [ "$(field Access-Control-Allow-Origin <<<"$nm")" = "*" ]; then
  pass "If-None-Match answered 304 by nginx from its entry, with CORS"
else fail "If-None-Match $etag: ${nm:0:300}"; fi
# Vary is honoured: another Accept-Encoding, another Accept, each its own variant.
gz=$(hdrs "$cached" -H "Accept-Encoding: gzip")
[ "$(field Content-Encoding <<<"$gz")" = gzip ] && [ "$(field X-Cache-Status <<<"$gz")" = MISS ] &&
  [ -z "$(field Content-Encoding <<<"$(hdrs "$cached")")" ] && pass "Accept-Encoding: gzip is its own variant (Vary)" ||
  fail "gzip variant: ${gz:0:300}"
csv=$(hdrs /v1/inspections?limit=3 -H "Accept: text/csv"); json=$(hdrs /v1/inspections?limit=3)
case "$(field Content-Type <<<"$csv")/$(field Content-Type <<<"$json")" in
  text/csv*/application/json*) pass "Accept: text/csv and JSON are separate variants of one URL (Vary)" ;;
  *) fail "variants by Accept: csv '$(field Content-Type <<<"$csv")', json '$(field Content-Type <<<"$json")'" ;;
esac
[ "$(field X-Cache-Status <<<"$(hdrs /health/ready)")" != HIT ] && [ "$(field X-Cache-Status <<<"$(hdrs /health/ready)")" != HIT ] &&
  pass "health answers (no-store) are never stored" || fail "/health/ready came from the cache"
[ -z "$(field RateLimit-Remaining <<<"$again")" ] && pass "no client's RateLimit-Remaining in a shared answer" ||
  fail "RateLimit-Remaining replayed: $(field RateLimit-Remaining <<<"$again")"

# The browser: headless Chromium on a page of another origin (deploy/smoke/cross-origin.html, served
# from its own port) fetch()es through nginx: an entry stored by plain requests (no Origin, the
# browser's Accept and Accept-Encoding), then an answer it is first to ask for, twice (miss, hit).
browser=$(command -v chromium || true)
if [ -z "$browser" ]; then
  log "installing Debian's chromium for the cross-origin check…"
  env DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null 2>&1 || true
  browser=$(command -v chromium || true)
fi
if [ -z "$browser" ] || ! command -v python3 >/dev/null 2>&1; then
  fail "cross-origin fetch not run: needs chromium and python3 (the page's server)"
else
  page_port=$((port + 100))
  while (exec 3<>"/dev/tcp/127.0.0.1/$page_port") 2>/dev/null; do page_port=$((page_port + 1)); done
  python3 -m http.server --bind 127.0.0.1 "$page_port" --directory deploy/smoke >/dev/null 2>&1 &
  page_pid=$!
  primed=/v1/councils/E06000051/neighbours fresh=/v1/councils/E06000052
  # Chromium's fetch() sends Accept: */* and, over http, one of these (the variant it will ask for).
  for enc in "gzip, deflate, br, zstd" "gzip, deflate, br" "gzip, deflate"; do
    hdrs "$primed" -H "Accept: */*" -H "Accept-Encoding: $enc" >/dev/null
  done
  deadline=$((SECONDS + 15))   # the entry a second old, so that its Age is at least 1
  until [ "$(field Age <<<"$(hdrs "$primed" -H "Accept: */*" -H "Accept-Encoding: gzip, deflate, br, zstd")")" -gt 0 ] 2>/dev/null ||
        [ $SECONDS -ge $deadline ]; do sleep 0.5; done
  deadline=$((SECONDS + 15))
  until (exec 3<>"/dev/tcp/127.0.0.1/$page_port") 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
  profile=$(mktemp -d)
  dom=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
          --virtual-time-budget=30000 --dump-dom \
          "http://127.0.0.1:$page_port/cross-origin.html?api=$base&path=$primed&path=$fresh&path=$fresh" 2>/dev/null || true)
  kill "$page_pid" 2>/dev/null || true; wait "$page_pid" 2>/dev/null || true
  rm -rf "$profile"
  result=$(sed -n 's:.*<pre id="result">\(.*\)</pre>.*:\1:p' <<<"$dom" | sed 's/&quot;/"/g; s/&amp;/\&/g')
  verdict=$(python3 -c '
import json, sys
from email.utils import parsedate_to_datetime
try: r = json.loads(sys.argv[1])
except ValueError: print("no result from the page: " + sys.argv[1][:200]); sys.exit()
bad = [x for x in r if "error" in x or x.get("status") != 200]
if len(r) != 3 or bad: print("fetch failed: %s" % json.dumps(bad or r)); sys.exit()
hit, miss, rehit = r
if not (hit["age"] and int(hit["age"]) > 0): print("stored entry not replayed with Age > 0: %s" % json.dumps(hit)); sys.exit()
if parsedate_to_datetime(hit["date"]) > parsedate_to_datetime(hit["now"]): print("Date after now: %s" % json.dumps(hit)); sys.exit()
if miss["age"] is not None: print("first fetch of a fresh URL was not a miss: %s" % json.dumps(miss)); sys.exit()
if rehit["age"] is None: print("second fetch of it was not a hit: %s" % json.dumps(rehit)); sys.exit()
print("ok Age %s on the stored entry" % hit["age"])' "$result" 2>&1)
  case "$verdict" in
    ok*) pass "Chromium on another origin: fetch() of a stored entry (${verdict#ok }), a miss and its hit, all readable (CORS)" ;;
    *) fail "Chromium cross-origin fetch: $verdict" ;;
  esac
fi

# One API replica dies: nginx sends everything to the other.
docker kill "$(container api1)" >/dev/null
bad=0
for i in $(seq 1 30); do [ "$(status "/v1/councils?limit=$i")" = 200 ] || bad=$((bad + 1)); done
[ "$bad" -eq 0 ] && pass "30 answers with api1 killed" || fail "$bad of 30 requests failed with api1 killed"
compose start api1 >/dev/null 2>&1
wait_healthy api1 90 && pass "api1 back" || fail "api1 did not come back within 90 s"

# The read replica stops: the API says it is not ready, then recovers when the replica returns.
compose stop -t 10 db-replica >/dev/null 2>&1
wait_status /health/ready 503 30 && pass "not ready (503) without the read replica" || fail "still ready with the read replica stopped"
compose start db-replica >/dev/null 2>&1
t=$SECONDS
wait_status /health/ready 200 90 && pass "ready again $((SECONDS - t)) s after the replica returned" || fail "not ready within 90 s of the replica's return"
[ "$(status /v1/councils/E06000051)" = 200 ] && pass "answers after recovery" || fail "no answer after recovery"

# Monitoring (unless JUDGEMENTS_SMOKE_MONITORING=0): every target up, then the primary stops and the alert fires.
if [ "$monitoring" = 1 ]; then
  prom="http://127.0.0.1:$JUDGEMENTS_PROMETHEUS_PORT"
  # prom_value QUERY: the first sample's value of an instant query ("" when there is none).
  prom_value() {
    curl -s -m 5 -G --data-urlencode "query=$1" "$prom/api/v1/query" 2>/dev/null |
      grep -oE '"value":\[[^]]*\]' | head -n 1 | grep -oE '"[^"]*"\]$' | tr -d '"]' || true
  }
  # wait_prom QUERY VALUE SECONDS: true once the query's value is VALUE.
  wait_prom() {
    local deadline=$((SECONDS + $3))
    while [ $SECONDS -lt $deadline ]; do [ "$(prom_value "$1")" = "$2" ] && return 0; sleep 2; done
    return 1
  }
  # Five targets: two API replicas, two exporters, Prometheus itself.
  if wait_prom 'count(up == 1)' 5 120; then pass "Prometheus: every target up"
  else fail "Prometheus targets up: $(prom_value 'count(up == 1)') of 5"; fi
  wait_prom 'count(judgements_snapshot_info)' 2 60 && pass "Prometheus: both replicas report their snapshot" ||
    fail "snapshot metrics from $(prom_value 'count(judgements_snapshot_info)') of 2 replicas"
  compose stop -t 10 db-primary >/dev/null 2>&1
  t=$SECONDS
  if wait_prom 'count(ALERTS{alertname="PostgresDown",alertstate="firing",role="primary"})' 1 180; then
    pass "PostgresDown fired $((SECONDS - t)) s after the primary stopped"
  else fail "PostgresDown did not fire within 180 s of the primary stopping"; fi
fi
