#!/usr/bin/env bash
# The container tier, run by .ci/run after ./test.sh: makes a Docker engine reachable (installing
# and starting it if needed), builds the stand-in images, runs the API tests against a PostgreSQL
# that Testcontainers starts (as plain `dotnet test` does on a laptop with Docker), then the
# smoke test of deploy/compose.yaml (with its monitoring overlay, and the cross-origin check in
# headless Chromium through nginx's cache). Ends with "containers: N passed, N failed"; non-zero exit on
# any failure. Needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. db/cluster.sh   # require_dotnet

tier=containers
. deploy/tally.sh  # log, docker, passed/failed, tally

run=judgements-$$-$RANDOM
finish() {
  local rc=$?
  # Containers of this run the tests could not remove themselves (a killed test process).
  ids=$(docker ps -aq --filter "label=judgements.test-run=$run" 2>/dev/null || true)
  [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
  tally "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

t=$SECONDS
timeout 300 deploy/docker-engine.sh || { log "no Docker engine"; failed=$((failed + 1)); exit 1; }
log "Docker engine: $((SECONDS - t)) s"

t=$SECONDS
timeout 1800 deploy/offline-images.sh || { log "stand-in images failed"; failed=$((failed + 1)); exit 1; }
log "stand-in images: $((SECONDS - t)) s"

# The API tests without JUDGEMENTS_TEST_DB: the fixture starts its PostgreSQL with Testcontainers.
# Ryuk (the reaper) has no image here; the fixture and the trap above remove the container instead.
t=$SECONDS
require_dotnet
dotnet build tests/JudgementsApi.Tests -c Release -nologo -v quiet -clp:ErrorsOnly
out=$(mktemp); st=0
# Not root: through sudo, to reach Docker's root-owned socket.
$sudo env -u JUDGEMENTS_TEST_DB -u JUDGEMENTS_TEST_TEMPLATE "PATH=$PATH" \
  JUDGEMENTS_TEST_PG_IMAGE=judgements-standin/postgres:15 JUDGEMENTS_TEST_RUN=$run \
  TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 \
  timeout 1800 dotnet test tests/JudgementsApi.Tests -c Release --no-build -nologo \
    ${CONTAINER_TEST_FILTER:+--filter "$CONTAINER_TEST_FILTER"} 2>&1 | tee "$out" || st=$?
p=$( (grep -oE 'Passed: +[0-9]+' "$out" || true) | awk '{s+=$2} END {print s+0}')
f=$( (grep -oE 'Failed: +[0-9]+' "$out" || true) | awk '{s+=$2} END {print s+0}')
rm -f "$out"
passed=$((passed + p)); failed=$((failed + f))
if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); log "dotnet test failed (exit $st)"; fi
if [ "$p" -eq 0 ]; then failed=$((failed + 1)); log "no Testcontainers test ran"; fi
log "Testcontainers tests: $((SECONDS - t)) s"

t=$SECONDS
out=$(mktemp); st=0
timeout 2400 deploy/smoke.sh 2>&1 | tee "$out" || st=$?
line=$(grep -E '^smoke: [0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1 || true)
rm -f "$out"
p=$(awk '{print $2}' <<<"$line"); f=$(awk '{print $4}' <<<"$line")
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
if [ "$st" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); log "smoke test failed (exit $st)"; fi
log "smoke test: $((SECONDS - t)) s"
