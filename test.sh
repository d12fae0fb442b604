#!/usr/bin/env bash
# Build and run every test against a real PostgreSQL: a throwaway cluster made for this run and
# removed after it. Tests clone their own databases from a migrated, seeded template, so they can
# run in parallel. Exits non-zero on any failure.
# Arguments go to dotnet test (e.g. --filter FullyQualifiedName~OpenApi).
# Set JUDGEMENTS_TEST_DB to an admin connection string to use an existing server instead.
# Without arguments (or with JUDGEMENTS_README=1) it also runs README.md's ```sh examples against a
# served instance.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
. db/cluster.sh

require_dotnet
if [ -z "${JUDGEMENTS_TEST_DB:-}" ]; then
  step "PostgreSQL: a throwaway cluster for this run"
  pg_find_bin
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/judgements-test.XXXXXX")
  chmod 755 "$tmp"
  cleanup() { pg_stop "$tmp/postgres"; rm -rf "$tmp"; }
  trap cleanup EXIT
  port=$(pg_free_port 55432)
  # Two runs started at once can find the same port free: the one that loses the bind takes the next.
  until pg_start "$tmp/postgres" "$port" 2>"$tmp/start.log"; do
    if grep -q "Address already in use" "$tmp/start.log" && [ "$port" -lt 55532 ]; then port=$(pg_free_port $((port + 1)))
    else cat "$tmp/start.log" >&2; exit 1; fi
  done
  cat "$tmp/start.log" >&2
  pg_roles "$tmp/postgres" "$port"
  export JUDGEMENTS_TEST_DB
  JUDGEMENTS_TEST_DB=$(pg_connstr "$port" postgres)
  echo "Test PostgreSQL on 127.0.0.1:$port ($tmp)"
fi

# The page tests drive Debian's Chromium and inject axe-core (a test tool from npm, never served).
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the page tests…" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >&2
fi
step "axe-core for the page tests (npm, once)"
tests/JudgementsApi.PageTests/vendor-axe.sh

# The same bootstrap as run.sh: build, then migrate and import the committed seed data into the
# template every test database is cloned from.
step "Building the solution (Release; the first build restores NuGet packages and takes several minutes)"
dotnet_build JudgementsApi.sln
template="judgements_template"
# Migrated and imported as judgements_owner, which then grants SELECT to judgements_reader: the
# roles the tests' app uses, as run.sh's does (see tests/JudgementsApi.Tests/Infrastructure/TestDatabase.cs).
if [ -n "${PG_PASSWORD:-}" ]; then
  step "Migrating and importing seed-data/ into the template database"
  pg_psql "$port" postgres -q -c "DROP DATABASE IF EXISTS $template"
  pg_create_db "$port" "$template"
  JUDGEMENTS_DB=$(pg_connstr_reader "$port" "$template") JUDGEMENTS_OWNER_DB=$(pg_connstr_owner "$port" "$template") \
    dotnet api/bin/Release/net10.0/JudgementsApi.dll import "$root/seed-data"
  export JUDGEMENTS_TEST_TEMPLATE=$template JUDGEMENTS_TEST_OWNER_PASSWORD=$OWNER_PASSWORD JUDGEMENTS_TEST_READER_PASSWORD=$READER_PASSWORD
fi

# The README's ```sh examples, run against an instance served from a copy of the template
# (tests/readme/run-examples.sh). A run with a filter (arguments) is a targeted run: it skips them
# unless JUDGEMENTS_README=1.
readme_examples() {
  step "README examples against a served instance (tests/readme/run-examples.sh)"
  pg_psql "$port" postgres -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS judgements_readme" \
    -c "CREATE DATABASE judgements_readme TEMPLATE $template OWNER judgements_owner"
  local web pid ready=0 result=0 waited=0
  web=$(pg_free_port 18180)
  (cd api/bin/Release/net10.0 && exec env ASPNETCORE_URLS="http://127.0.0.1:$web" \
     JUDGEMENTS_DB="$(pg_connstr_reader "$port" judgements_readme)" \
     JUDGEMENTS_OWNER_DB="$(pg_connstr_owner "$port" judgements_readme)" \
     dotnet JudgementsApi.dll > "$tmp/readme-server.log" 2>&1) &
  pid=$!
  # However long a busy machine takes to start it (a 10-minute guard against a hung process only);
  # a server that exits is reported at once.
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 600 ]; do
    if curl -sf "http://127.0.0.1:$web/health/ready" >/dev/null; then ready=1; break; fi
    sleep 1; waited=$((waited + 1))
  done
  if [ "$ready" -eq 1 ]; then tests/readme/run-examples.sh "http://127.0.0.1:$web" || result=$?
  else echo "The server for the README examples did not start:" >&2; cat "$tmp/readme-server.log" >&2; result=1; fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  return "$result"
}

log="$(mktemp "${TMPDIR:-/tmp}/judgements-test-log.XXXXXX")"
status=0
step "Running the tests (dotnet test $*)"
dotnet test JudgementsApi.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?
# One plain closing line for CI, summed over the test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
[ -d tests/JudgementsApi.PageTests/screenshots ] && echo "Page screenshots: $root/tests/JudgementsApi.PageTests/screenshots"
echo "tests: $passed passed, $failed failed"
if { [ "$#" -eq 0 ] || [ "${JUDGEMENTS_README:-0}" = 1 ]; } && [ -n "${PG_PASSWORD:-}" ]; then readme_examples || status=1; fi
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "no test ran" >&2; status=1; fi
exit "$status"
