#!/usr/bin/env bash
# tests/load/import-under-load.sh [--scale N] [--readers N] [--max-seconds N]: an import of a dataset
# N times larger (default 100) while the API serves reads (issue 22: 0 readiness failures, 0 reads
# over 1 s). An import still running after --max-seconds (default 170) is stopped (which changes
# nothing) and the figures cover its first part only.
# Serves the committed seed data (tests/load/harness.sh: Release build, throwaway PostgreSQL, rate
# limits off), generates the xN data (tests/load/SyntheticData), then runs meanwhile:
#   - a readiness probe: GET /health/ready every 0.2 s (5 s timeout), noting the snapshot version;
#   - --readers (default 2) curl loops over a council, a filtered council list, a council page, the
#     dataset's description and a never-asked inspections page (/v1/inspections?limit=K: answered
#     from the snapshot, not the output cache);
# and the service's own importer on the xN data (`JudgementsApi import DIR`, as ./run.sh import).
# After the import it keeps reading until the API serves the new version (the version poll, then
# the snapshot load) plus 5 s, at most 120 s. Prints per URL the requests, statuses, reads over 1 s
# and the slowest, the readiness failures, the import's duration, when the new version was served,
# the load average, and the goals. Start-up (build, 1x import, generation, API) takes 1-2 minutes
# before that (LOAD_NO_BUILD=1 skips the build).
. "$(dirname "$0")/harness.sh"

scale=100 readers=2 max_seconds=170
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --max-seconds) max_seconds=$2; shift 2 ;;
    --readers) readers=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    *) log "unknown argument '$1'"; exit 2 ;;
  esac
done

harness_setup
harness_import seed-data "$tmp/import-x1.log"
log "1x imported in $import_ms ms"
log "generating the x$scale data…"
dotnet build "$here/SyntheticData/SyntheticData.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers >&2
dotnet "$here/SyntheticData/bin/Release/net10.0/SyntheticData.dll" seed-data "$tmp/seed-x$scale" "$scale" >&2
harness_start_api
version() { grep -o '"snapshot":"[^"]*"' | head -n 1 | cut -d'"' -f4; }
old=$(curl -s --max-time 5 "$base/health/ready" | version)
log "serving version $old"

# ready_probe: one line per probe: seconds since the epoch, status, seconds taken, snapshot version.
ready_probe() {
  while :; do
    curl -s -o "$tmp/ready.body" -w "$(date +%s.%N) %{http_code} %{time_total}" --max-time 5 "$base/health/ready" || true
    echo " $(version <"$tmp/ready.body" 2>/dev/null || true)"
    sleep 0.2
  done >"$tmp/ready.log"
}
# reader N: one line per request: seconds since the epoch, URL (the unique one under a fixed label), status, seconds taken.
reader() {
  local n=$1 i=0 u
  while :; do
    i=$((i + 1))
    for u in /v1/councils/E06000051 "/v1/councils?region=E12000005" /councils/shropshire /v1/dataset; do
      curl -s -o /dev/null -w "$(date +%s.%N) $u %{http_code} %{time_total}\n" --max-time 30 "$base$u" || echo "$(date +%s.%N) $u 000 30"
    done
    # Never asked before: the handler reads the snapshot (no output-cache entry for it yet).
    curl -s -o /dev/null -w "$(date +%s.%N) /v1/inspections?limit=K %{http_code} %{time_total}\n" --max-time 30 \
      "$base/v1/inspections?limit=$((1 + i % 97))&offset=$(( (n * 389 + i) % 400 ))" ||
      echo "$(date +%s.%N) /v1/inspections?limit=K 000 30"
  done >"$tmp/reader-$n.log"
}
# Each URL once before the loops: a first request (JIT, the first rendering of a page) is not what is measured.
for u in /v1/councils/E06000051 "/v1/councils?region=E12000005" /councils/shropshire /v1/dataset "/v1/inspections?limit=1&offset=0"; do
  curl -s -o /dev/null --max-time 30 "$base$u" || true
done
ready_probe & harness_pids+=("$!")
for ((r = 1; r <= readers; r++)); do reader "$r" & harness_pids+=("$!"); done
sleep 3   # a few reads of the settled service before the import starts

load_before=$(load1)
rss_before=$(rss_mb "$api_pid")
log "importing the x$scale data while reading (load $load_before; at most $max_seconds s)…"
import_start=$(date +%s.%N)
start_ns=$(now_ns)
JUDGEMENTS_DB=$conn JUDGEMENTS_OWNER_DB=$owner Logging__LogLevel__Default=Warning \
  dotnet "$dll" import "$tmp/seed-x$scale" >"$tmp/import-x$scale.log" 2>&1 &
import_pid=$!
harness_pids+=("$import_pid")
while kill -0 "$import_pid" 2>/dev/null && [ "$(ms_since "$start_ns")" -lt $((max_seconds * 1000)) ]; do sleep 0.5; done
finished=1
if kill -0 "$import_pid" 2>/dev/null; then
  finished=0
  log "the import is still running after $max_seconds s: stopping it (an import stopped midway changes nothing)"
  harness_stop_pid "$import_pid"
