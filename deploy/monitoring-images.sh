#!/usr/bin/env bash
# Builds judgements-standin/prometheus from Debian packages, as deploy/offline-images.sh builds the
# other stand-ins (debootstrap from this machine's Debian mirror, or DEBIAN_MIRROR): Debian's
# `prometheus` and `prometheus-postgres-exporter` in one image, for deploy/compose.monitoring.yaml
# (each service names its program). Kept apart from offline-images.sh so that the images it builds,
# and the container tier that uses them, are unchanged for stacks without monitoring.
# An image already built by this same script version is kept (FORCE=1 rebuilds).
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${DEBIAN_SUITE:-bookworm}
tag=judgements-standin/prometheus
recipe=$(sha256sum deploy/monitoring-images.sh | cut -c1-16)

log() { printf 'monitoring-images: %s\n' "$*" >&2; }
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
docker() { if [ -n "$sudo" ]; then sudo docker "$@"; else command docker "$@"; fi; }

if [ "${FORCE:-0}" != 1 ] && [ "$(docker image inspect -f '{{index .Config.Labels "judgements.recipe"}}' "$tag" 2>/dev/null)" = "$recipe" ]; then
  log "$tag is up to date"; exit 0
fi

# The mirror as offline-images.sh finds it: DEBIAN_MIRROR, else the first deb822 or one-line apt source for the suite.
mirror=${DEBIAN_MIRROR:-}
[ -n "$mirror" ] || mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$suite" '
    /^[[:space:]]*$/ { if (u != "" && ok) { print u; exit } u = ""; ok = 0; next }
    /^URIs:/ { u = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok = 1 }
    END { if (u != "" && ok) print u }' | head -n 1)
[ -n "$mirror" ] || mirror=$(grep -hE "^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[a-z]+://[^ ]+[[:space:]]+$suite[[:space:]]" \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | sed -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' | awk '{print $1; exit}')
[ -n "$mirror" ] || { log "no Debian mirror for $suite in the apt sources; set DEBIAN_MIRROR"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/judgements-monitoring.XXXXXX")
cleanup() {
  awk -v w="$work/" 'index($2, w) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do $sudo umount -l "$m" || true; done
  $sudo rm -rf --one-file-system "$work"
}
trap cleanup EXIT

r=$work/root
log "debootstrap (prometheus, prometheus-postgres-exporter)…"
if ! timeout 900 $sudo debootstrap --variant=minbase --include=prometheus,prometheus-postgres-exporter,ca-certificates \
    "$suite" "$r" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2; log "debootstrap failed"; exit 1
fi
$sudo rm -rf "$r/var/cache/apt/archives"/*.deb "$r/var/lib/apt/lists"/*
$sudo mkdir -p "$r/prometheus"
$sudo tar -C "$r" --numeric-owner -c . | docker import --change "LABEL judgements.recipe=$recipe" \
  --change 'EXPOSE 9090 9187' --change 'CMD ["prometheus", "--version"]' - "$tag" >/dev/null
log "built $tag"
