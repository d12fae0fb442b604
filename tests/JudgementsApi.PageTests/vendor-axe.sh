#!/usr/bin/env bash
# Puts axe-core's axe.min.js (npm, version pinned here) in vendor/ for the page tests to inject.
# It is a test tool, never served to users, and not committed (vendor/ is git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
version=4.14.1
[ -s vendor/axe.min.js ] && grep -q "axe v$version" vendor/axe.min.js && exit 0
if ! command -v npm >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq npm >&2
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "axe-core@$version" >&2)
mkdir -p vendor
cp "$tmp/node_modules/axe-core/axe.min.js" vendor/axe.min.js
echo "axe-core $version in $(pwd)/vendor/axe.min.js" >&2
