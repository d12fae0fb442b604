#!/usr/bin/env bash
# Builds stand-ins for the images this project uses, from Debian packages and this machine's .NET
# SDK, for machines that cannot pull from a container registry (air-gapped sites; this project's
# own CI). They behave like the images they replace in what the project relies on:
#   judgements-standin/postgres:15   PostgreSQL 15; honours POSTGRES_USER/_PASSWORD/_DB and
#                                    /docker-entrypoint-initdb.d, logs "ready" twice like postgres:15
#   judgements-standin/nginx         nginx reading /etc/nginx/conf.d/*.conf, like nginx
#   judgements-standin/dotnet-sdk:10.0   the SDK (this machine's), like mcr.microsoft.com/dotnet/sdk:10.0
#   judgements-standin/aspnet:10.0       the ASP.NET runtime, user app (uid 1654) like …/aspnet:10.0
# An image already built by this same script version is kept (FORCE=1 rebuilds).
# The Debian mirror is this machine's (read from its apt sources); DEBIAN_MIRROR overrides it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
suite=${DEBIAN_SUITE:-bookworm}
prefix=judgements-standin
# Images carry the hash of what made them, so a changed script rebuilds and an unchanged one reuses.
recipe=$(cat deploy/offline-images.sh deploy/standin/* | sha256sum | cut -c1-16)

log() { printf 'offline-images: %s\n' "$*" >&2; }
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
docker() { if [ -n "$sudo" ]; then sudo docker "$@"; else command docker "$@"; fi; }

mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  # deb822 sources: the first URIs line of a stanza whose Suites name the release itself.
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$suite" '
    /^[[:space:]]*$/ { if (u != "" && ok) { print u; exit } u = ""; ok = 0; next }
    /^URIs:/ { u = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok = 1 }
    END { if (u != "" && ok) print u }' | head -n 1)
  [ -n "$uri" ] || uri=$(grep -hE "^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[a-z]+://[^ ]+[[:space:]]+$suite[[:space:]]" \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | sed -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' | awk '{print $1; exit}')
  [ -n "$uri" ] || { log "no Debian mirror for $suite in the apt sources; set DEBIAN_MIRROR"; return 1; }
  echo "$uri"
}

fresh() { [ "${FORCE:-0}" != 1 ] && [ "$(docker image inspect -f '{{index .Config.Labels "judgements.recipe"}}' "$1" 2>/dev/null)" = "$recipe" ]; }

work=$(mktemp -d "${TMPDIR:-/tmp}/judgements-standin.XXXXXX")
cleanup() {
  # debootstrap mounts /proc and /sys inside its target; if it was killed they are still mounted.
  awk -v w="$work/" 'index($2, w) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do $sudo umount -l "$m" || true; done
  $sudo rm -rf --one-file-system "$work"
}
trap cleanup EXIT

# debootstrap NAME PACKAGES: a minimal Debian root in $work/NAME.
strap() {
  local name=$1 include=$2 started=$SECONDS
  log "debootstrap $name ($include)…"
  if ! timeout 900 $sudo debootstrap --variant=minbase --include="$include" "$suite" "$work/$name" "$MIRROR" \
      >"$work/$name.log" 2>&1; then
    tail -n 30 "$work/$name.log" >&2; log "debootstrap $name failed"; return 1
  fi
  # Smaller images: no package lists or caches.
  $sudo rm -rf "$work/$name/var/cache/apt/archives"/*.deb "$work/$name/var/lib/apt/lists"/*
  log "debootstrap $name: $((SECONDS - started)) s"
}

# import DIR TAG CHANGES…: the folder as a one-layer image.
import() {
  local dir=$1 tag=$2; shift 2
  local changes=(--change "LABEL judgements.recipe=$recipe")
  for c in "$@"; do changes+=(--change "$c"); done
  $sudo tar -C "$dir" --numeric-owner -c . | docker import "${changes[@]}" - "$tag" >/dev/null
  log "built $tag"
}

MIRROR=$(mirror)
pids=()

if ! fresh $prefix/postgres:15; then
  ( strap postgres postgresql-15,tzdata
    r=$work/postgres
    $sudo install -m 755 deploy/standin/postgres-entrypoint.sh "$r/usr/local/bin/docker-entrypoint.sh"
    $sudo mkdir -p "$r/docker-entrypoint-initdb.d" "$r/var/lib/postgresql/data" "$r/var/run/postgresql"
    $sudo chroot "$r" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
    $sudo chmod 777 "$r/var/lib/postgresql/data"
    # The package's own cluster is not used: the entrypoint initialises PGDATA, as the official image does.
    $sudo rm -rf "$r/etc/postgresql/15" "$r/var/lib/postgresql/15"
    import "$r" $prefix/postgres:15 \
      'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      'ENV PGDATA=/var/lib/postgresql/data' 'ENV LANG=C.UTF-8' \
      'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["postgres"]' 'EXPOSE 5432'
  ) & pids+=($!)
fi

if ! fresh $prefix/nginx; then
  ( strap nginx nginx,libnginx-mod-http-js,curl
    r=$work/nginx
    # Like the official image: conf.d/*.conf is the site, logs go to the container's output.
    $sudo rm -f "$r/etc/nginx/sites-enabled/default"
    $sudo ln -sf /dev/stdout "$r/var/log/nginx/access.log"
    $sudo ln -sf /dev/stderr "$r/var/log/nginx/error.log"
    import "$r" $prefix/nginx 'CMD ["nginx", "-g", "daemon off;"]' 'EXPOSE 80'
  ) & pids+=($!)
fi

if ! fresh $prefix/dotnet-sdk:10.0 || ! fresh $prefix/aspnet:10.0; then
  ( dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
    [ -d "$dotnet_root/shared/Microsoft.AspNetCore.App" ] || { log "no .NET SDK with ASP.NET Core at $dotnet_root"; exit 1; }
    strap dotnet ca-certificates,libicu72,libssl3,tzdata
    r=$work/dotnet
    # The runtime image's unprivileged user, with the uid Microsoft's images use.
    $sudo chroot "$r" useradd --uid 1654 --user-group --no-create-home --home-dir /app --shell /usr/sbin/nologin app
    # Restores inside a build trust only the image's CA bundle; this machine's reaches its registries.
    $sudo install -m 644 /etc/ssl/certs/ca-certificates.crt "$r/etc/ssl/certs/ca-certificates.crt"
    env=('ENV DOTNET_ROOT=/usr/share/dotnet' 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' 'ENV DOTNET_NOLOGO=1'
         'ENV APP_UID=1654' 'ENV ASPNETCORE_HTTP_PORTS=8080' 'ENV DOTNET_RUNNING_IN_CONTAINER=true')
    [ -n "${NUGET_CERT_REVOCATION_MODE:-}" ] && env+=("ENV NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE")
    $sudo mkdir -p "$r/usr/share/dotnet"
    $sudo cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$dotnet_root/LICENSE.txt" "$r/usr/share/dotnet/"
    $sudo ln -sf /usr/share/dotnet/dotnet "$r/usr/bin/dotnet"
    import "$r" $prefix/aspnet:10.0 "${env[@]}"
    # The SDK: the same root plus the SDK's folders.
    for d in sdk packs sdk-manifests templates; do
      [ -d "$dotnet_root/$d" ] && $sudo cp -a "$dotnet_root/$d" "$r/usr/share/dotnet/"
    done
    import "$r" $prefix/dotnet-sdk:10.0 "${env[@]}"
  ) & pids+=($!)
fi

status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
[ "$status" -eq 0 ] || { log "failed"; exit 1; }
docker image ls "$prefix/*" --format '{{.Repository}}:{{.Tag}}  {{.Size}}' >&2
