#!/usr/bin/env bash
# Vendors GOV.UK Frontend's built CSS and JS into api/Assets/govuk/ (committed, so serving needs no
# Node). Run it again to upgrade: GOVUK_FRONTEND_VERSION=6.6.0 web/vendor.sh
# The GDS Transport font and the crown/crest are licensed for GOV.UK services only, so they are not
# copied and the CSS is rewritten to use the fallback font stack (arial, sans-serif).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${GOVUK_FRONTEND_VERSION:-6.6.0}
command -v npm >/dev/null || { echo "npm is needed (apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "govuk-frontend@$version")
src="$tmp/node_modules/govuk-frontend/dist/govuk"
out=api/Assets/govuk
rm -rf "$out"; mkdir -p "$out"
sed -E -e 's/@font-face\{font-family:GDS Transport;[^}]*\}//g' \
       -e 's/font-family:GDS Transport,/font-family:/g' -e 's/font-family:GDS Transport([;}])/font-family:arial,sans-serif\1/g' \
       -e 's#/\*\# sourceMappingURL=[^*]*\*/##' \
       "$src/govuk-frontend.min.css" > "$out/govuk-frontend.min.css"
sed -e 's#//\# sourceMappingURL=.*##' "$src/govuk-frontend.min.js" > "$out/govuk-frontend.min.js"
grep -o "\"license\": *\"[^\"]*\"" "$tmp/node_modules/govuk-frontend/package.json" > "$out/LICENSE.txt"
echo "Copyright Crown copyright (Government Digital Service). https://github.com/alphagov/govuk-frontend" >> "$out/LICENSE.txt"
echo "govuk-frontend $version (npm), built files: govuk-frontend.min.css (GDS Transport and crest removed), govuk-frontend.min.js" > "$out/VERSION"
echo "Vendored govuk-frontend $version into $out"
