#!/usr/bin/env bash
# tests/load/freeze.sh BASE_URL PGDATA [SECONDS]: stops every process of the PostgreSQL cluster in
# PGDATA (SIGSTOP) for SECONDS (default 30) while wrk keeps 8 connections on a cached read, probes
# snapshot (uncached), cached and database reads and readiness one after another meanwhile, then resumes the
# cluster and prints per URL the statuses and the slowest answer, and wrk's latencies. Needs wrk and
# curl, and the right to signal the cluster's processes. See docs/reliability.md ("Frozen database").
set -euo pipefail
base=$1 data=$2 seconds=${3:-30}
pm=$(head -n 1 "$data/postmaster.pid")
pids="$pm $(pgrep -P "$pm" | tr '\n' ' ')"
tmp=$(mktemp -d)
urls=(/v1/councils/shropshire "/v1/inspections?council=telford-and-wrekin" /about /embed/councils/E06000051
      /v1/frameworks /health/ready /v1/dataset/download)
for u in "${urls[@]}"; do curl -s -o /dev/null "$base$u"; done # now in the output cache where cacheable

wrk -t1 -c8 -d"$((seconds + 5))s" --timeout 60s --latency "$base/v1/councils?limit=5" >"$tmp/wrk" &
wrk_pid=$!
kill -STOP $pids
trap 'kill -CONT $pids' EXIT
end=$((SECONDS + seconds))
i=0
while [ "$SECONDS" -lt "$end" ]; do
  i=$((i + 1))
  for u in "${urls[@]}"; do curl -s -o /dev/null -m 60 -w "$u %{http_code} %{time_total}\n" "$base$u"; done
  # Never asked before, so answered from the snapshot, not the cache.
  curl -s -o /dev/null -m 60 -w "uncached:/v1/inspections?limit=N %{http_code} %{time_total}\n" "$base/v1/inspections?limit=$i"
done >"$tmp/probes"
kill -CONT $pids
trap - EXIT
for u in /health/ready /v1/dataset/download; do curl -s -o /dev/null -m 60 -w "after-thaw:$u %{http_code} %{time_total}\n" "$base$u"; done >>"$tmp/probes"
wait "$wrk_pid"

awk '{ key = $1; n[key]++; codes[key, $2]++; seen[$2] = 1; if ($3 > max[key]) max[key] = $3 }
     END { for (k in n) { s = ""; for (c in seen) if ((k, c) in codes) s = s " " codes[k, c] "x" c
                          printf "%-48s slowest %6.2f s,%s\n", k, max[k], s } }' "$tmp/probes" | sort
grep -E "requests in|Non-2xx|Latency|99%" "$tmp/wrk"
rm -rf "$tmp"
