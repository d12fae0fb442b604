# Shared by run.sh and test.sh (sourced, not run): a private PostgreSQL cluster on 127.0.0.1.
# Finds the server binaries (Debian keeps them off PATH in /usr/lib/postgresql/<major>/bin),
# installs Debian's postgresql package if there are none, and runs the server as the postgres
# user when invoked as root, because PostgreSQL refuses to run as root.

pg_log() { printf '%s\n' "$*" >&2; }

# Sets PG_BIN to the folder holding initdb and pg_ctl, installing PostgreSQL if needed.
pg_find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4 -rn) \
             "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then PG_BIN=$dir; return 0; fi
  done
  pg_log "PostgreSQL server binaries not found; installing Debian's postgresql package…"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { pg_log "Install PostgreSQL 15 (apt-get install postgresql) or set JUDGEMENTS_DB."; return 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >&2 || return 1
  # The package creates and starts a system cluster we do not use; stop it so it holds no port.
  command -v pg_ctlcluster >/dev/null 2>&1 && $sudo pg_lsclusters -h 2>/dev/null | while read -r v c _; do
    $sudo pg_ctlcluster "$v" "$c" stop 2>/dev/null || true; done
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4 -rn); do
    if [ -x "$dir/initdb" ]; then PG_BIN=$dir; return 0; fi
  done
  pg_log "PostgreSQL installation did not provide initdb."; return 1
}

# Runs a PostgreSQL server command as the cluster's owner: postgres when we are root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

# pg_free_port START: the first port from START that nothing on 127.0.0.1 listens on.
pg_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# pg_start DATADIR PORT: create the cluster if DATADIR is empty, start it if it is not running.
# Sets PG_PASSWORD (kept in DATADIR/../postgres.password, readable only by its owner).
pg_start() {
  local data=$1 port=$2 pwfile
  pwfile="$(dirname "$data")/postgres.password"
  mkdir -p "$(dirname "$data")"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    # postgres must be able to reach the folder; a checkout under a private home cannot be used.
    if ! runuser -u postgres -- test -x "$(dirname "$data")" 2>/dev/null; then
      chmod o+x "$(dirname "$data")" 2>/dev/null
      runuser -u postgres -- test -x "$(dirname "$data")" ||
        { pg_log "The postgres user cannot reach $(dirname "$data"); move the checkout or set JUDGEMENTS_DB."; return 1; }
    fi
  fi
  if [ ! -s "$data/PG_VERSION" ]; then
    pg_log "Creating a PostgreSQL cluster in $data (port $port)…"
    mkdir -p "$data"
    [ -s "$pwfile" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$pwfile")
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$data" "$pwfile"; fi
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 ||
      { cat "$data.initdb.log" >&2; return 1; }
    rm -f "$data.initdb.log"
  fi
  PG_PASSWORD=$(cat "$pwfile")
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # TCP on loopback only; no Unix socket, so the data folder's path length and permissions do not matter.
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null ||
      { tail -n 20 "$data/server.log" >&2; return 1; }
  fi
}

# pg_stop DATADIR
pg_stop() {
  [ -s "$1/PG_VERSION" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_port DATADIR: the port a running cluster listens on.
pg_port() { sed -n '4p' "$1/postmaster.pid" 2>/dev/null; }

# pg_connstr PORT DATABASE: the superuser's connection string (cluster administration only).
pg_connstr() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Password=$PG_PASSWORD;Database=$2"; }

# pg_psql PORT DATABASE ARGS…: psql as the superuser.
pg_psql() {
  local port=$1 db=$2; shift 2
  PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"
}

# The service's two roles: judgements_owner owns the tables (migrations, imports);
# judgements_reader serves (SELECT only, granted by the service after migrating; no superuser, no
# CREATE). pg_roles DATADIR PORT creates them, keeps their passwords beside the cluster (readable
# only by their owner) and sets OWNER_PASSWORD and READER_PASSWORD.
pg_roles() {
  local data=$1 port=$2 role file pw
  for role in owner reader; do
    file="$(dirname "$data")/$role.password"
    [ -s "$file" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$file")
    pw=$(cat "$file")
    pg_psql "$port" postgres -q -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'judgements_$role') THEN
          CREATE ROLE judgements_$role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
        END IF;
        ALTER ROLE judgements_$role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '$pw';
      END \$\$" >/dev/null
    if [ "$role" = owner ]; then OWNER_PASSWORD=$pw; else READER_PASSWORD=$pw; fi
  done
}

# pg_connstr_owner PORT DATABASE / pg_connstr_reader PORT DATABASE (after pg_roles)
pg_connstr_owner() { echo "Host=127.0.0.1;Port=$1;Username=judgements_owner;Password=$OWNER_PASSWORD;Database=$2"; }
pg_connstr_reader() { echo "Host=127.0.0.1;Port=$1;Username=judgements_reader;Password=$READER_PASSWORD;Database=$2"; }

# pg_create_db PORT NAME: create the database, owned by judgements_owner, if it does not exist. A
# database made before the roles existed (owned by postgres) is handed over to judgements_owner.
pg_create_db() {
  pg_psql "$1" postgres -tAq -c "SELECT 1 FROM pg_database WHERE datname = '$2'" | grep -q 1 ||
    pg_psql "$1" postgres -q -c "CREATE DATABASE \"$2\" OWNER judgements_owner"
  pg_psql "$1" "$2" -q -c "ALTER DATABASE \"$2\" OWNER TO judgements_owner" \
    -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC" \
    -c "REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC" \
    -c "DO \$\$ DECLARE r record; BEGIN
          FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> 'judgements_owner'
          LOOP EXECUTE format('ALTER TABLE %I OWNER TO judgements_owner', r.relname); END LOOP;
        END \$\$" >/dev/null
}

# Checks for the .NET SDK, which the machine must provide (the project cannot fetch it).
require_dotnet() {
  command -v dotnet >/dev/null 2>&1 && return 0
  for d in "$HOME/.dotnet" /usr/share/dotnet /usr/lib/dotnet; do
    if [ -x "$d/dotnet" ]; then export PATH="$d:$PATH"; return 0; fi
  done
  pg_log "The .NET 10 SDK is required (dotnet not found): https://dotnet.microsoft.com/download"; return 1
}

# step TEXT: one line saying what the script does next, so a first run (minutes of restore and
# build on a small machine) is never silent.
step() { printf '==> %s\n' "$*" >&2; }

# dotnet_build PROJECT-OR-SOLUTION: a Release build that prints a line per project built and a
# summary (warnings, errors, time) rather than nothing for minutes.
dotnet_build() {
  dotnet build "$1" -c Release -nologo -v minimal -clp:Summary "${@:2}" >&2
}