else
  wait "$import_pid" || { tail -n 30 "$tmp/import-x$scale.log" >&2; log "the import of the x$scale data failed"; exit 1; }
fi
import_ms=$(ms_since "$start_ns")
import_end=$(date +%s.%N)
load_after=$(load1)
log "x$scale import: $([ $finished = 1 ] && echo "done" || echo "stopped") after $import_ms ms"

deadline=$((SECONDS + 120))
[ $finished = 1 ] || deadline=$SECONDS
new=""
while [ $SECONDS -lt $deadline ]; do
  new=$(tail -n 1 "$tmp/ready.log" | awk '{ print $4 }')
  [ -n "$new" ] && [ "$new" != "$old" ] && break
  sleep 0.5
done
switched=$(awk -v o="$old" '$4 != "" && $4 != o { print $1; exit }' "$tmp/ready.log")
[ -n "$switched" ] && sleep 5
for ((i = 1; i <= readers + 1; i++)); do harness_stop_pid "${harness_pids[$i]}"; done   # after the API: the probe, the readers
rss_after=$(rss_mb "$api_pid")

cat "$tmp"/reader-*.log >"$tmp/reads.log"
stats() {  # FILE FIELD-OF-URL FIELD-OF-CODE FIELD-OF-TIME
  awk -v uf="$2" -v cf="$3" -v tf="$4" -v s="$import_start" -v e="$import_end" '
    { u = $uf; n[u]++; c[u, $cf]++; codes[$cf] = 1; if ($tf > max[u]) max[u] = $tf; if ($tf > 1) slow[u]++
      if ($1 >= s && $1 <= e) { during[u]++; if ($tf > maxd[u]) maxd[u] = $tf } }
    END { for (u in n) { st = ""; for (k in codes) if ((u, k) in c) st = st (st == "" ? "" : ", ") c[u, k] "× " k
          printf "| `%s` | %d | %d | %s | %d | %.3f | %.3f |\n", u, n[u], during[u], st, slow[u], maxd[u], max[u] } }' "$1" | sort
}
ready_failures=$(awk '$2 != 200' "$tmp/ready.log" | wc -l)
ready_slow=$(awk '$3 > 1' "$tmp/ready.log" | wc -l)
slow_reads=$(awk '$4 > 1' "$tmp/reads.log" | wc -l)
failed_reads=$(awk '$3 !~ /^2/' "$tmp/reads.log" | wc -l)

echo
echo "An import of x$scale data while reading; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD); $(nproc) CPUs;" \
     "rate limits off; $readers reader loops and a readiness probe every 0.2 s."
echo
if [ $finished = 1 ]; then
  echo "- import (process start to exit): $import_ms ms ($(grep -E '^Imported dataset' "$tmp/import-x$scale.log" | tail -n 1 || true))"
else
  echo "- import: **stopped after $import_ms ms, not finished** (--max-seconds $max_seconds): the figures cover its first $max_seconds s only"
fi
if [ $finished = 0 ]; then :
elif [ -n "$switched" ]; then
  echo "- the API served the new version $(awk -v a="$switched" -v b="$import_end" 'BEGIN { printf "%.1f", a - b }') s after the import ended ($old → $new)"
else
  echo "- the API did not serve the new version within 120 s of the import ($old)"
fi
echo "- load average (1 min): $load_before before the import, $load_after at its end; API RSS $rss_before MB before, $rss_after MB after"
echo "- readiness: $(wc -l <"$tmp/ready.log") probes, $ready_failures not 200, $ready_slow over 1 s, slowest $(awk '$3 > m { m = $3 } END { printf "%.3f", m }' "$tmp/ready.log") s" \
     "(goal: 0 failures, $([ "$ready_failures" = 0 ] && echo met || echo "not met"))"
echo "- reads: $(wc -l <"$tmp/reads.log"), $failed_reads not 2xx, $slow_reads over 1 s (goal: 0 over 1 s, $([ "$slow_reads" = 0 ] && echo met || echo "not met"))"
echo
echo "| URL | requests | during the import | statuses | over 1 s | slowest during the import (s) | slowest (s) |"
echo "|---|--:|--:|---|--:|--:|--:|"
stats "$tmp/reads.log" 2 3 4
awk '{ print $1, "/health/ready", $2, $3 }' "$tmp/ready.log" >"$tmp/ready.rows"
stats "$tmp/ready.rows" 2 3 4
echo
awk '$2 != 200 { printf "readiness not 200: %s at %+.1f s from the import'"'"'s start (%s s)\n", $2, $1 - s, $3 }' s="$import_start" "$tmp/ready.log" | head -n 20
awk '$4 > 1 { printf "read over 1 s: %s %s at %+.1f s from the import'"'"'s start (%s s)\n", $2, $3, $1 - s, $4 }' s="$import_start" "$tmp/reads.log" | sort -t@ -k1 | head -n 20
if [ -n "${LOAD_LOGS:-}" ]; then mkdir -p "$LOAD_LOGS" && cp "$tmp"/*.log "$LOAD_LOGS"/ && log "raw logs copied to $LOAD_LOGS"; fi
