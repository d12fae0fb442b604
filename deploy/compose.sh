#!/usr/bin/env bash
# Runs Compose on deploy/compose.yaml with whichever Compose the machine has: the v2 plugin
# (`docker compose`) or Debian's `docker-compose` v1; through sudo when not root (Docker's socket
# is root's). Arguments go to Compose after the files:
#   deploy/compose.sh up -d --build     the stack on http://127.0.0.1:8080 (JUDGEMENTS_HTTP_PORT)
#   deploy/compose.sh ps | logs api1 | down -v
# JUDGEMENTS_IMAGES=standin      use the stand-in images deploy/offline-images.sh builds from Debian
#                                packages (where no image registry is reachable): sets POSTGRES_IMAGE,
#                                NGINX_IMAGE, SDK_IMAGE and RUNTIME_IMAGE unless they are set already
# JUDGEMENTS_COMPOSE_NO_DNS=1    add deploy/compose.no-dns.yaml (fixed addresses) for engines whose
#                                embedded DNS does not answer on user-defined networks
# JUDGEMENTS_COMPOSE=…           the Compose command to use instead of the one found (e.g. "docker-compose")
# JUDGEMENTS_MONITORING=1        add deploy/compose.monitoring.yaml (Prometheus and the PostgreSQL exporters;
#                                image from deploy/monitoring-images.sh; http://127.0.0.1:9090, JUDGEMENTS_PROMETHEUS_PORT)
set -euo pipefail
deploy=$(cd "$(dirname "$0")" && pwd)

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

if [ -n "${JUDGEMENTS_COMPOSE:-}" ]; then
  read -r -a compose <<<"$JUDGEMENTS_COMPOSE"
elif docker compose version >/dev/null 2>&1 || "${sudo[@]}" docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "compose.sh: neither 'docker compose' (v2) nor 'docker-compose' (v1) is installed; deploy/docker-engine.sh installs Debian's" >&2
  exit 1
fi

if [ "${JUDGEMENTS_IMAGES:-registry}" = standin ]; then
  export POSTGRES_IMAGE=${POSTGRES_IMAGE:-judgements-standin/postgres:15}
  export NGINX_IMAGE=${NGINX_IMAGE:-judgements-standin/nginx}
  export SDK_IMAGE=${SDK_IMAGE:-judgements-standin/dotnet-sdk:10.0}
  export RUNTIME_IMAGE=${RUNTIME_IMAGE:-judgements-standin/aspnet:10.0}
fi

files=(-f "$deploy/compose.yaml")
[ "${JUDGEMENTS_COMPOSE_NO_DNS:-0}" = 1 ] && files+=(-f "$deploy/compose.no-dns.yaml")
if [ "${JUDGEMENTS_MONITORING:-0}" = 1 ]; then
  files+=(-f "$deploy/compose.monitoring.yaml")
  [ "${JUDGEMENTS_COMPOSE_NO_DNS:-0}" = 1 ] && files+=(-f "$deploy/compose.monitoring.no-dns.yaml")
fi

# sudo keeps the image and port variables only when passed explicitly.
vars=()
for name in POSTGRES_IMAGE NGINX_IMAGE SDK_IMAGE RUNTIME_IMAGE JUDGEMENTS_API_IMAGE JUDGEMENTS_HTTP_PORT \
            JUDGEMENTS_DB_PASSWORD JUDGEMENTS_READER_PASSWORD REPLICATION_PASSWORD DOCKER_BUILDKIT \
            MONITORING_IMAGE JUDGEMENTS_PROMETHEUS_PORT; do
  [ -n "${!name:-}" ] && vars+=("$name=${!name}")
done
exec "${sudo[@]}" env "${vars[@]}" "${compose[@]}" "${files[@]}" "$@"
