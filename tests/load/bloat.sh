#!/usr/bin/env bash
# tests/load/bloat.sh [--seconds N] [--settle N] [PATH…]: issue 22's hostile client against the API's memory.
# Serves the committed seed data (tests/load/harness.sh: Release build, throwaway PostgreSQL, rate
# limits off for the worst case), then per PATH (default: /embed/councils/E06000051, /about,
# /v1/councils) runs `wrk -t2 -c16 -d<N>s -s tests/load/bloat.lua` (N: --seconds, default 120;
# every request a unique ~3.9 KB junk query and a ~28 KB Accept), reading the API's RSS every
# second meanwhile, then leaves it idle --settle seconds (default 10). Prints per path the requests
# and their statuses, RSS before, the peak RSS sampled during the run, RSS at its end and after
# the idle time, VmHWM, the load average, and the goals (RSS < 512 MB throughout, < 300 MB after).
# One path is one run: about N + 40 s with the start-up (LOAD_NO_BUILD=1 skips the build).
. "$(dirname "$0")/harness.sh"

seconds=120 settle=10 paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    /*) paths+=("$1"); shift ;;
    *) log "unknown argument '$1'"; exit 2 ;;
  esac
done
[ "${#paths[@]}" -gt 0 ] || paths=(/embed/councils/E06000051 /about /v1/councils)

harness_setup
harness_import seed-data "$tmp/import.log"
harness_start_api
for path in "${paths[@]}"; do curl -s -o /dev/null "$base$path"; done   # each page rendered once before its run

results=()
for path in "${paths[@]}"; do
  before=$(rss_mb "$api_pid")
  load_start=$(load1)
  log "$path: ${seconds} s of bloat.lua (RSS $before MB, load $load_start)"
  BLOAT_PATH=$path wrk -t2 -c16 -d"${seconds}s" --timeout 30s -s "$here/bloat.lua" "$base" >"$tmp/wrk.out" 2>&1 &
  wrk_pid=$!
  harness_pids+=("$wrk_pid")
  peak=$before
  while kill -0 "$wrk_pid" 2>/dev/null; do
    r=$(rss_mb "$api_pid")
    [ "$r" = "?" ] || [ "$r" -le "$peak" ] || peak=$r
    sleep 1
  done
  wait "$wrk_pid" || { cat "$tmp/wrk.out" >&2; log "wrk failed on $path"; exit 1; }
  kill -0 "$api_pid" 2>/dev/null || { log "the API died under $path"; exit 1; }
  at_end=$(rss_mb "$api_pid")
  [ "$at_end" -le "$peak" ] || peak=$at_end
  sleep "$settle"
  after=$(rss_mb "$api_pid")
  load_end=$(load1)
  requests=$(awk '/requests in/ { print $1 }' "$tmp/wrk.out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$tmp/wrk.out")
  errors=$(awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print }' "$tmp/wrk.out")
  rate=$(awk '/Requests\/sec:/ { printf "%.0f", $2 }' "$tmp/wrk.out")
  # What a non-2xx was: one request with the same shape, its status.
  sample=$(curl -s -o /dev/null -w '%{http_code}' -H "Accept: text/html;q=0.9, $(printf 'application/x-junk;q=0.1, %.0s' $(seq 1080))x/y" \
    "$base$path?z1=1&pad=$(printf 'p%.0s' $(seq 3900))")
  during=$([ "$peak" -lt 512 ] && echo met || echo "not met")
  settled=$([ "$after" -lt 300 ] && echo met || echo "not met")
  results+=("| \`$path\` | $seconds | $requests ($rate/s) | ${non2xx:-0} (a sample: $sample) | ${errors:-none} | $before | $peak | $at_end | $after | $(rss_mb "$api_pid" VmHWM) | $during | $settled | $load_start → $load_end |")
  log "$path: $requests requests, peak $peak MB, at the end $at_end MB, after ${settle} s $after MB"
done

echo
echo "bloat.lua, wrk -t2 -c16, rate limits off; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD); $(nproc) CPUs."
echo "RSS in MB: before the run, the peak sampled each second during it, at its end, after ${settle} s idle; VmHWM: the process's peak so far."
echo
echo "| path | s | requests | non-2xx | socket errors | before | peak | end | after | VmHWM | < 512 MB throughout | < 300 MB after | load (1 min) |"
echo "|---|--:|--:|--:|---|--:|--:|--:|--:|--:|---|---|---|"
printf '%s\n' "${results[@]}"
