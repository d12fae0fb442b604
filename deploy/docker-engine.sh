#!/usr/bin/env bash
# Makes a Docker engine reachable: installs Debian's docker.io (with debootstrap and docker-compose,
# which the container tier also needs) when missing, and starts dockerd when nothing answers.
# Machines without systemd (CI containers, sandboxes) get dockerd started by hand with the vfs
# storage driver, the one that works inside another container's filesystem.
#   deploy/docker-engine.sh     exits 0 once `docker info` answers (at most 60 s after start)
set -euo pipefail

log() { printf 'docker-engine: %s\n' "$*" >&2; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { log "needs root or sudo to install and start Docker"; exit 1; }
  sudo="sudo"
fi

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}…"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Lock::Timeout=600 update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${need[@]}" >&2
fi

docker_ok() { $sudo docker info >/dev/null 2>&1; }
if docker_ok; then exit 0; fi

if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  $sudo systemctl start docker >&2 || true
fi
if ! docker_ok; then
  log "starting dockerd (vfs storage; log in /var/log/dockerd.log)…"
  $sudo sh -c 'nohup dockerd --storage-driver=vfs >/var/log/dockerd.log 2>&1 &'
fi
for _ in $(seq 1 60); do
  if docker_ok; then exit 0; fi
  sleep 1
done
log "dockerd did not answer within 60 s; last lines of /var/log/dockerd.log:"
$sudo tail -n 20 /var/log/dockerd.log >&2 || true
exit 1
